package org.pchat.server.xmpp;

import java.util.Locale;
import java.util.Optional;

/** Occupant roles (XEP-0045 §5.1), session-scoped; ordered from least to most privileged. */
enum MucRole {
    NONE, VISITOR, PARTICIPANT, MODERATOR;

    String text() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<MucRole> parse(String text) {
        for (MucRole role : values()) {
            if (role.text().equals(text)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
