package org.pchat.server.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.NoSuchFileException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.UUID;
import org.jooq.DSLContext;
import org.pchat.server.domain.RoomDetails;
import org.pchat.server.domain.StoredFile;
import org.pchat.server.domain.UserUris;
import org.pchat.server.rooms.AccessPolicy;
import org.pchat.server.rooms.RoomDirectory;
import org.pchat.server.store.FileRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Uploads and downloads of files posted to rooms, protocol-neutral: the HTTP routes, the SOAP file web service
 * and XMPP HTTP upload all come through here. Every call checks the room model again (ARCHITECTURE.md §5):
 * uploading needs the right to post in the room and file upload enabled in its category; downloading and
 * listing need the right to enter the room. A room the user may not see is reported as not found.
 *
 * <p>An upload streams into a partial file of the {@link FileStore} while counting and hashing, so the whole
 * file is never in memory; over the size limit it is aborted and nothing remains. The metadata row, the
 * compliance record and the store commit happen together: if any fails, none is left.
 *
 * <p>All methods block on the database and the store: call them from a bounded worker pool.
 */
public final class FileService {

    private static final Logger LOG = LoggerFactory.getLogger(FileService.class);
    private static final int BUFFER = 64 * 1024;

    private final FileServiceConfig config;
    private final FileStore store;
    private final DSLContext content;
    private final FileRepository files;
    private final RoomDirectory directory;
    private final FileAudit audit;
    private final Clock clock;

    public FileService(FileServiceConfig config, FileStore store, DSLContext content, RoomDirectory directory,
            FileAudit audit, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.store = Objects.requireNonNull(store, "store");
        this.content = Objects.requireNonNull(content, "content");
        this.files = new FileRepository(content);
        this.directory = Objects.requireNonNull(directory, "directory");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** What an upload declares before its bytes arrive. */
    public record Upload(String userUri, UUID roomId, String originalName, String contentType,
            OptionalLong declaredLength) {
        public Upload {
            userUri = UserUris.normalize(userUri);
            Objects.requireNonNull(roomId, "roomId");
            originalName = FileNames.displayName(originalName);
            contentType = MediaTypes.forUpload(contentType);
            Objects.requireNonNull(declaredLength, "declaredLength");
        }
    }

    /** A file about to be sent: its metadata and its bytes; the caller closes {@code content}. */
    public record Download(StoredFile file, InputStream content) {
        public Download {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(content, "content");
        }
    }

    /** The limits in force. */
    public FileServiceConfig config() {
        return config;
    }

    /**
     * Stores a file read from {@code body} (not closed here) under a new unique name.
     *
     * @throws FileException NOT_FOUND, FORBIDDEN, TOO_LARGE (nothing is left behind), STORAGE
     */
    public StoredFile upload(Upload upload, InputStream body) {
        String who = "user " + upload.userUri() + ", room " + upload.roomId();
        requireUploadable(upload.userUri(), upload.roomId());
        if (upload.declaredLength().isPresent() && upload.declaredLength().getAsLong() > config.maxFileBytes()) {
            throw tooLarge(upload.declaredLength().getAsLong(), who);
        }
        String storedName = FileNames.unique(upload.originalName());
        FileStore.Partial partial = begin(upload.roomId(), storedName, who);
        try {
            MessageDigest sha256 = sha256();
            long size = copyLimited(new DigestInputStream(body, sha256), partial, who);
            StoredFile file = new StoredFile(UUID.randomUUID(), upload.roomId(), storedName, upload.originalName(),
                    upload.userUri(), size, upload.contentType(), HexFormat.of().formatHex(sha256.digest()),
                    clock.instant());
            publish(partial, file);
            LOG.info("room {} - user {} uploaded {} ({} bytes, {}) as {}", file.roomId(), file.uploaderUri(),
                    file.originalName(), file.sizeBytes(), file.contentType(), file.storedName());
            return file;
        } catch (IOException e) {
            partial.abort();
            throw new FileException(FileException.Kind.STORAGE, "upload of " + upload.originalName() + " failed ("
                    + who + "): " + e.getMessage(), e);
        } catch (RuntimeException e) {
            partial.abort();
            throw e;
        }
    }

    /**
     * Opens a file for a user who may enter its room, after recording the download for compliance.
     *
     * @throws FileException INVALID for a name that is not a stored name, NOT_FOUND, FORBIDDEN, STORAGE
     */
    public Download download(String userUri, UUID roomId, String storedName) {
        StoredFile file = describe(userUri, roomId, storedName);
        Instant now = clock.instant();
        String reader = UserUris.normalize(userUri);
        content.transaction(c -> audit.downloaded(c.dsl(), file, reader, now));
        try {
            InputStream in = store.open(roomId, file.storedName());
            LOG.info("room {} - user {} downloads {} ({} bytes)", roomId, reader,
                    file.storedName(), file.sizeBytes());
            return new Download(file, in);
        } catch (IOException e) {
            throw missingBytes(file, e);
        }
    }

    /**
     * Reads up to {@code length} bytes at {@code offset} of a file (chunked downloads); the first chunk is
     * recorded for compliance as a download.
     */
    public byte[] readChunk(String userUri, UUID roomId, String storedName, long offset, int length) {
        StoredFile file = describe(userUri, roomId, storedName);
        if (length < 1 || length > config.maxChunkBytes()) {
            throw new FileException(FileException.Kind.INVALID, "chunk size " + length + " is outside 1.."
                    + config.maxChunkBytes() + " (file " + storedName + ", user " + userUri + ")");
        }
        if (offset < 0 || offset > file.sizeBytes()) {
            throw new FileException(FileException.Kind.INVALID, "offset " + offset + " is outside 0.."
                    + file.sizeBytes() + " (file " + storedName + ", user " + userUri + ")");
        }
        if (offset == 0) {
            Instant now = clock.instant();
            content.transaction(c -> audit.downloaded(c.dsl(), file, UserUris.normalize(userUri), now));
        }
        try (InputStream in = store.open(roomId, file.storedName())) {
            in.skipNBytes(offset);
            return in.readNBytes((int) Math.min(length, file.sizeBytes() - offset));
        } catch (IOException e) {
            throw missingBytes(file, e);
        }
    }

    /**
     * The metadata of a file in a room the user may enter.
     *
     * @throws FileException INVALID for a name that is not a stored name, NOT_FOUND, FORBIDDEN
     */
    public StoredFile describe(String userUri, UUID roomId, String storedName) {
        FileNames.requireStoredName(storedName);
        requireReadable(userUri, roomId);
        return files.findByStoredName(storedName).filter(f -> f.roomId().equals(roomId))
                .orElseThrow(() -> new FileException(FileException.Kind.NOT_FOUND, "no file " + storedName
                        + " in room " + roomId + " (user " + userUri + ")"));
    }

    /** The newest files of a room the user may enter, newest first, at most the list limit. */
    public List<StoredFile> list(String userUri, UUID roomId, int limit) {
        requireReadable(userUri, roomId);
        return files.forRoom(roomId, Math.max(1, Math.min(limit, config.listLimit())));
    }

    /**
     * Checks that the user may post files to the room and returns it.
     *
     * @throws FileException NOT_FOUND when the user cannot see it, FORBIDDEN when posting or file upload is off
     */
    public RoomDetails requireUploadable(String userUri, UUID roomId) {
        RoomDetails room = visibleRoom(userUri, roomId);
        if (!AccessPolicy.canPost(userUri, room)) {
            throw new FileException(FileException.Kind.FORBIDDEN, "user " + userUri + " may not post in room '"
                    + room.room().name() + "' (" + roomId + ")");
        }
        if (!room.category().fileUpload()) {
            throw new FileException(FileException.Kind.FORBIDDEN, "file upload is disabled in category '"
                    + room.category().name() + "' of room '" + room.room().name() + "' (user " + userUri + ")");
        }
        return room;
    }

    /**
     * Checks that the user may enter the room (and so read its files) and returns it.
     *
     * @throws FileException NOT_FOUND when the user cannot see it, FORBIDDEN when they may not enter it
     */
    public RoomDetails requireReadable(String userUri, UUID roomId) {
        RoomDetails room = visibleRoom(userUri, roomId);
        if (!AccessPolicy.canJoin(userUri, room)) {
            throw new FileException(FileException.Kind.FORBIDDEN, "user " + userUri + " may not enter room '"
                    + room.room().name() + "' (" + roomId + "), so not read its files");
        }
        return room;
    }

    /** Starts a partial file in the store. */
    FileStore.Partial begin(UUID roomId, String storedName, String who) {
        try {
            return store.begin(roomId, storedName);
        } catch (IOException e) {
            throw new FileException(FileException.Kind.STORAGE, "cannot start file " + storedName + " in "
                    + store.describe() + " (" + who + "): " + e, e);
        }
    }

    /** Continues a partial file in the store. */
    FileStore.Partial resume(UUID roomId, String storedName, String who) {
        try {
            return store.resume(roomId, storedName);
        } catch (NoSuchFileException e) {
            throw new FileException(FileException.Kind.NOT_FOUND, "no upload in progress for " + storedName
                    + " (" + who + ")");
        } catch (IOException e) {
            throw new FileException(FileException.Kind.STORAGE, "cannot resume file " + storedName + " ("
                    + who + "): " + e, e);
        }
    }

    /**
     * Records the metadata and the compliance event and commits the partial file, all or nothing.
     *
     * @throws FileException STORAGE when the commit failed; the partial file and any published bytes are gone
     */
    void publish(FileStore.Partial partial, StoredFile file) {
        boolean committed = false;
        try {
            content.transaction(c -> {
                files.in(c.dsl()).insert(file);
                audit.uploaded(c.dsl(), file, file.uploadedAt());
                partial.commit();
            });
            committed = true;
        } catch (RuntimeException e) {
            partial.abort();
            deleteQuietly(file);
            if (e.getCause() instanceof IOException io) {
                throw new FileException(FileException.Kind.STORAGE, "cannot store " + file.storedName()
                        + " in room " + file.roomId() + " (user " + file.uploaderUri() + "): " + io, io);
            }
            throw e;
        } finally {
            if (!committed) {
                LOG.warn("room {} - upload of {} by {} rolled back", file.roomId(), file.storedName(),
                        file.uploaderUri());
            }
        }
    }

    /** A fresh SHA-256 digest. */
    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** The error for a file over the size limit. */
    FileException tooLarge(long size, String who) {
        return new FileException(FileException.Kind.TOO_LARGE, "file of " + size + " bytes exceeds the limit of "
                + config.maxFileBytes() + " bytes (" + config.maxFileSizeKb() + " KB) (" + who + ")");
    }

    private long copyLimited(InputStream in, FileStore.Partial partial, String who) throws IOException {
        long max = config.maxFileBytes();
        long total = 0;
        byte[] buffer = new byte[BUFFER];
        try (OutputStream out = partial.append()) {
            int n;
            while ((n = in.read(buffer)) != -1) {
                total += n;
                if (total > max) {
                    throw tooLarge(total, who + ", stopped reading");
                }
                out.write(buffer, 0, n);
            }
        }
        return total;
    }

    private RoomDetails visibleRoom(String userUri, UUID roomId) {
        String uri = UserUris.normalize(userUri);
        return directory.room(roomId).filter(r -> AccessPolicy.canSee(uri, r))
                .orElseThrow(() -> new FileException(FileException.Kind.NOT_FOUND, "unknown room " + roomId
                        + " (user " + uri + ")"));
    }

    private FileException missingBytes(StoredFile file, IOException e) {
        LOG.error("room {} - file {} is recorded but cannot be read from {}: {}", file.roomId(), file.storedName(),
                store.describe(), e.toString());
        return new FileException(FileException.Kind.STORAGE, "file " + file.storedName() + " cannot be read", e);
    }

    private void deleteQuietly(StoredFile file) {
        try {
            store.delete(file.roomId(), file.storedName());
        } catch (IOException e) {
            LOG.warn("room {} - cannot delete {} after a failed upload: {}", file.roomId(), file.storedName(),
                    e.toString());
        }
    }
}
