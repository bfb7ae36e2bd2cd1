package org.pchat.server.compliance;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.pchat.server.domain.StoredComplianceEvent;

/** Writes one export file's events in one format. Implementations escape through a real writer, never by hand. */
sealed interface EventWriter permits LyncXmlWriter, JsonLinesWriter, CsvEventWriter {

    /**
     * Writes {@code events} (id order) to {@code out}, calling {@code perEvent} after each; leaves {@code out} open.
     */
    void write(List<StoredComplianceEvent> events, OutputStream out, Runnable perEvent) throws IOException;

    /** The writer of a format. */
    static EventWriter of(ExportFormat format, ExportOptions options, ExportDetails details) {
        return switch (format) {
            case XML -> new LyncXmlWriter(options, details);
            case JSONL -> new JsonLinesWriter(options, details);
            case CSV -> new CsvEventWriter(options, details);
        };
    }

    /** The user URI without its {@code sip:} scheme, as the Lync format names senders. */
    static String address(String userUri) {
        return userUri.regionMatches(true, 0, "sip:", 0, 4) ? userUri.substring(4) : userUri;
    }
}
