package org.pchat.proxy.core;

import java.util.Optional;

/** Who sent a request, as far as the proxy knows. */
sealed interface Identity {

    /** A trusted peer (a chat node): not challenged, its From is taken as given. */
    record Trusted() implements Identity {
    }

    /** A user who authenticated (digest now, or earlier on this connection). */
    record User(String userUri) implements Identity {
    }

    /** Nobody yet. */
    record Anonymous() implements Identity {
    }

    /** The asserted user, if any. */
    default Optional<String> user() {
        return this instanceof User u ? Optional.of(u.userUri()) : Optional.empty();
    }

    default boolean isTrusted() {
        return this instanceof Trusted;
    }
}
