package org.pchat.xccos.model;

import java.util.Objects;

/**
 * The {@code <bcq>} of a history request (xccos.md §4.9). {@code <last cnt="N"/>} is the form clients send. The
 * before/after forms ({@code <before id="…" cnt="N"/>}, {@code <after id="…" cnt="N"/>}) are this server's
 * keyset-pagination extension, because the real element names are unknown; any other form parses to
 * {@link Unsupported} so the server can answer it with an error.
 */
public sealed interface BackchatQuery {

    /** The element name of the query wrapper. */
    String ELEMENT = "bcq";

    /** Calls the visitor method for this query's type. */
    <R> R accept(Visitor<R> visitor);

    /** The newest {@code count} messages: {@code <last cnt="25"/>}. */
    record Last(int count) implements BackchatQuery {
        /** The element name. */
        public static final String ELEMENT = "last";

        public Last {
            requireCount(count);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.last(this);
        }
    }

    /** Up to {@code count} messages older than message {@code messageId}, newest first in selection. */
    record Before(long messageId, int count) implements BackchatQuery {
        /** The element name. */
        public static final String ELEMENT = "before";

        public Before {
            requireMessageId(messageId);
            requireCount(count);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.before(this);
        }
    }

    /** Up to {@code count} messages newer than message {@code messageId}. */
    record After(long messageId, int count) implements BackchatQuery {
        /** The element name. */
        public static final String ELEMENT = "after";

        public After {
            requireMessageId(messageId);
            requireCount(count);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.after(this);
        }
    }

    /**
     * A query form this server does not know (or an empty {@code bcq}).
     *
     * @param form the local name of the query element (letters, digits, '.', '-', '_'), empty when {@code bcq}
     *             had no child
     */
    record Unsupported(String form) implements BackchatQuery {
        public Unsupported {
            Objects.requireNonNull(form, "form");
            for (int i = 0; i < form.length(); i++) {
                char c = form.charAt(i);
                boolean nameChar = Character.isLetter(c) || c == '_'
                        || i > 0 && (Character.isDigit(c) || c == '.' || c == '-');
                if (!nameChar) {
                    throw new IllegalArgumentException("bcq form '" + form + "' is not an XML element name");
                }
            }
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.unsupported(this);
        }
    }

    /**
     * One method per query form.
     *
     * @param <R> the result type
     */
    interface Visitor<R> {
        R last(Last query);

        R before(Before query);

        R after(After query);

        R unsupported(Unsupported query);
    }

    private static void requireCount(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("bcq cnt " + count + " is negative");
        }
    }

    private static void requireMessageId(long messageId) {
        if (messageId < 0) {
            throw new IllegalArgumentException("bcq message id " + messageId + " is negative");
        }
    }
}
