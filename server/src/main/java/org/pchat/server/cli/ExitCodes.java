package org.pchat.server.cli;

/** The process exit codes of every {@code pchat} command. */
public final class ExitCodes {
    /** Done. */
    public static final int OK = 0;
    /** A rule of the room model or the server refused the request (unknown category, duplicate name…). */
    public static final int DOMAIN_ERROR = 1;
    /** The command line or the configuration is wrong (unknown option, bad value, unknown config key…). */
    public static final int USAGE_ERROR = 2;

    private ExitCodes() {
    }
}
