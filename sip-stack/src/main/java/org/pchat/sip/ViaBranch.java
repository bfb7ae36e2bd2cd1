package org.pchat.sip;

/**
 * Reads the branch parameter of the first value of a Via header (RFC 3261 §20.42, §25.1:
 * {@code via-parm *(COMMA via-parm)}, each {@code sent-protocol LWS sent-by *(SEMI via-params)}), with any case
 * and white space around the separators. A quoted string before the branch gives up (null): only a full parser
 * reads those correctly.
 */
final class ViaBranch {

    private ViaBranch() {
    }

    /** The branch of the first via-parm in {@code value}, or null when it has none. */
    static String ofFirstValue(String value) {
        int end = value.indexOf(',');
        if (end < 0) {
            end = value.length();
        }
        int quote = value.indexOf('"');
        if (quote >= 0 && quote < end) {
            return null;
        }
        int semicolon = value.indexOf(';');
        while (semicolon >= 0 && semicolon < end) {
            int next = value.indexOf(';', semicolon + 1);
            int paramEnd = next < 0 || next > end ? end : next;
            int equals = value.indexOf('=', semicolon + 1);
            if (equals > 0 && equals < paramEnd
                    && value.substring(semicolon + 1, equals).trim().equalsIgnoreCase("branch")) {
                String branch = value.substring(equals + 1, paramEnd).trim();
                return branch.isEmpty() ? null : branch;
            }
            semicolon = next;
        }
        return null;
    }
}
