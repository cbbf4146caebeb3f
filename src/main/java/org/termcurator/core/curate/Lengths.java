package org.termcurator.core.curate;

import org.termcurator.core.curate.trainer.TrainSample;

/**
 * Counts the tokens a trainer learns from in a shaped sample: with the settings' estimator
 * (JTokkit) by default, or with a model folder's tokenizer on the text its chat template renders.
 */
abstract class Lengths implements TargetExport.LengthCounter, AutoCloseable {

    /** Says in the card how the tokens were counted. */
    abstract String describe();

    @Override
    public void close() {
    }

    static Lengths of(ExportOptions options, CurationSettings settings) {
        TokenCounter counter = new TokenCounter(settings.tokens().encoding());
        TargetExport.LengthCounter estimator = TargetExport.estimator(counter);
        return new Lengths() {
            @Override
            String describe() {
                return "estimated with " + counter.name();
            }

            @Override
            public long trainedTokens(TrainSample sample) {
                return estimator.trainedTokens(sample);
            }
        };
    }
}
