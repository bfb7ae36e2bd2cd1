package org.pchat.server.xmpp;

import java.util.Locale;

/**
 * Room names ↔ MUC room JID local parts. A room name is lower-cased and the characters a JID local part cannot
 * hold are escaped as XEP-0106 §4.2 defines ({@code "Team Chat"} → {@code team\20chat}); the backslash itself is
 * always escaped ({@code \5c}), so unescaping gives back the lower-cased name. Room names are matched without
 * regard to case when a room JID is resolved, which makes the mapping reversible for the names the directory
 * accepts.
 */
final class RoomJids {

    private static final String SPECIALS = " \"&'/:<>@\\";

    private RoomJids() {
    }

    /** The room JID local part of a room name. */
    static String localPart(String roomName) {
        String lower = roomName.toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(lower.length() + 8);
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (SPECIALS.indexOf(c) >= 0) {
                out.append('\\').append(String.format(Locale.ROOT, "%02x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The lower-cased room name of a room JID local part. */
    static String roomName(String localPart) {
        StringBuilder out = new StringBuilder(localPart.length());
        for (int i = 0; i < localPart.length(); i++) {
            char c = localPart.charAt(i);
            if (c == '\\' && i + 2 < localPart.length() && isEscape(localPart.substring(i + 1, i + 3))) {
                out.append((char) Integer.parseInt(localPart.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.append(c);
            }
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    private static boolean isEscape(String hex) {
        try {
            int value = Integer.parseInt(hex, 16);
            return SPECIALS.indexOf((char) value) >= 0 && hex.equals(hex.toLowerCase(Locale.ROOT));
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
