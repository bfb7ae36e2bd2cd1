package org.pchat.server.compliance;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.pchat.server.config.ConfigException;
import org.pchat.server.config.ConfigKey;
import org.pchat.server.config.EffectiveConfig;
import org.pchat.server.config.Origin;
import org.pchat.server.config.PchatConfig;
import org.pchat.server.config.RawValue;
import org.pchat.server.config.Settings;
import org.pchat.server.config.ValueType;

/**
 * Every option of the compliance service, validated on construction; errors name the key, the value seen and
 * the limit.
 *
 * @param enabled        whether chat events are recorded (and relayed and exported)
 * @param formats        the export adapters, one per format
 * @param runInterval    time between two export runs (Lync RunInterval)
 * @param outputDir      where the adapters write; each format in its own sub-directory
 * @param export         what the adapters write
 * @param relayInterval  time between two outbox relay passes
 * @param relayBatchSize events moved per relay transaction
 * @param maxBacklogAge  actions are refused while the oldest unrelayed event is older than this
 * @param retentionDays  events older than this many days are purged once every adapter exported them; 0 keeps all
 */
public record ComplianceConfig(boolean enabled, Set<ExportFormat> formats, Duration runInterval, Path outputDir,
        ExportOptions export, Duration relayInterval, int relayBatchSize, Duration maxBacklogAge,
        int retentionDays) {

    private static final String DEFAULT_OUTPUT_DIR_NAME = "compliance-export";

    public static final ConfigKey<Boolean> ENABLED = ConfigKey.of("compliance.enabled", ValueType.bool(), false,
            "Record every join, part, post, history read, file upload and download for auditors.");
    public static final ConfigKey<List<String>> FORMATS = ConfigKey.of("compliance.formats",
            ValueType.list("export formats", "xml, jsonl or csv", Pattern.compile("xml|jsonl|csv")), List.of("xml"),
            "Export adapters, one per format, each with its own checkpoint and sub-directory.");
    public static final ConfigKey<Duration> RUN_INTERVAL = ConfigKey.of("compliance.run-interval",
            ValueType.seconds(10, 86_400), Duration.ofMinutes(15), "Seconds between two export runs.");
    public static final ConfigKey<Path> OUTPUT_DIR = ConfigKey.optional("compliance.output-dir",
            ValueType.path("a directory"), "Where exports are written; unset means <data.dir>/compliance-export.");
    public static final ConfigKey<Boolean> ONE_ROOM_PER_FILE = ConfigKey.of("compliance.one-room-per-file",
            ValueType.bool(), false, "Write one output file per chat room.");
    public static final ConfigKey<Boolean> ROOM_DETAILS = ConfigKey.of("compliance.add-room-details",
            ValueType.bool(), false, "Add room name, description, category and history setting to exports.");
    public static final ConfigKey<Boolean> USER_DETAILS = ConfigKey.of("compliance.add-user-details",
            ValueType.bool(), false, "Add the user's display name to exports.");
    public static final ConfigKey<Integer> EVENTS_PER_FILE = ConfigKey.of("compliance.events-per-file",
            ValueType.integer("an event count", ExportOptions.MIN_EVENTS_PER_FILE, ExportOptions.MAX_EVENTS_PER_FILE),
            ExportOptions.DEFAULT_EVENTS_PER_FILE, "Most events in one export file.");
    public static final ConfigKey<Integer> RELAY_INTERVAL_MS = ConfigKey.of("compliance.relay-interval-ms",
            ValueType.integer("milliseconds", 50, 60_000), 500,
            "Milliseconds between two passes moving recorded events to the compliance database.");
    public static final ConfigKey<Integer> RELAY_BATCH_SIZE = ConfigKey.of("compliance.relay-batch-size",
            ValueType.integer("an event count", 1, 10_000), 500, "Events moved per relay transaction.");
    public static final ConfigKey<Duration> MAX_BACKLOG_AGE = ConfigKey.of("compliance.max-backlog-age",
            ValueType.seconds(1, 3_600), Duration.ofSeconds(5),
            "Seconds an event may wait for the compliance database before new actions are refused.");
    public static final ConfigKey<Integer> RETENTION_DAYS = ConfigKey.of("compliance.retention-days",
            ValueType.integer("a number of days", 0, 36_500), 0,
            "Purge events older than this once every adapter exported them; 0 keeps them forever.");

    public ComplianceConfig {
        formats = Set.copyOf(Objects.requireNonNull(formats, "formats"));
        if (formats.isEmpty()) {
            throw new ConfigException(FORMATS.name() + " is empty: name at least one of xml, jsonl, csv");
        }
        RUN_INTERVAL.check(runInterval);
        Objects.requireNonNull(outputDir, "outputDir");
        if (!outputDir.isAbsolute()) {
            throw new ConfigException(OUTPUT_DIR.name() + "=" + outputDir + " is not an absolute path");
        }
        Objects.requireNonNull(export, "export");
        Objects.requireNonNull(relayInterval, "relayInterval");
        RELAY_INTERVAL_MS.check((int) Math.min(Integer.MAX_VALUE, relayInterval.toMillis()));
        RELAY_BATCH_SIZE.check(relayBatchSize);
        MAX_BACKLOG_AGE.check(maxBacklogAge);
        RETENTION_DAYS.check(retentionDays);
        if (relayInterval.multipliedBy(2).compareTo(maxBacklogAge) > 0) {
            throw new ConfigException(RELAY_INTERVAL_MS.name() + "=" + relayInterval.toMillis()
                    + " is more than half of " + MAX_BACKLOG_AGE.name() + "=" + maxBacklogAge.toSeconds()
                    + " s: the relay must get at least two tries before actions are refused");
        }
    }

    /** The keys this record is built from. */
    public static List<ConfigKey<?>> keys() {
        return List.of(ENABLED, FORMATS, RUN_INTERVAL, OUTPUT_DIR, ONE_ROOM_PER_FILE, ROOM_DETAILS, USER_DETAILS,
                EVENTS_PER_FILE, RELAY_INTERVAL_MS, RELAY_BATCH_SIZE, MAX_BACKLOG_AGE, RETENTION_DAYS);
    }

    /** The documented defaults, exports under {@code dataDir}. */
    public static ComplianceConfig defaults(Path dataDir) {
        return from(new Settings(Map.of(), dataDir), dataDir);
    }

    /**
     * Builds the record from the merged settings.
     *
     * @param dataDir the node's absolute data directory (default parent of the output directory)
     */
    public static ComplianceConfig from(Settings settings, Path dataDir) {
        Path output = settings.path(OUTPUT_DIR).orElse(dataDir.resolve(DEFAULT_OUTPUT_DIR_NAME));
        return new ComplianceConfig(settings.get(ENABLED), formats(settings.get(FORMATS)), settings.get(RUN_INTERVAL),
                output, new ExportOptions(settings.get(ONE_ROOM_PER_FILE), settings.get(ROOM_DETAILS),
                        settings.get(USER_DETAILS), settings.get(EVENTS_PER_FILE)),
                Duration.ofMillis(settings.get(RELAY_INTERVAL_MS)), settings.get(RELAY_BATCH_SIZE),
                settings.get(MAX_BACKLOG_AGE), settings.get(RETENTION_DAYS));
    }

    /**
     * The compliance options in force for a loaded process configuration: the values of this record's keys as
     * the loader resolved them (flags, environment, file), defaults for keys not set.
     *
     * @param workingDir the directory a relative output directory resolves against
     */
    public static ComplianceConfig of(PchatConfig config, Path workingDir) {
        EffectiveConfig effective = config.effective();
        Map<String, RawValue> set = new HashMap<>();
        for (ConfigKey<?> key : keys()) {
            effective.entry(key.name())
                    .filter(entry -> !(entry.origin() instanceof Origin.Default)
                            && !(entry.origin() instanceof Origin.Unset))
                    .ifPresent(entry -> set.put(key.name(), new RawValue(entry.shownValue(), entry.origin())));
        }
        return from(new Settings(set, workingDir), config.node().dataDir());
    }

    /** The enabled formats in a stable order. */
    public List<ExportFormat> formatList() {
        return formats.stream().sorted().toList();
    }

    /** A copy with compliance switched on or off. */
    public ComplianceConfig withEnabled(boolean value) {
        return new ComplianceConfig(value, formats, runInterval, outputDir, export, relayInterval, relayBatchSize,
                maxBacklogAge, retentionDays);
    }

    /** A copy with other relay timings. */
    public ComplianceConfig withRelay(Duration interval, Duration backlogAge) {
        return new ComplianceConfig(enabled, formats, runInterval, outputDir, export, interval, relayBatchSize,
                backlogAge, retentionDays);
    }

    /** A copy with other formats. */
    public ComplianceConfig withFormats(Set<ExportFormat> value) {
        return new ComplianceConfig(enabled, value, runInterval, outputDir, export, relayInterval, relayBatchSize,
                maxBacklogAge, retentionDays);
    }

    /** A copy with another retention. */
    public ComplianceConfig withRetentionDays(int value) {
        return new ComplianceConfig(enabled, formats, runInterval, outputDir, export, relayInterval, relayBatchSize,
                maxBacklogAge, value);
    }

    private static Set<ExportFormat> formats(List<String> names) {
        Set<ExportFormat> formats = EnumSet.noneOf(ExportFormat.class);
        for (String name : names) {
            if (!formats.add(ExportFormat.parse(name))) {
                throw new ConfigException(FORMATS.name() + "=" + String.join(",", names) + " names " + name
                        + " twice");
            }
        }
        return formats;
    }
}
