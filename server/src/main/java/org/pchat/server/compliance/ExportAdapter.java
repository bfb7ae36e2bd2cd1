package org.pchat.server.compliance;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One export adapter: a format, the directory it writes to and what it writes. Its name (the format's) keys its
 * checkpoint and prefixes its files.
 *
 * @param format    the output format
 * @param directory where its files go
 * @param options   what it writes
 */
public record ExportAdapter(ExportFormat format, Path directory, ExportOptions options) {

    public ExportAdapter {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(options, "options");
    }

    /** The adapter's name. */
    public String name() {
        return format.adapterName();
    }

    /** The configured adapters: one per format, each in {@code <output-dir>/<format>}. */
    public static List<ExportAdapter> of(ComplianceConfig config) {
        return config.formatList().stream()
                .map(f -> new ExportAdapter(f, config.outputDir().resolve(f.adapterName()), config.export()))
                .toList();
    }
}
