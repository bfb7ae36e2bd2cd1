package org.pchat.server.compliance;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The files of one output directory. A file is named after the event-id range it covers,
 * {@code <prefix>-<first>-<last>.<ext>} or, one room per file, {@code <prefix>-<first>-<last>-<room>.<ext>}
 * (ids zero-padded to 12 digits so names sort in id order). Each file is written under a temporary name, forced
 * to disk, atomically renamed into place and its directory forced, so a file that exists is complete.
 */
final class ExportFiles {

    private static final Logger LOG = LoggerFactory.getLogger(ExportFiles.class);
    private static final String TEMP_PREFIX = ".";
    private static final String TEMP_SUFFIX = ".tmp";

    /**
     * The files already written for a range that starts at a given event id.
     *
     * @param lastId   the last event id of that range
     * @param combined whether the all-rooms file is there
     * @param rooms    the rooms whose own file is there
     */
    record WrittenRange(long lastId, boolean combined, Set<UUID> rooms) {
        WrittenRange {
            rooms = Set.copyOf(rooms);
        }
    }

    /** Writes a file's content; the stream is closed by the caller. */
    @FunctionalInterface
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private final String nodeId;
    private final Path directory;

    ExportFiles(String nodeId, Path directory) {
        this.nodeId = Objects.requireNonNull(nodeId, "nodeId");
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    Path directory() {
        return directory;
    }

    /** The name of a range's file, for all rooms ({@code room} empty) or one. */
    static String name(String prefix, long firstId, long lastId, Optional<UUID> room, ExportFormat format) {
        return String.format("%s-%012d-%012d%s.%s", prefix, firstId, lastId, room.map(r -> "-" + r).orElse(""),
                format.extension());
    }

    /**
     * What was already written for the range starting at {@code firstId}; empty when nothing was.
     *
     * @throws IOException when the directory cannot be read, or holds files of two different ranges starting there
     */
    Optional<WrittenRange> written(String prefix, long firstId, ExportFormat format) throws IOException {
        if (!Files.isDirectory(directory)) {
            return Optional.empty();
        }
        Pattern pattern = Pattern.compile(Pattern.quote(prefix) + "-0*" + firstId
                + "-(\\d+)(?:-([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}))?\\."
                + Pattern.quote(format.extension()));
        Set<Long> ends = new TreeSet<>();
        Set<UUID> rooms = new HashSet<>();
        boolean combined = false;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
            for (Path file : files) {
                Matcher m = pattern.matcher(file.getFileName().toString());
                if (m.matches()) {
                    ends.add(Long.parseLong(m.group(1)));
                    if (m.group(2) == null) {
                        combined = true;
                    } else {
                        rooms.add(UUID.fromString(m.group(2)));
                    }
                }
            }
        }
        if (ends.size() > 1) {
            throw new IOException(directory + " holds files of " + ends.size() + " different ranges starting at event "
                    + firstId + " (ending at " + ends + "); remove the ones not wanted and run again");
        }
        if (ends.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new WrittenRange(ends.iterator().next(), combined, rooms));
    }

    /**
     * Writes a file atomically: temporary name, forced to disk, renamed into place, directory forced.
     *
     * @return the written file
     */
    Path write(String name, Content content) throws IOException {
        Files.createDirectories(directory);
        Path target = directory.resolve(name);
        Path temp = directory.resolve(TEMP_PREFIX + name + TEMP_SUFFIX);
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel));
            content.writeTo(out);
            out.flush();
            channel.force(true);
        }
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        forceDirectory();
        return target;
    }

    /** Makes the rename durable; file systems that cannot open a directory (Windows) keep it in their journal. */
    private void forceDirectory() {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            LOG.debug("{} - cannot force directory {} to disk ({}); relying on the file system", nodeId, directory,
                    e.toString());
        }
    }
}
