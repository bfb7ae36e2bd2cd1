package org.pchat.server.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 4180 quoting. */
class CsvWriterTest {

    private static String record(String... fields) throws Exception {
        StringWriter out = new StringWriter();
        new CsvWriter(out).record(Arrays.asList(fields));
        return out.toString();
    }

    @Test
    void plainFieldsAreWrittenAsTheyAreAndTheRecordEndsWithCrLf() throws Exception {
        assertThat(record("a", "b c", "d")).isEqualTo("a,b c,d\r\n");
    }

    @Test
    void fieldWithCommaIsQuoted() throws Exception {
        assertThat(record("a,b", "c")).isEqualTo("\"a,b\",c\r\n");
    }

    @Test
    void doubleQuotesAreDoubledInsideQuotes() throws Exception {
        assertThat(record("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"\r\n");
    }

    @Test
    void lineBreaksAreKeptInsideQuotes() throws Exception {
        assertThat(record("one\r\ntwo", "three\nfour")).isEqualTo("\"one\r\ntwo\",\"three\nfour\"\r\n");
    }

    @Test
    void nullAndEmptyAreEmptyFields() throws Exception {
        assertThat(record(null, "", "x")).isEqualTo(",,x\r\n");
    }

    @Test
    void twoRecordsAreTwoLines() throws Exception {
        StringWriter out = new StringWriter();
        CsvWriter csv = new CsvWriter(out);
        csv.record(List.of("a"));
        csv.record(List.of("b"));

        assertThat(out.toString()).isEqualTo("a\r\nb\r\n");
    }
}
