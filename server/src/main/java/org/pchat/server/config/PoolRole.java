package org.pchat.server.config;

/** Whether a pool node serves users or waits to replace a failed active node. */
public enum PoolRole {
    /** Serves users (1-4 per pool). */
    ACTIVE,
    /** Promoted when an active node fails (up to 4 per pool). */
    STANDBY
}
