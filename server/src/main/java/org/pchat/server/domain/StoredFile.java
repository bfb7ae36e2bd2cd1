package org.pchat.server.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Metadata of a file posted to a room; the bytes live in the file store.
 *
 * @param id           file id
 * @param roomId       the room it was posted to
 * @param storedName   unique name in the store ({@code <guid>.<ext>}, the reposFileName on the wire)
 * @param originalName the name the uploader gave
 * @param uploaderUri  normalized SIP URI of the uploader
 * @param sizeBytes    size in bytes
 * @param contentType  media type
 * @param sha256       hex SHA-256 of the content
 * @param uploadedAt   when the upload completed
 */
public record StoredFile(UUID id, UUID roomId, String storedName, String originalName, String uploaderUri,
        long sizeBytes, String contentType, String sha256, Instant uploadedAt) {
    public StoredFile {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(roomId, "roomId");
        Objects.requireNonNull(storedName, "storedName");
        Objects.requireNonNull(originalName, "originalName");
        Objects.requireNonNull(uploaderUri, "uploaderUri");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(uploadedAt, "uploadedAt");
        if (sizeBytes < 0) {
            throw new IllegalArgumentException("file " + storedName + " has negative size " + sizeBytes);
        }
    }
}
