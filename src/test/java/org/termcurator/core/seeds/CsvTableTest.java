package org.termcurator.core.seeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTableTest {

    @Test
    void recordsKnowTheLineTheyStartOn() throws Exception {
        List<CsvTable.Record> records = CsvTable.parse(
                "\uFEFFa,b\r\n\"multi\nline\",\"say \"\"hi\"\"\"\n\nlast,\n", ',');
        assertThat(records).containsExactly(
                new CsvTable.Record(1, List.of("a", "b")),
                new CsvTable.Record(2, List.of("multi\nline", "say \"hi\"")),
                new CsvTable.Record(5, List.of("last", "")));
    }

    @Test
    void tabsSeparateTsvFields() throws Exception {
        assertThat(CsvTable.parse("x\ty, z\n", '\t')).containsExactly(new CsvTable.Record(1, List.of("x", "y, z")));
    }

    @Test
    void anUnclosedQuoteNamesTheLineItOpensOnAndKeepsTheRecordsBefore() {
        assertThatThrownBy(() -> CsvTable.parse("problem\nok\n\"never closed\nmore\n", ','))
                .isInstanceOfSatisfying(CsvTable.CsvException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.getMessage()).isEqualTo("a quoted field opened on line 3 is never closed");
                    assertThat(e.readBefore()).extracting(CsvTable.Record::fields)
                            .containsExactly(List.of("problem"), List.of("ok"));
                });
    }

    @Test
    void formattedRecordsQuoteOnlyWhatNeedsItAndReadBack() throws Exception {
        List<String> fields = List.of("plain", "a,b", "say \"hi\"", "two\nlines", "");
        String line = CsvTable.formatRecord(fields, ',');
        assertThat(line).isEqualTo("plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\r\n");
        assertThat(CsvTable.parse(line, ',')).containsExactly(new CsvTable.Record(1, fields));
    }
}
