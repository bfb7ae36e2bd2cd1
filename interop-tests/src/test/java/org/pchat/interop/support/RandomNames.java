package org.pchat.interop.support;

import java.util.UUID;

/** Random names for rooms, categories and users, so tests never depend on each other's leftovers. */
public final class RandomNames {

    private RandomNames() {
    }

    /** {@code prefix-} followed by eight random hex digits, e.g. {@code lobby-3f9a0c1e}. */
    public static String of(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A SIP URI {@code sip:<prefix>-<random>@<domain>} (lower case, as the directory stores it). */
    public static String userUri(String prefix, String domain) {
        return "sip:" + of(prefix) + "@" + domain;
    }
}
