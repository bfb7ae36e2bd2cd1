package org.pchat.server.compliance;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The output formats of the export adapters; each enabled format is one adapter with its own checkpoint. */
public enum ExportFormat {
    /** The Lync Persistent Chat compliance XML (xccos.md §8.3). */
    XML("xml"),
    /** One JSON object per event and line. */
    JSONL("jsonl"),
    /** RFC 4180 comma-separated values with a header line. */
    CSV("csv");

    private final String extension;

    ExportFormat(String extension) {
        this.extension = extension;
    }

    /** The file name extension, without the dot. */
    public String extension() {
        return extension;
    }

    /** The adapter name: its checkpoint row and the prefix of its files. */
    public String adapterName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The format named {@code text}, ignoring case.
     *
     * @throws IllegalArgumentException naming the text and the accepted names
     */
    public static ExportFormat parse(String text) {
        return Arrays.stream(values()).filter(f -> f.adapterName().equalsIgnoreCase(text.trim())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("export format '" + text + "' is not one of "
                        + Arrays.stream(values()).map(ExportFormat::adapterName).collect(Collectors.joining("|"))));
    }
}
