package org.termcurator.core.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a typed search becomes, the same for tasks and trajectories. */
class FullTextQueryTest {

    @Test
    void searchTermsAreTheWordsAndPhrasesTyped() {
        assertThat(FullTextQuery.terms("Fix \"the logs\" now")).containsExactly("fix", "the logs", "now");
        assertThat(FullTextQuery.expression("Fix \"the logs\" now", false)).isEqualTo("\"fix\" AND \"the logs\" AND \"now\"");
        assertThat(FullTextQuery.expression("chmod   app", false)).isEqualTo("\"chmod\" AND \"app\"");
        assertThat(FullTextQuery.expression("", false)).isNull();
        assertThat(FullTextQuery.expression("  ", true)).isNull();
    }

    @Test
    void whileTypingTheLastLongWordIsAlsoAPrefix() {
        assertThat(FullTextQuery.expression("Fix \"the logs\" wher", true)).isEqualTo("\"fix\" AND \"the logs\" AND \"wher\"*");
        assertThat(FullTextQuery.expression("\"open", true)).as("an unclosed quote").isEqualTo("\"open\"*");
        assertThat(FullTextQuery.expression("fix wh", true)).as("too short to be a useful prefix").isEqualTo("\"fix\" AND \"wh\"");
        assertThat(FullTextQuery.expression("fix where ", true)).as("a space ends the word").isEqualTo("\"fix\" AND \"where\"");
        assertThat(FullTextQuery.expression("fix where", false)).isEqualTo("\"fix\" AND \"where\"");
    }

    @Test
    void aTrailingStarMakesAPrefixAndPunctuationInsideAWordMakesAPhrase() {
        assertThat(FullTextQuery.expression("pyt* \"no such file\"", false)).isEqualTo("\"pyt\"* AND \"no such file\"");
        assertThat(FullTextQuery.expression("cat foo.py", false)).isEqualTo("\"cat\" AND \"foo py\"");
        assertThat(FullTextQuery.expression("root@box", true)).isEqualTo("\"root box\"");
        assertThat(FullTextQuery.terms("cat foo.py")).as("highlighted word by word").containsExactly("cat", "foo", "py");
    }

    @Test
    void punctuationAndOperatorsAreNeverASyntaxErrorAndPunctuationAloneIsNoQuery() {
        assertThat(FullTextQuery.expression("x\"y OR (", false)).isEqualTo("\"x\" AND \"y\"");
        assertThat(FullTextQuery.expression("NEAR ( AND", false)).isEqualTo("\"near\"");
        assertThat(FullTextQuery.expression("-- ;; ()", false)).isNull();
        assertThat(FullTextQuery.expression("-- ;; ()", true)).isNull();
    }

    @Test
    void stopWordsBesideOtherWordsAreLeftOutButAloneTheyAreSearched() {
        assertThat(FullTextQuery.expression("rotate the", true)).isEqualTo("\"rotate\"");
        assertThat(FullTextQuery.expression("logs of the server", true)).isEqualTo("\"logs\" AND \"server\"*");
        assertThat(FullTextQuery.expression("\"rotate the logs\"", true)).isEqualTo("\"rotate the logs\"");
        assertThat(FullTextQuery.expression("the", true)).isEqualTo("\"the\"");
        assertThat(FullTextQuery.terms("rotate the")).containsExactly("rotate", "the");
    }
}
