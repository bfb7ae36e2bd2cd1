package org.pchat.server.sip;

/** Reason phrases built from error messages: one line of printable ASCII, bounded in length. */
final class SipReasons {

    /** Longest reason phrase sent. */
    static final int MAX_LENGTH = 200;

    private SipReasons() {
    }

    /** {@code phrase: detail}, with anything but printable ASCII replaced and the result cut to the limit. */
    static String of(String phrase, String detail) {
        String text = detail == null || detail.isBlank() ? phrase : phrase + ": " + detail;
        StringBuilder clean = new StringBuilder(Math.min(text.length(), MAX_LENGTH));
        for (int i = 0; i < text.length() && clean.length() < MAX_LENGTH; i++) {
            char c = text.charAt(i);
            clean.append(c >= 0x20 && c < 0x7F ? c : ' ');
        }
        return clean.toString().strip();
    }
}
