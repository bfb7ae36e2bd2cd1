package org.pchat.interop.load;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * The figures of one run, printed as a table and written as JSON (flat keys, numbers in ms, MiB, percent of
 * one core) so that runs can be compared. Built by {@link LoadDriver}; {@link #figures()} keeps their order.
 */
final class LoadReport {
    private final Map<String, Object> figures = new LinkedHashMap<>();
    private final Map<String, Long> failures;

    LoadReport(Map<String, Long> failures) {
        this.failures = failures;
    }

    /** The same figures with the failures as they are now (a run that records failures after it began its report). */
    LoadReport withFailures(Map<String, Long> now) {
        LoadReport copy = new LoadReport(now);
        copy.figures.putAll(figures);
        return copy;
    }

    LoadReport put(String key, Object value) {
        figures.put(key, value);
        return this;
    }

    /** p50/p99/p99.9/max in ms of a histogram under {@code prefix}. */
    LoadReport latency(String prefix, Histogram h, boolean full) {
        put(prefix + "_count", h.getTotalCount());
        if (full) {
            put(prefix + "_p50_ms", ms(h.getValueAtPercentile(50)));
        }
        put(prefix + "_p99_ms", ms(h.getValueAtPercentile(99)));
        if (full) {
            put(prefix + "_p999_ms", ms(h.getValueAtPercentile(99.9)));
            put(prefix + "_max_ms", ms(h.getMaxValue()));
        }
        return this;
    }

    private static double ms(long micros) {
        return Math.round(micros / 10.0) / 100.0;
    }

    Map<String, Object> figures() {
        return figures;
    }

    Map<String, Long> failures() {
        return failures;
    }

    Object get(String key) {
        return figures.get(key);
    }

    /**
     * Prints the table, writes the JSON when asked, and gives the driver's exit status: 0 when the run had no
     * failed operation, 1 when it had some.
     */
    int finish(java.io.PrintStream out, java.util.Optional<java.nio.file.Path> jsonOut) throws java.io.IOException {
        out.print(table());
        if (jsonOut.isPresent()) {
            java.nio.file.Files.writeString(jsonOut.get(), json(), java.nio.charset.StandardCharsets.UTF_8);
        }
        return ((Number) get("failed_operations")).longValue() == 0 ? 0 : 1;
    }

    /** Two columns, figure and value, then the failures by kind. */
    String table() {
        StringBuilder out = new StringBuilder();
        int width = figures.keySet().stream().mapToInt(String::length).max().orElse(10);
        String line = "-".repeat(width + 22) + "\n";
        out.append(line);
        figures.forEach((k, v) -> out.append(String.format(Locale.ROOT, "%-" + width + "s  %18s%n", k, text(v))));
        out.append(line);
        if (failures.isEmpty()) {
            out.append("failures: none\n");
        } else {
            failures.forEach((k, v) -> out.append("failure: ").append(k).append(" x").append(v).append('\n'));
        }
        return out.toString();
    }

    /** One JSON object: the figures, then {@code "failures": {kind: count}}. */
    String json() {
        StringBuilder out = new StringBuilder("{\n");
        figures.forEach((k, v) -> out.append("  \"").append(k).append("\": ").append(jsonValue(v)).append(",\n"));
        out.append("  \"failures\": {");
        String sep = "";
        for (Map.Entry<String, Long> e : failures.entrySet()) {
            out.append(sep).append('"').append(escape(e.getKey())).append("\": ").append(e.getValue());
            sep = ", ";
        }
        return out.append("}\n}\n").toString();
    }

    private static String text(Object v) {
        if (v instanceof Double d) {
            return d.isNaN() ? "n/a" : String.format(Locale.ROOT, "%.2f", d);
        }
        return String.valueOf(v);
    }

    private static String jsonValue(Object v) {
        if (v instanceof Double d) {
            return d.isNaN() || d.isInfinite() ? "null" : String.format(Locale.ROOT, "%.3f", d);
        }
        if (v instanceof Number || v instanceof Boolean) {
            return v.toString();
        }
        return "\"" + escape(String.valueOf(v)) + "\"";
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
