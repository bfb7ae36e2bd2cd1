package org.pchat.server.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One chat event recorded for auditors (xccos.md §8.3).
 *
 * @param type           JOIN, PART, CHAT, BACKCHAT, FILEUPLOAD or FILEDOWNLOAD
 * @param userUri        normalized SIP URI of the user who acted
 * @param roomId         the room's GUID
 * @param roomUri        the room's ma-chan:// URI as it was at the time
 * @param occurredAt     when it happened
 * @param content        message text (CHAT) or stored file name (FILE*), else {@code null}
 * @param messageId      the stored message id (CHAT only), else {@code null}
 * @param nodeId         the node that recorded it
 * @param idempotencyKey unique key: recording the same event twice stores it once
 */
public record ComplianceEvent(ComplianceEventType type, String userUri, UUID roomId, String roomUri,
        Instant occurredAt, String content, Long messageId, String nodeId, String idempotencyKey) {
    public ComplianceEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(userUri, "userUri");
        Objects.requireNonNull(roomId, "roomId");
        Objects.requireNonNull(roomUri, "roomUri");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    }

    /** Text for logs: the length of the content only. */
    @Override
    public String toString() {
        return "ComplianceEvent[type=" + type + ", userUri=" + userUri + ", roomId=" + roomId
                + ", occurredAt=" + occurredAt + ", content=" + (content == null ? "none" : "<" + content.length()
                + " chars>") + ", messageId=" + messageId + ", nodeId=" + nodeId
                + ", idempotencyKey=" + idempotencyKey + "]";
    }
}
