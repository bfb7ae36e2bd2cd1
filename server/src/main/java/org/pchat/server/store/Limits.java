package org.pchat.server.store;

import org.pchat.server.domain.DirectoryException;

/** Argument checks shared by the repositories; messages name the value, the limit and the identity. */
final class Limits {

    private Limits() {
    }

    static int count(String what, int n, int max, Object identity) {
        if (n < 1 || n > max) {
            throw DirectoryException.invalid(what + " of " + n + " for " + identity + " is outside 1.." + max);
        }
        return n;
    }

    static String length(String what, String value, int max, Object identity) {
        if (value != null && value.length() > max) {
            throw DirectoryException.invalid(what + " for " + identity + " is " + value.length()
                    + " characters long, the limit is " + max);
        }
        return value;
    }
}
