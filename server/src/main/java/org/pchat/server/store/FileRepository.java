package org.pchat.server.store;

import static org.pchat.db.content.Tables.FILES;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.pchat.db.content.tables.records.FilesRecord;
import org.pchat.server.domain.StoredFile;
import org.pchat.server.domain.UserUris;

/** Metadata of files posted to rooms; the bytes live in the file store. */
public final class FileRepository {

    private final DSLContext dsl;

    public FileRepository(DSLContext dsl) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
    }

    /** This repository bound to a caller's transaction. */
    public FileRepository in(DSLContext tx) {
        return new FileRepository(tx);
    }

    /** Records a file; its id and stored name must be new. */
    public void insert(StoredFile file) {
        FilesRecord row = dsl.newRecord(FILES);
        row.setId(file.id());
        row.setRoomId(file.roomId());
        row.setStoredName(file.storedName());
        row.setOriginalName(file.originalName());
        row.setUploaderUri(UserUris.normalize(file.uploaderUri()));
        row.setSizeBytes(file.sizeBytes());
        row.setContentType(file.contentType());
        row.setSha256(file.sha256());
        row.setUploadedAt(Times.toDb(file.uploadedAt()));
        row.insert();
    }

    /** A file by id. */
    public Optional<StoredFile> find(UUID id) {
        return dsl.selectFrom(FILES).where(FILES.ID.eq(id)).fetchOptional(FileRepository::toFile);
    }

    /** A file by its stored name. */
    public Optional<StoredFile> findByStoredName(String storedName) {
        return dsl.selectFrom(FILES).where(FILES.STORED_NAME.eq(storedName)).fetchOptional(FileRepository::toFile);
    }

    /** The newest {@code limit} files of a room, newest first. */
    public List<StoredFile> forRoom(UUID roomId, int limit) {
        return dsl.selectFrom(FILES).where(FILES.ROOM_ID.eq(roomId))
                .orderBy(FILES.UPLOADED_AT.desc(), FILES.ID)
                .limit(limit)
                .fetch(FileRepository::toFile);
    }

    /** Removes a file's metadata; false when there was none. */
    public boolean delete(UUID id) {
        return dsl.deleteFrom(FILES).where(FILES.ID.eq(id)).execute() == 1;
    }

    private static StoredFile toFile(FilesRecord r) {
        return new StoredFile(r.getId(), r.getRoomId(), r.getStoredName(), r.getOriginalName(), r.getUploaderUri(),
                r.getSizeBytes(), r.getContentType(), r.getSha256(), Times.fromDb(r.getUploadedAt()));
    }
}
