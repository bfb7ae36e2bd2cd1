package org.pchat.server.chat;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A file transfer token, bound to one user, room and action, valid until {@code expiresAt}.
 *
 * @param token     the opaque token (a random GUID); a credential, masked in {@link #toString()}
 * @param userUri   who may use it
 * @param roomId    the room the file belongs to
 * @param action    upload or download
 * @param fileName  the file name the client gave (upload name, or "save as" name of a download)
 * @param expiresAt when it stops being valid
 */
public record FileAccessToken(String token, String userUri, UUID roomId, FileAction action, String fileName,
        Instant expiresAt) {

    public FileAccessToken {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(userUri, "userUri");
        Objects.requireNonNull(roomId, "roomId");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** Whether the token is still valid at {@code now}. */
    public boolean validAt(Instant now) {
        return now.isBefore(expiresAt);
    }

    @Override
    public String toString() {
        return "FileAccessToken[token=***, userUri=" + userUri + ", roomId=" + roomId + ", action=" + action
                + ", fileName=" + fileName + ", expiresAt=" + expiresAt + "]";
    }
}
