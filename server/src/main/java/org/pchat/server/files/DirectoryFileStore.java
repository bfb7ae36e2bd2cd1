package org.pchat.server.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default {@link FileStore}: a directory, on shared storage in a pool. Committed files live at
 * {@code <root>/<room-guid>/<stored name>}; partial files at {@code <root>/.partial/<room-guid>/<stored name>},
 * on the same file system so that committing is an atomic rename. Every path is built from a room GUID and a
 * name checked by {@link FileNames#requireStoredName(String)}, and checked again to lie under the root.
 */
public final class DirectoryFileStore implements FileStore {

    private static final Logger LOG = LoggerFactory.getLogger(DirectoryFileStore.class);
    private static final String PARTIAL_DIR = ".partial";

    private final Path root;

    /** @param root the store's directory; created when missing */
    public DirectoryFileStore(Path root) throws IOException {
        this.root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
        Files.createDirectories(this.root.resolve(PARTIAL_DIR));
    }

    @Override
    public Partial begin(UUID roomId, String storedName) throws IOException {
        Path partial = partialPath(roomId, storedName);
        if (Files.exists(filePath(roomId, storedName))) {
            throw new FileAlreadyExistsException(filePath(roomId, storedName).toString());
        }
        Files.createDirectories(partial.getParent());
        Files.createFile(partial);
        return new DirectoryPartial(roomId, storedName, partial);
    }

    @Override
    public Partial resume(UUID roomId, String storedName) throws IOException {
        Path partial = partialPath(roomId, storedName);
        if (!Files.isRegularFile(partial)) {
            throw new NoSuchFileException(partial.toString());
        }
        return new DirectoryPartial(roomId, storedName, partial);
    }

    @Override
    public InputStream open(UUID roomId, String storedName) throws IOException {
        return Files.newInputStream(filePath(roomId, storedName), StandardOpenOption.READ);
    }

    @Override
    public long size(UUID roomId, String storedName) throws IOException {
        return Files.size(filePath(roomId, storedName));
    }

    @Override
    public boolean delete(UUID roomId, String storedName) throws IOException {
        return Files.deleteIfExists(filePath(roomId, storedName));
    }

    @Override
    public String describe() {
        return "directory " + root;
    }

    private Path filePath(UUID roomId, String storedName) {
        return underRoot(root.resolve(roomId.toString()), storedName);
    }

    private Path partialPath(UUID roomId, String storedName) {
        return underRoot(root.resolve(PARTIAL_DIR).resolve(roomId.toString()), storedName);
    }

    private Path underRoot(Path dir, String storedName) {
        Path path = dir.resolve(FileNames.requireStoredName(storedName)).normalize();
        if (!path.startsWith(root) || !path.getParent().equals(dir)) {
            throw new FileException(FileException.Kind.INVALID, "file name '" + FileNames.abbreviate(storedName)
                    + "' resolves outside the file store " + root);
        }
        return path;
    }

    private final class DirectoryPartial implements Partial {
        private final UUID roomId;
        private final String storedName;
        private final Path partial;

        private DirectoryPartial(UUID roomId, String storedName, Path partial) {
            this.roomId = roomId;
            this.storedName = storedName;
            this.partial = partial;
        }

        @Override
        public long size() throws IOException {
            return Files.size(partial);
        }

        @Override
        public OutputStream append() throws IOException {
            FileChannel channel = FileChannel.open(partial, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            return new SyncingOutputStream(channel);
        }

        @Override
        public void commit() throws IOException {
            Path target = filePath(roomId, storedName);
            Files.createDirectories(target.getParent());
            if (Files.exists(target)) {
                throw new FileAlreadyExistsException(target.toString());
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        }

        @Override
        public void abort() {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException e) {
                LOG.warn("room {} - cannot delete partial file {}: {}", roomId, partial, e.toString());
            }
        }
    }

    /** Writes through a channel and forces the data to storage on close, before a commit can publish it. */
    private static final class SyncingOutputStream extends OutputStream {
        private final FileChannel channel;
        private final OutputStream out;

        private SyncingOutputStream(FileChannel channel) {
            this.channel = channel;
            this.out = Channels.newOutputStream(channel);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            try (channel) {
                channel.force(true);
            }
        }
    }
}
