package org.pchat.server.config;

import java.util.regex.Pattern;

/** Masks secrets before a value reaches a log line or an error message. */
public final class SecretMasker {
    /** What a masked secret looks like. */
    public static final String MASK = "****";

    private static final Pattern PASSWORD_PARAMETER =
            Pattern.compile("(?i)((?:password|pwd|passwd)\\s*=\\s*)(\\{[^}]*}|[^;&]*)");
    private static final Pattern USER_INFO = Pattern.compile("(//[^/:@;?]*):([^@/]*)@");

    private SecretMasker() {
    }

    /** Masks a value according to its sensitivity; an empty secret is shown as empty. */
    public static String mask(String value, Sensitivity sensitivity) {
        return switch (sensitivity) {
            case PLAIN -> value;
            case SECRET -> value.isEmpty() ? "" : MASK;
            case URL_WITH_SECRET -> maskUrl(value);
        };
    }

    /**
     * Masks passwords inside a URL: {@code password=…} parameters (H2, PostgreSQL, SQL Server styles)
     * and {@code user:password@} user info.
     */
    public static String maskUrl(String url) {
        String masked = PASSWORD_PARAMETER.matcher(url).replaceAll("$1" + MASK);
        return USER_INFO.matcher(masked).replaceAll("$1:" + MASK + "@");
    }
}
