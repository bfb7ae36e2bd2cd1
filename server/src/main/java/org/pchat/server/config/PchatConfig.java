package org.pchat.server.config;

import java.util.Objects;
import org.pchat.server.db.DatabaseConfig;
import org.pchat.server.domain.credentials.PasswordHasherConfig;
import org.pchat.server.rooms.DirectoryConfig;

/**
 * The whole validated configuration of one process: one record per component, plus the effective
 * values for the start-up log. Components take their own record by constructor.
 *
 * @param node identity, data directory and chat limits
 * @param database the content and compliance databases
 * @param directory the room directory's limits
 * @param passwords password hashing costs and limits
 * @param sip the node's SIP endpoint
 * @param proxy the next-hop proxy
 * @param xmpp the XMPP listener
 * @param http the HTTP listener
 * @param pool the pool channel
 * @param launch how {@code serve} starts and stops
 * @param effective every key's value in force, secrets masked
 */
public record PchatConfig(NodeConfig node, DatabaseConfig database, DirectoryConfig directory,
        PasswordHasherConfig passwords, SipEndpointConfig sip, ProxyConfig proxy,
        XmppConfig xmpp, HttpConfig http, PoolConfig pool, LaunchConfig launch, EffectiveConfig effective) {

    public PchatConfig {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(passwords, "passwords");
        Objects.requireNonNull(sip, "sip");
        Objects.requireNonNull(proxy, "proxy");
        Objects.requireNonNull(xmpp, "xmpp");
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(pool, "pool");
        Objects.requireNonNull(launch, "launch");
        Objects.requireNonNull(effective, "effective");
    }
}
