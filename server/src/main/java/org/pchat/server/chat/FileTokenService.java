package org.pchat.server.chat;

import java.util.Optional;
import java.util.UUID;

/**
 * Issues and checks file transfer tokens (xccos.md §4.11). The chat node issues them after its access checks;
 * the file web service redeems them. Implementations must be thread-safe and must not block for long.
 */
public interface FileTokenService {

    /** Issues a token for one user, room and action. */
    FileAccessToken issue(String userUri, UUID roomId, FileAction action, String fileName);

    /** The token's grant, if it exists and has not expired. */
    Optional<FileAccessToken> find(String token);
}
