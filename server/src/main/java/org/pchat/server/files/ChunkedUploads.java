package org.pchat.server.files;

import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.pchat.server.domain.StoredFile;
import org.pchat.server.domain.UserUris;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Uploads that arrive in chunks (the Lync file web service, xccos.md §8.1): a unique name is reserved first,
 * then chunks are appended in order at their offsets; when the declared length is reached the file is
 * published like any other upload. Chunks are hashed as they come, so nothing is read back. The state of an
 * upload lives on the node that reserved it; one idle for longer than the configured time is abandoned and its
 * partial file deleted.
 */
public final class ChunkedUploads {

    private static final Logger LOG = LoggerFactory.getLogger(ChunkedUploads.class);

    private final FileService files;
    private final Clock clock;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();

    public ChunkedUploads(FileService files, Clock clock) {
        this.files = Objects.requireNonNull(files, "files");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** One upload in progress; guarded by its own monitor. */
    private static final class Pending {
        final String userUri;
        final UUID roomId;
        final String storedName;
        final String originalName;
        final MessageDigest sha256 = FileService.sha256();
        long fileLength = -1;
        long received;
        Instant lastActivity;

        Pending(String userUri, UUID roomId, String storedName, String originalName, Instant now) {
            this.userUri = userUri;
            this.roomId = roomId;
            this.storedName = storedName;
            this.originalName = originalName;
            this.lastActivity = now;
        }
    }

    /**
     * Reserves a unique stored name for a file the user will send in chunks.
     *
     * @param extension the extension to keep (empty: the one of {@code originalName})
     * @throws FileException NOT_FOUND, FORBIDDEN, INVALID, BUSY, STORAGE
     */
    public String reserve(String userUri, UUID roomId, String originalName, String extension) {
        String uri = UserUris.normalize(userUri);
        files.requireUploadable(uri, roomId);
        purgeIdle();
        int limit = files.config().maxPendingUploads();
        if (pending.size() >= limit) {
            throw new FileException(FileException.Kind.BUSY, pending.size() + " chunked uploads are in progress, the "
                    + "limit is " + limit + " (user " + uri + ")");
        }
        String display = FileNames.displayName(originalName);
        String storedName = extension == null || extension.isBlank() ? FileNames.unique(display)
                : FileNames.withExtension(extension);
        files.begin(roomId, storedName, "user " + uri);
        pending.put(storedName, new Pending(uri, roomId, storedName, display, clock.instant()));
        LOG.info("room {} - user {} reserved {} for '{}'", roomId, uri, storedName, display);
        return storedName;
    }

    /**
     * Appends a chunk at {@code offset} of a file of {@code fileLength} bytes. A chunk that repeats bytes already
     * received is accepted and ignored (a client retrying after a lost answer).
     *
     * @return the stored file when this chunk completed it
     * @throws FileException NOT_FOUND (no such upload for this user and room), INVALID, CONFLICT (a gap),
     *                       TOO_LARGE (the upload is abandoned), FORBIDDEN, STORAGE
     */
    public Optional<StoredFile> append(String userUri, UUID roomId, String storedName, long offset, long fileLength,
            byte[] chunk) {
        String uri = UserUris.normalize(userUri);
        FileNames.requireStoredName(storedName);
        Pending upload = pending.get(storedName);
        String who = "user " + uri + ", room " + roomId + ", file " + storedName;
        if (upload == null || !upload.userUri.equals(uri) || !upload.roomId.equals(roomId)) {
            throw new FileException(FileException.Kind.NOT_FOUND, "no upload in progress (" + who + ")");
        }
        synchronized (upload) {
            try {
                files.requireUploadable(uri, roomId);
                if (fileLength > files.config().maxFileBytes()) {
                    throw files.tooLarge(fileLength, who);
                }
            } catch (FileException e) {
                abandon(upload);
                throw e;
            }
            checkChunk(upload, offset, fileLength, chunk.length, who);
            upload.lastActivity = clock.instant();
            if (offset + chunk.length <= upload.received) {
                return Optional.empty();
            }
            FileStore.Partial partial = files.resume(roomId, storedName, who);
            try (OutputStream out = partial.append()) {
                out.write(chunk);
            } catch (IOException e) {
                abandon(upload);
                throw new FileException(FileException.Kind.STORAGE, "cannot append to " + storedName + " (" + who
                        + "): " + e, e);
            }
            upload.sha256.update(chunk);
            upload.received += chunk.length;
            upload.fileLength = fileLength;
            if (upload.received < fileLength) {
                return Optional.empty();
            }
            pending.remove(storedName, upload);
            StoredFile file = new StoredFile(UUID.randomUUID(), roomId, storedName, upload.originalName, uri,
                    upload.received, MediaTypes.byName(upload.originalName),
                    HexFormat.of().formatHex(upload.sha256.digest()), clock.instant());
            files.publish(partial, file);
            LOG.info("room {} - user {} uploaded {} ({} bytes) in chunks as {}", roomId, uri, upload.originalName,
                    file.sizeBytes(), storedName);
            return Optional.of(file);
        }
    }

    /** The number of uploads in progress. */
    public int inProgress() {
        return pending.size();
    }

    private void checkChunk(Pending upload, long offset, long fileLength, int length, String who) {
        if (fileLength < 1 || (upload.fileLength >= 0 && fileLength != upload.fileLength)) {
            throw new FileException(FileException.Kind.INVALID, "file length " + fileLength + " is "
                    + (fileLength < 1 ? "below 1" : "not the " + upload.fileLength + " declared before") + " (" + who
                    + ")");
        }
        if (length < 1 || length > files.config().maxChunkBytes()) {
            throw new FileException(FileException.Kind.INVALID, "chunk of " + length + " bytes is outside 1.."
                    + files.config().maxChunkBytes() + " (" + who + ")");
        }
        if (offset < 0 || offset + length > fileLength) {
            throw new FileException(FileException.Kind.INVALID, "chunk at " + offset + " of " + length
                    + " bytes does not fit a file of " + fileLength + " bytes (" + who + ")");
        }
        if (offset > upload.received || (offset < upload.received && offset + length > upload.received)) {
            throw new FileException(FileException.Kind.CONFLICT, "chunk at " + offset + " does not follow the "
                    + upload.received + " bytes received (" + who + ")");
        }
    }

    private void abandon(Pending upload) {
        pending.remove(upload.storedName, upload);
        try {
            files.resume(upload.roomId, upload.storedName, "user " + upload.userUri).abort();
        } catch (FileException e) {
            LOG.debug("room {} - partial {} already gone: {}", upload.roomId, upload.storedName, e.getMessage());
        }
        LOG.info("room {} - chunked upload {} of user {} abandoned", upload.roomId, upload.storedName, upload.userUri);
    }

    private void purgeIdle() {
        Instant cutoff = clock.instant().minus(files.config().pendingUploadIdle());
        pending.values().stream().filter(p -> p.lastActivity.isBefore(cutoff)).toList().forEach(p -> {
            synchronized (p) {
                abandon(p);
            }
        });
    }
}
