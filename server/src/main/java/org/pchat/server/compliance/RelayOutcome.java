package org.pchat.server.compliance;

import java.util.Objects;

/** What one pass of the outbox relay did. */
public sealed interface RelayOutcome permits RelayOutcome.Relayed, RelayOutcome.OtherNodeRelays,
        RelayOutcome.Unreachable, RelayOutcome.OutboxUnreadable {

    /** This node holds the relay lock and moved {@code events} events (possibly none). */
    record Relayed(int events) implements RelayOutcome {
    }

    /** Another process holds the relay lock; the compliance database answered. */
    record OtherNodeRelays() implements RelayOutcome {
    }

    /** The compliance database could not be reached; new actions are refused until it can. */
    record Unreachable(String cause) implements RelayOutcome {
        public Unreachable {
            Objects.requireNonNull(cause, "cause");
        }
    }

    /** The content database (the outbox) failed; actions fail on their own. */
    record OutboxUnreadable(String cause) implements RelayOutcome {
        public OutboxUnreadable {
            Objects.requireNonNull(cause, "cause");
        }
    }
}
