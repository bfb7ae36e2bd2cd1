package org.pchat.server.compliance;

import java.time.Instant;
import java.util.UUID;
import org.pchat.server.domain.ComplianceEvent;
import org.pchat.server.domain.ComplianceEventType;
import org.pchat.server.domain.StoredComplianceEvent;

/** Stored compliance events for writer tests. */
final class Events {

    static final UUID ROOM = UUID.fromString("094f5a4a-3c9c-4a0e-8a33-5d1c1c0b3c01");
    static final UUID OTHER_ROOM = UUID.fromString("1b2c3d4e-0000-4000-8000-000000000002");
    static final Instant AT = Instant.parse("2008-03-12T19:56:40.522264Z");

    private Events() {
    }

    static StoredComplianceEvent chat(long id, UUID room, String text, long messageId, Instant at) {
        return stored(id, ComplianceEventType.CHAT, room, text, messageId, at);
    }

    static StoredComplianceEvent of(long id, ComplianceEventType type, UUID room, String content, Instant at) {
        return stored(id, type, room, content, null, at);
    }

    private static StoredComplianceEvent stored(long id, ComplianceEventType type, UUID room, String content,
                                                Long messageId, Instant at) {
        return new StoredComplianceEvent(id, new ComplianceEvent(type, "sip:kazuto@litwareinc.com", room,
                "ma-chan://litwareinc.com/" + room, at, content, messageId, "node-a", "key-" + id));
    }
}
