package org.pchat.server.compliance;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Objects;

/**
 * An RFC 4180 writer: records end with CRLF; a field holding a comma, a double quote, CR or LF is enclosed in
 * double quotes, and a double quote inside it is doubled. {@code null} writes an empty field.
 */
final class CsvWriter {

    private final Writer out;

    CsvWriter(Writer out) {
        this.out = Objects.requireNonNull(out, "out");
    }

    void record(List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            field(fields.get(i));
        }
        out.write("\r\n");
    }

    private void field(String value) throws IOException {
        if (value == null || value.isEmpty()) {
            return;
        }
        boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\r') >= 0
                || value.indexOf('\n') >= 0;
        if (!quote) {
            out.write(value);
            return;
        }
        out.write('"');
        out.write(value.replace("\"", "\"\""));
        out.write('"');
    }
}
