package org.pchat.server.compliance;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import org.pchat.server.domain.ChatMessage;
import org.pchat.server.domain.ComplianceEvent;
import org.pchat.server.domain.ComplianceEventType;
import org.pchat.server.domain.StoredFile;
import org.pchat.xccos.model.ChanUri;

/**
 * Builds the compliance events of one node: the room's {@code ma-chan://} URI, the node's identity and a unique
 * idempotency key (derived from the message or file id where there is one, so recording it twice stores it once).
 */
final class ComplianceEvents {

    private final String nodeId;
    private final String sipDomain;

    ComplianceEvents(String nodeId, String sipDomain) {
        this.nodeId = Objects.requireNonNull(nodeId, "nodeId");
        this.sipDomain = Objects.requireNonNull(sipDomain, "sipDomain");
    }

    ComplianceEvent joined(String userUri, UUID roomId, Instant at) {
        return event(ComplianceEventType.JOIN, userUri, roomId, at, null, null, randomKey(ComplianceEventType.JOIN));
    }

    ComplianceEvent parted(String userUri, UUID roomId, Instant at) {
        return event(ComplianceEventType.PART, userUri, roomId, at, null, null, randomKey(ComplianceEventType.PART));
    }

    ComplianceEvent posted(ChatMessage message) {
        return event(ComplianceEventType.CHAT, message.authorUri(), message.roomId(), message.receivedAt(),
                message.text(), message.id(), "chat-" + message.id());
    }

    ComplianceEvent backchat(String userUri, UUID roomId, Instant at) {
        return event(ComplianceEventType.BACKCHAT, userUri, roomId, at, null, null,
                randomKey(ComplianceEventType.BACKCHAT));
    }

    ComplianceEvent fileUploaded(StoredFile file, Instant at) {
        return event(ComplianceEventType.FILEUPLOAD, file.uploaderUri(), file.roomId(), at, file.storedName(), null,
                "fileupload-" + file.id());
    }

    ComplianceEvent fileDownloaded(StoredFile file, String userUri, Instant at) {
        return event(ComplianceEventType.FILEDOWNLOAD, userUri, file.roomId(), at, file.storedName(), null,
                randomKey(ComplianceEventType.FILEDOWNLOAD));
    }

    private ComplianceEvent event(ComplianceEventType type, String userUri, UUID roomId, Instant at, String content,
                                  Long messageId, String key) {
        return new ComplianceEvent(type, userUri, roomId, ChanUri.of(sipDomain, roomId).uri(), at, content, messageId,
                nodeId, key);
    }

    private static String randomKey(ComplianceEventType type) {
        return type.name().toLowerCase(Locale.ROOT) + "-" + UUID.randomUUID();
    }
}
