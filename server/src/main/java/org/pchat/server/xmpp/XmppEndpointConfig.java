package org.pchat.server.xmpp;

import java.util.Objects;
import java.util.Optional;
import org.pchat.server.config.XmppConfig;
import org.pchat.server.domain.UserUris;

/**
 * Every setting and limit of the XMPP endpoint, validated; built from the {@code xmpp.*} keys of
 * {@link XmppConfig} (the defaults below are theirs).
 *
 * @param nodeId              this node, for log lines
 * @param domain              the XMPP domain (the SIP domain of the users: {@code alice@domain} is
 *                            {@code sip:alice@domain}); MUC lives on {@code conference.<domain>}
 * @param bindAddress         the listen address
 * @param port                the TCP port (0: any free port)
 * @param maxStanzaBytes      largest first-level element in bytes
 * @param maxDepth            deepest element nesting inside a stanza (the stanza itself is depth 1)
 * @param plaintextAuth       whether SASL PLAIN and SCRAM are offered without TLS (tests on loopback only)
 * @param historyOnJoin       messages sent on a MUC join when the client asks for no particular number
 * @param maxHistory          most messages a MUC join may ask for
 * @param outboundQueue       most stanzas waiting to be written to one client before it is dropped
 * @param authThreads         threads reading stored credentials (the only blocking work of the endpoint)
 * @param authQueue           waiting credential lookups before new ones are refused
 * @param maxAuthFailures     failed SASL attempts before the stream is closed with not-authorized
 * @param idleSeconds         seconds without input before the stream is closed (policy-violation)
 * @param roomCategory        the category rooms created over XMPP go into; empty: rooms cannot be created
 */
public record XmppEndpointConfig(String nodeId, String domain, String bindAddress, int port, int maxStanzaBytes,
                                 int maxDepth, boolean plaintextAuth, int historyOnJoin, int maxHistory,
                                 int outboundQueue, int authThreads, int authQueue, int maxAuthFailures,
                                 int idleSeconds, Optional<String> roomCategory) {

    public static final int DEFAULT_MAX_STANZA_BYTES = 65_536;
    public static final int DEFAULT_MAX_DEPTH = 16;
    public static final int DEFAULT_HISTORY_ON_JOIN = 30;
    public static final int DEFAULT_MAX_HISTORY = 200;
    public static final int DEFAULT_OUTBOUND_QUEUE = 1_000;
    public static final int DEFAULT_AUTH_THREADS = 2;
    public static final int DEFAULT_AUTH_QUEUE = 256;
    public static final int DEFAULT_MAX_AUTH_FAILURES = 3;
    public static final int DEFAULT_IDLE_SECONDS = 600;

    public XmppEndpointConfig {
        Objects.requireNonNull(nodeId, "nodeId");
        domain = UserUris.normalizeDomain(Objects.requireNonNull(domain, "domain"));
        Objects.requireNonNull(bindAddress, "bindAddress");
        range(nodeId, "port", port, 0, 65_535);
        range(nodeId, "max stanza bytes", maxStanzaBytes, 1_024, 16 * 1_048_576);
        range(nodeId, "max depth", maxDepth, 2, 256);
        range(nodeId, "history on join", historyOnJoin, 0, maxHistory);
        range(nodeId, "max history", maxHistory, 0, 10_000);
        range(nodeId, "outbound queue", outboundQueue, 1, 1_000_000);
        range(nodeId, "auth threads", authThreads, 1, 64);
        range(nodeId, "auth queue", authQueue, 1, 100_000);
        range(nodeId, "max auth failures", maxAuthFailures, 1, 100);
        range(nodeId, "idle seconds", idleSeconds, 10, 86_400);
        Objects.requireNonNull(roomCategory, "roomCategory");
    }

    /** The endpoint of a node from its {@code xmpp.*} settings. */
    public static XmppEndpointConfig from(String nodeId, String domain, XmppConfig listener) {
        return new XmppEndpointConfig(nodeId, domain, listener.bindAddress(), listener.port(),
                listener.maxStanzaBytes(), listener.maxDepth(), listener.allowAuthWithoutTls(),
                listener.historyOnJoin(), listener.maxHistory(), listener.outboundQueue(), listener.authThreads(),
                listener.authQueue(), listener.maxAuthFailures(), listener.idleSeconds(), listener.roomCategory());
    }

    /** Loopback on a free port with authentication allowed without TLS: for tests. */
    public static XmppEndpointConfig loopback(String nodeId, String domain) {
        return new XmppEndpointConfig(nodeId, domain, "127.0.0.1", 0, DEFAULT_MAX_STANZA_BYTES, DEFAULT_MAX_DEPTH,
                true, DEFAULT_HISTORY_ON_JOIN, DEFAULT_MAX_HISTORY, DEFAULT_OUTBOUND_QUEUE, DEFAULT_AUTH_THREADS,
                DEFAULT_AUTH_QUEUE, DEFAULT_MAX_AUTH_FAILURES, DEFAULT_IDLE_SECONDS, Optional.empty());
    }

    public XmppEndpointConfig withMaxStanzaBytes(int bytes) {
        return new XmppEndpointConfig(nodeId, domain, bindAddress, port, bytes, maxDepth, plaintextAuth,
                historyOnJoin, maxHistory, outboundQueue, authThreads, authQueue, maxAuthFailures, idleSeconds,
                roomCategory);
    }

    public XmppEndpointConfig withPlaintextAuth(boolean allowed) {
        return new XmppEndpointConfig(nodeId, domain, bindAddress, port, maxStanzaBytes, maxDepth, allowed,
                historyOnJoin, maxHistory, outboundQueue, authThreads, authQueue, maxAuthFailures, idleSeconds,
                roomCategory);
    }

    public XmppEndpointConfig withRoomCategory(String category) {
        return new XmppEndpointConfig(nodeId, domain, bindAddress, port, maxStanzaBytes, maxDepth, plaintextAuth,
                historyOnJoin, maxHistory, outboundQueue, authThreads, authQueue, maxAuthFailures, idleSeconds,
                Optional.of(category));
    }

    /** The MUC service domain. */
    public String mucDomain() {
        return "conference." + domain;
    }

    private static void range(String nodeId, String what, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException("XMPP " + what + " " + value + " on node " + nodeId
                    + " is outside [" + min + ", " + max + "]");
        }
    }
}
