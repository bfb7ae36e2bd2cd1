package org.pchat.server.config;

/** Whether a configuration value may be shown in logs as it is. */
public enum Sensitivity {
    /** Shown as it is. */
    PLAIN,
    /** Never shown: a password or a key-store secret. */
    SECRET,
    /** A URL that may embed a password (JDBC URLs): shown with the password masked. */
    URL_WITH_SECRET
}
