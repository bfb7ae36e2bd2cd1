package org.pchat.server.files;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Objects;

/**
 * Every limit of the file service, validated on construction; errors name the setting, the value seen and the
 * allowed range.
 *
 * @param root               the file store directory ({@code <data dir>/files} by default)
 * @param maxFileSizeKb      largest file, in KB of 1,024 bytes ({@code files.max-size-kb}, default 20,000)
 * @param maxChunkKb         largest chunk of a chunked (SOAP) upload or download, in KB
 * @param maxPendingUploads  most chunked uploads in progress at once on this node
 * @param pendingUploadIdle  a chunked upload with no chunk for this long is abandoned and deleted
 * @param listLimit          most files one room listing returns
 */
public record FileServiceConfig(Path root, int maxFileSizeKb, int maxChunkKb, int maxPendingUploads,
        Duration pendingUploadIdle, int listLimit) {

    /** The Lync default file size limit, in KB. */
    public static final int DEFAULT_MAX_FILE_SIZE_KB = 20_000;

    public FileServiceConfig {
        Objects.requireNonNull(root, "root");
        if (!root.isAbsolute()) {
            throw new IllegalArgumentException("file service root " + root + " is not an absolute path");
        }
        requireRange("maxFileSizeKb", maxFileSizeKb, 1, 4_194_304);
        requireRange("maxChunkKb", maxChunkKb, 1, 65_536);
        requireRange("maxPendingUploads", maxPendingUploads, 1, 100_000);
        requireRange("listLimit", listLimit, 1, 10_000);
        Objects.requireNonNull(pendingUploadIdle, "pendingUploadIdle");
        if (pendingUploadIdle.compareTo(Duration.ofSeconds(10)) < 0 || pendingUploadIdle.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException("file service pendingUploadIdle is " + pendingUploadIdle
                    + ", allowed range is PT10S..P1D");
        }
    }

    /** Files under {@code <dataDir>/files}, the given size limit, 1,024 KB chunks, 1,000 uploads, 1 h idle. */
    public static FileServiceConfig defaults(Path dataDir, int maxFileSizeKb) {
        return new FileServiceConfig(dataDir.toAbsolutePath().resolve("files"), maxFileSizeKb, 1_024, 1_000,
                Duration.ofHours(1), 500);
    }

    /** A copy storing files under {@code root} when present ({@code files.dir}). */
    public FileServiceConfig withRoot(Optional<Path> root) {
        return root.map(r -> new FileServiceConfig(r.toAbsolutePath(), maxFileSizeKb, maxChunkKb, maxPendingUploads,
                pendingUploadIdle, listLimit)).orElse(this);
    }

    /** The file size limit in bytes. */
    public long maxFileBytes() {
        return maxFileSizeKb * 1024L;
    }

    /** The chunk size limit in bytes. */
    public int maxChunkBytes() {
        return maxChunkKb * 1024;
    }

    private static void requireRange(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException("file service " + name + " is " + value + ", allowed range is "
                    + min + ".." + max);
        }
    }
}
