package org.pchat.server.pool;

/** What a member of the pool channel is. */
public enum MemberKind {
    /** A chat node: serves users when active. */
    NODE,
    /** A next-hop proxy: routes new sessions to the active nodes it hears of. */
    PROXY,
    /** An administration client ({@code pchat pool ...}) for the time of one command. */
    ADMIN
}
