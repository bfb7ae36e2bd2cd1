package org.pchat.sip;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.pchat.sip.logging.Slf4jServerLogger;
import org.pchat.sip.logging.Slf4jStackLogger;

/**
 * The JAIN-SIP RI (1.3.0-91) properties an endpoint runs with. Every property we set is listed here with the
 * reason; nothing else is set anywhere.
 */
final class StackProperties {

    /** Properties that do not depend on the configuration. */
    static final Map<String, String> FIXED = fixed();

    private StackProperties() {
    }

    /** Receive and send buffer of each UDP socket, bytes. */
    static final int UDP_SOCKET_BUFFER = 4 * 1024 * 1024;

    private static Map<String, String> fixed() {
        Map<String, String> p = new LinkedHashMap<>();
        // The application controls dialogs: only an INVITE it accepts creates one (SipProvider.getNewDialog),
        // nothing else (SUBSCRIBE, REFER) silently grows dialog state; 481s are ours to send.
        p.put("javax.sip.AUTOMATIC_DIALOG_SUPPORT", "off");
        // Keep RFC 3261 dialog error handling: out-of-order CSeq gets 500, equal CSeq (a retransmission that
        // outlived its transaction on TCP) is dropped silently.
        p.put("gov.nist.javax.sip.AUTOMATIC_DIALOG_ERROR_HANDLING", "true");
        // Our router wraps DefaultRouter so that in-dialog requests can be pinned to the peer's connection.
        p.put("javax.sip.ROUTER_PATH", FlowRouter.class.getName());
        // Ask the router for every request (not only non-SIP URIs), so the pin always applies.
        p.put("javax.sip.USE_ROUTER_FOR_ALL_URIS", "true");
        // NIO for UDP, TCP and TLS: one selector instead of a thread per connection. (This RI version has no
        // TCP_MESSAGE_PROCESSOR_FACTORY property; MESSAGE_PROCESSOR_FACTORY covers every transport.) Ours keeps
        // outgoing TCP connections cached, which the RI's NIO handler fails to do (see the class).
        p.put("gov.nist.javax.sip.MESSAGE_PROCESSOR_FACTORY", CachingNioMessageProcessorFactory.class.getName());
        // Outgoing connects complete (or time out after CONNECTION_TIMEOUT) on the sending thread, which is
        // always one of the endpoint's send threads, never an application thread.
        p.put("gov.nist.javax.sip.NIO_BLOCKING_MODE", "BLOCKING");
        // JAIN-SIP's internal log goes to SLF4J; its default LogWriter would need log4j 1.x.
        p.put("gov.nist.javax.sip.STACK_LOGGER", Slf4jStackLogger.class.getName());
        // Message traces go to SLF4J too (its default ServerLog writes files and needs log4j 1.x).
        p.put("gov.nist.javax.sip.SERVER_LOGGER", Slf4jServerLogger.class.getName());
        // Branch-less ACKs (pidgin-sipe) must not hit the RI's null-branch lookup; see BranchlessAckValve.
        p.put("gov.nist.javax.sip.SIP_MESSAGE_VALVE", BranchlessAckValve.class.getName());
        // Never log bodies: they are chat content.
        p.put("gov.nist.javax.sip.LOG_MESSAGE_CONTENT", "false");
        // Events are delivered on the processing threads, concurrently; the endpoint is thread-safe and the
        // NIO post-parsing pool keeps messages of one Call-ID in order.
        p.put("gov.nist.javax.sip.REENTRANT_LISTENER", "true");
        // Keep connections peers opened in the channel cache: that is what lets a request to a client that
        // never listens go down the client's own connection (xccos.md §11).
        p.put("gov.nist.javax.sip.CACHE_SERVER_CONNECTIONS", "true");
        // Reuse connections we opened for later requests to the same peer.
        p.put("gov.nist.javax.sip.CACHE_CLIENT_CONNECTIONS", "true");
        // TLS clients (Lync, pidgin-sipe) present no certificate: do not ask for one.
        p.put("gov.nist.javax.sip.TLS_CLIENT_AUTH_TYPE", "Disabled");
        // Transaction timers on a ScheduledThreadPoolExecutor that purges cancelled tasks: the default
        // java.util.Timer keeps every cancelled timer queued until it would have fired (32 s for Timer F/J), so at
        // thousands of transactions a second its heap grows and each schedule gets slower.
        p.put("gov.nist.javax.sip.TIMER_CLASS_NAME", "gov.nist.javax.sip.stack.timers.ScheduledExecutorSipTimer");
        // UDP socket buffers: the RI's default is 8 KiB, about two messages, so a burst of requests overflows the
        // receive buffer and datagrams are lost (the peers then retransmit after T1). The kernel caps the value at
        // net.core.rmem_max / wmem_max.
        p.put("gov.nist.javax.sip.RECEIVE_UDP_BUFFER_SIZE", Integer.toString(UDP_SOCKET_BUFFER));
        p.put("gov.nist.javax.sip.SEND_UDP_BUFFER_SIZE", Integer.toString(UDP_SOCKET_BUFFER));
        return Map.copyOf(p);
    }

    /** All properties for one stack: {@link #FIXED} plus those derived from the configuration. */
    static Properties build(SipStackConfig config) {
        Properties props = new Properties();
        FIXED.forEach(props::setProperty);
        // Identity of the stack in JAIN-SIP and in our logs.
        props.setProperty("javax.sip.STACK_NAME", config.stackName());
        // Default address of listening points.
        props.setProperty("javax.sip.IP_ADDRESS", config.bindAddress());
        // Message processing threads: UDP workers, and the NIO "AffinityJAIN" executor that runs parsed
        // TCP/TLS messages with per Call-ID thread affinity (so one dialog's requests stay in order).
        // TCP_POST_PARSING_THREAD_POOL_SIZE is deliberately NOT set: it sizes a JVM-wide static pool used only by
        // the blocking (OIO) TCP processor, and any stack's stop() shuts that pool down for every stack.
        props.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", Integer.toString(config.threadPoolSize()));
        // Normal: a finished transaction keeps only the encoded bytes of its messages while it waits out its timers
        // (Timer J holds every UDP non-INVITE server transaction 32 s): the parsed messages are what filled the
        // heap of a busy proxy (some 6 KiB per transaction). None: the parsed messages stay, and no encode and
        // re-parse is paid on the stack's one timer thread (SipStackConfig.Builder#compactFinishedTransactions).
        props.setProperty("gov.nist.javax.sip.RELEASE_REFERENCES_STRATEGY",
                config.compactFinishedTransactions() ? "Normal" : "None");
        // Input limit: larger messages are rejected (513) or the connection is dropped.
        props.setProperty("gov.nist.javax.sip.MAX_MESSAGE_SIZE", Integer.toString(config.maxMessageSize()));
        // Connection limit.
        props.setProperty("gov.nist.javax.sip.MAX_CONNECTIONS", Integer.toString(config.maxConnections()));
        // Connect timeout of outgoing TCP/TLS connections, ms.
        props.setProperty("gov.nist.javax.sip.CONNECTION_TIMEOUT", Integer.toString(config.connectTimeoutMillis()));
        // TLS handshake timeout, s (at least one second).
        props.setProperty("gov.nist.javax.sip.SSL_HANDSHAKE_TIMEOUT",
                Integer.toString(Math.max(1, config.connectTimeoutMillis() / 1000)));
        // Idle connections are closed after this long, ms.
        props.setProperty("gov.nist.javax.sip.NIO_MAX_SOCKET_IDLE_TIME",
                Long.toString(config.idleConnectionTimeoutSeconds() * 1000L));
        config.tls().ifPresent(tls -> {
            // Server certificate and key for TLS listening points.
            props.setProperty("javax.net.ssl.keyStore", tls.keyStore().toString());
            props.setProperty("javax.net.ssl.keyStorePassword", tls.keyStorePassword());
            props.setProperty("javax.net.ssl.keyStoreType", tls.storeType());
            // Trust anchors for TLS connections we open.
            props.setProperty("javax.net.ssl.trustStore", tls.trustStore().toString());
            props.setProperty("javax.net.ssl.trustStorePassword", tls.trustStorePassword());
            props.setProperty("javax.net.ssl.trustStoreType", tls.storeType());
        });
        return props;
    }

    /** The properties as text for a startup log line, passwords masked. */
    static String describe(Properties props) {
        StringBuilder out = new StringBuilder();
        props.stringPropertyNames().stream().sorted().forEach(name -> {
            String value = name.toLowerCase(java.util.Locale.ROOT).contains("password")
                    ? TlsSettings.MASK : props.getProperty(name);
            out.append(name).append('=').append(value).append(' ');
        });
        return out.toString().trim();
    }
}
