package org.pchat.server.domain;

import java.util.Objects;

/**
 * A compliance event with the id its table assigned (export order and checkpoint).
 *
 * @param id    the event's id in its table
 * @param event the event
 */
public record StoredComplianceEvent(long id, ComplianceEvent event) {
    public StoredComplianceEvent {
        Objects.requireNonNull(event, "event");
    }
}
