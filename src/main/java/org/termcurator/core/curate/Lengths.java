package org.termcurator.core.curate;

import org.termcurator.core.curate.trainer.ModelTokenizer;
import org.termcurator.core.curate.trainer.TrainMessage;
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

    /** The model's tokenizer when given (trained text as it splits it), else the settings' estimator. */
    static Lengths of(CurationSettings settings, ModelTokenizer tokenizer) {
        if (tokenizer != null) {
            return new Lengths() {
                @Override
                String describe() {
                    return "counted with the tokenizer of " + tokenizer.folder().getFileName();
                }

                @Override
                public long trainedTokens(TrainSample sample) {
                    long sum = 0;
                    for (TrainMessage message : sample.messages()) {
                        if (message.trained()) {
                            sum += tokenizer.count(message.content()) + tokenizer.count(message.reasoning());
                            if (!message.toolCalls().isEmpty()) {
                                sum += tokenizer.count(TargetRows.text(SettingsJson.MAPPER.valueToTree(
                                        message.toolCalls())));
                            }
                        }
                    }
                    return sum;
                }
            };
        }
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
