package org.pchat.server.xmpp;

import java.util.Locale;
import java.util.Optional;

/**
 * Affiliations (XEP-0045 §5.2) as they map onto the room model: owner and admin are managers, member is a member
 * (and, in an auditorium, a presenter), outcast is a ban kept by the XMPP endpoint.
 */
enum MucAffiliation {
    OUTCAST, NONE, MEMBER, ADMIN, OWNER;

    String text() {
        return name().toLowerCase(Locale.ROOT);
    }

    boolean atLeast(MucAffiliation other) {
        return compareTo(other) >= 0;
    }

    static Optional<MucAffiliation> parse(String text) {
        for (MucAffiliation affiliation : values()) {
            if (affiliation.text().equals(text)) {
                return Optional.of(affiliation);
            }
        }
        return Optional.empty();
    }
}
