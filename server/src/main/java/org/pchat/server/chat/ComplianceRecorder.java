package org.pchat.server.chat;

import java.time.Instant;
import java.util.UUID;
import org.jooq.DSLContext;
import org.pchat.server.domain.ChatMessage;

/**
 * Records chat events for compliance (ARCHITECTURE.md §4 "Compliance") inside the transaction of the action
 * it records: if recording fails, the action fails. Each method gets that transaction's {@link DSLContext}.
 * {@link #NONE} records nothing; the compliance service plugs in here.
 */
public interface ComplianceRecorder {

    /** Records nothing. */
    ComplianceRecorder NONE = new ComplianceRecorder() {
    };

    /** A user entered a room. */
    default void joined(DSLContext tx, String userUri, UUID roomId, Instant at) {
    }

    /** A user left a room (or was dropped). */
    default void parted(DSLContext tx, String userUri, UUID roomId, Instant at) {
    }

    /** A message was stored (same transaction as the insert). */
    default void posted(DSLContext tx, ChatMessage message) {
    }

    /** A user read room history. */
    default void backchat(DSLContext tx, String userUri, UUID roomId, Instant at) {
    }
}
