package org.pchat.server.compliance;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jooq.DSLContext;
import org.pchat.server.chat.ChatErrorCode;
import org.pchat.server.chat.ChatException;
import org.pchat.server.chat.ComplianceRecorder;
import org.pchat.server.domain.ChatMessage;
import org.pchat.server.domain.ComplianceEvent;

/**
 * The chat core's compliance hook: JOIN, PART, CHAT and BACKCHAT from every protocol, written to the outbox in
 * the action's transaction. A join, post or history read that compliance cannot take fails with
 * {@link ChatErrorCode#BUSY} and the refusal's message; a part is never refused (the user is gone either way),
 * its event waits in the outbox.
 */
public final class OutboxRecorder implements ComplianceRecorder {

    private final ComplianceEvents events;
    private final OutboxWriter outbox;

    OutboxRecorder(ComplianceEvents events, OutboxWriter outbox) {
        this.events = Objects.requireNonNull(events, "events");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
    }

    @Override
    public void joined(DSLContext tx, String userUri, UUID roomId, Instant at) {
        admit(tx, events.joined(userUri, roomId, at));
    }

    @Override
    public void parted(DSLContext tx, String userUri, UUID roomId, Instant at) {
        outbox.record(tx, events.parted(userUri, roomId, at));
    }

    @Override
    public void posted(DSLContext tx, ChatMessage message) {
        admit(tx, events.posted(message));
    }

    @Override
    public void backchat(DSLContext tx, String userUri, UUID roomId, Instant at) {
        admit(tx, events.backchat(userUri, roomId, at));
    }

    private void admit(DSLContext tx, ComplianceEvent event) {
        try {
            outbox.admit(tx, event);
        } catch (ComplianceUnavailableException e) {
            throw new ChatException(ChatErrorCode.BUSY, e.getMessage(), e);
        }
    }
}
