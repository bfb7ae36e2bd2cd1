package org.pchat.server.domain;

import java.util.Objects;

/**
 * A user account. Password material lives apart, in
 * {@link org.pchat.server.domain.credentials.Credentials}, and never in this record.
 *
 * @param uri         normalized SIP URI, e.g. {@code sip:alice@example.com}
 * @param displayName name shown to others
 * @param admin       pool administrator
 */
public record User(String uri, String displayName, boolean admin) {
    public User {
        uri = UserUris.normalize(uri);
        Objects.requireNonNull(displayName, "displayName");
    }
}
