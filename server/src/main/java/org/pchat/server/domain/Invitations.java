package org.pchat.server.domain;

/** Room-level invitation setting (xccos.md §7.5): inherit the category's, or force on/off. */
public enum Invitations {
    INHERIT("inherit"),
    ENABLED("true"),
    DISABLED("false");

    private final String text;

    Invitations(String text) {
        this.text = text;
    }

    /** The text form: {@code inherit}, {@code true} or {@code false}. */
    public String text() {
        return text;
    }

    /** Whether invitations are sent, given the category's setting. */
    public boolean effective(boolean categoryEnablesInvitations) {
        return switch (this) {
            case INHERIT -> categoryEnablesInvitations;
            case ENABLED -> true;
            case DISABLED -> false;
        };
    }

    /**
     * Parses {@code inherit|true|false}, ignoring case.
     *
     * @throws DirectoryException INVALID naming the value and the accepted ones
     */
    public static Invitations parse(String text) {
        return TextEnums.parse("invitations", text, values(), Invitations::text);
    }
}
