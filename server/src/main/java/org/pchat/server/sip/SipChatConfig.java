package org.pchat.server.sip;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import org.pchat.server.config.PchatConfig;
import org.pchat.sip.SipStackConfig;
import org.pchat.xccos.codec.XccosLimits;
import org.pchat.xccos.model.CatUri;

/**
 * Every setting and limit of the chat node's SIP side, validated on construction; errors name the value seen,
 * the limit and the node.
 *
 * @param nodeId                the node's identity in logs; also the SIP stack name
 * @param domain                the SIP domain; room URIs are {@code ma-chan://<domain>/<guid>}
 * @param bindAddress           IP literal the SIP listener binds to
 * @param advertisedHost        host written in Contact and Via
 * @param port                  TCP port (0: a free port)
 * @param maxMessageSize        most bytes in one SIP message
 * @param sessionExpiresSeconds RFC 4028 session interval offered on the 2xx to INVITE
 * @param t1Millis              RFC 3261 T1; a server INFO not answered within 64*T1 drops the session
 * @param chatUris              the URIs this node answers INVITEs for, {@code sip:user@host} lower-case; the
 *                              first is the channel URI that {@code cmd:requri} hands out
 * @param trustedPeers          source addresses accepted (IP literals, {@value #LOOPBACK} or {@value #ANY});
 *                              others get 403
 * @param xccosLimits           the decoder's limits (body size, depth, …)
 * @param outboundQueueLimit    server INFOs waiting per session; beyond that the session is dropped
 * @param maxInFlight           server INFOs sent and not yet answered per session
 * @param admissionBacklog      server INFOs of all sessions waiting or unanswered above which new INVITEs get 503
 * @param busyRetryAfterSeconds the {@code Retry-After} of that 503
 * @param fileServiceUri        the file web service clients are sent to with a file token
 * @param rootUri               the root category ({@code sib/@rootUri})
 * @param dbVersion             the database version GUID ({@code sib/@dbVersion})
 */
public record SipChatConfig(String nodeId, String domain, String bindAddress, String advertisedHost, int port,
        int maxMessageSize, int sessionExpiresSeconds, int t1Millis, List<String> chatUris, List<String> trustedPeers,
        XccosLimits xccosLimits, int outboundQueueLimit, int maxInFlight, int admissionBacklog,
        int busyRetryAfterSeconds, URI fileServiceUri, CatUri rootUri, String dbVersion) {

    /** Trusted-peer entry matching every loopback address. */
    public static final String LOOPBACK = "loopback";
    /** Trusted-peer entry matching every address. */
    public static final String ANY = "any";
    /** The lookup URI every Lync-protocol client knows (xccos.md §1.2). */
    public static final String LOOKUP_USER = "ocschat";
    public static final int DEFAULT_OUTBOUND_QUEUE_LIMIT = 512;
    /**
     * One server INFO at a time per session: the next leaves when the previous was answered. RFC 3261 lets a UAC
     * pipeline requests, but a dialog's requests reordered anywhere on the way (a proxy, a second connection) make
     * the client answer the lower CSeq 500 (§12.2.2), and that answer drops the session.
     */
    public static final int DEFAULT_MAX_IN_FLIGHT = 1;
    public static final int DEFAULT_ADMISSION_BACKLOG = 50_000;
    public static final int DEFAULT_BUSY_RETRY_AFTER_SECONDS = 10;
    /**
     * Join/part notices one server INFO carries at most when they queued up behind each other (several {@code ntc}
     * siblings in one envelope, xccos.md §2.1); about 300 bytes each, so a full batch stays near 10 KB.
     */
    public static final int NOTICES_PER_INFO = 32;
    /** The file web service path (xccos.md §8.1). */
    public static final String FILE_SERVICE_PATH = "PersistentChat/MGCWebService.asmx";
    /** The content schema this build writes; {@code dbVersion} is derived from it. */
    static final String SCHEMA = "pchat-content-v1";

    public SipChatConfig {
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(advertisedHost, "advertisedHost");
        requireRange(nodeId, "port", port, 0, 65_535);
        requireRange(nodeId, "maxMessageSize", maxMessageSize, SipStackConfig.MIN_MAX_MESSAGE_SIZE,
                SipStackConfig.MAX_MAX_MESSAGE_SIZE);
        requireRange(nodeId, "sessionExpiresSeconds", sessionExpiresSeconds, 1,
                SipStackConfig.MAX_SESSION_EXPIRES_SECONDS);
        requireRange(nodeId, "t1Millis", t1Millis, SipStackConfig.MIN_T1_MILLIS, SipStackConfig.MAX_T1_MILLIS);
        chatUris = chatUris.stream().map(u -> normalizeUri(nodeId, u)).distinct().toList();
        if (chatUris.isEmpty()) {
            throw new IllegalArgumentException("no chat URI configured (node " + nodeId + ")");
        }
        trustedPeers = List.copyOf(trustedPeers);
        TrustedPeers.validate(nodeId, trustedPeers);
        Objects.requireNonNull(xccosLimits, "xccosLimits");
        requireRange(nodeId, "outboundQueueLimit", outboundQueueLimit, 1, 1_000_000);
        requireRange(nodeId, "maxInFlight", maxInFlight, 1, 64);
        requireRange(nodeId, "admissionBacklog", admissionBacklog, 1, 10_000_000);
        requireRange(nodeId, "busyRetryAfterSeconds", busyRetryAfterSeconds, 1, 3600);
        Objects.requireNonNull(fileServiceUri, "fileServiceUri");
        Objects.requireNonNull(rootUri, "rootUri");
        Objects.requireNonNull(dbVersion, "dbVersion");
    }

    /** The channel URI handed out by {@code cmd:requri}. */
    public String channelUri() {
        return chatUris.get(0);
    }

    /**
     * The node's SIP settings from the process configuration: TCP on {@code sip.port}, the lookup URI
     * {@code sip:ocschat@<sip.domain>}, loopback peers only, decoder body limit {@code xccos.body-limit}.
     */
    public static SipChatConfig from(PchatConfig config) {
        String domain = config.node().sipDomain();
        String bind = ipLiteral(config.node().nodeId(), config.sip().bindAddress());
        URI base = config.http().publicUrl().orElseGet(() -> URI.create("http://" + localHostName() + ":"
                + config.http().port() + "/"));
        return new SipChatConfig(config.node().nodeId(), domain, bind, advertised(bind), config.sip().port(),
                Math.max(SipStackConfig.MIN_MAX_MESSAGE_SIZE, config.sip().maxMessageSize()),
                (int) config.sip().sessionExpires().toSeconds(), SipStackConfig.DEFAULT_T1_MILLIS,
                List.of(lookupUri(domain)), config.sip().trustedPeers(),
                xccosLimits(config.node().limits().xccosBodyLimit()),
                DEFAULT_OUTBOUND_QUEUE_LIMIT, DEFAULT_MAX_IN_FLIGHT, config.sip().admissionBacklog(),
                (int) config.sip().busyRetryAfter().toSeconds(), withSlash(base).resolve(FILE_SERVICE_PATH),
                rootUri(domain), schemaVersionGuid());
    }

    /** Defaults for a node on loopback: free port, lookup URI only, loopback peers only. */
    public static SipChatConfig loopback(String nodeId, String domain) {
        return new SipChatConfig(nodeId, domain, "127.0.0.1", "127.0.0.1", 0, SipStackConfig.DEFAULT_MAX_MESSAGE_SIZE,
                SipStackConfig.DEFAULT_SESSION_EXPIRES_SECONDS, SipStackConfig.DEFAULT_T1_MILLIS,
                List.of(lookupUri(domain)), List.of(LOOPBACK), XccosLimits.defaults(), DEFAULT_OUTBOUND_QUEUE_LIMIT,
                DEFAULT_MAX_IN_FLIGHT, DEFAULT_ADMISSION_BACKLOG, DEFAULT_BUSY_RETRY_AFTER_SECONDS, URI.create("http://127.0.0.1:8080/" + FILE_SERVICE_PATH), rootUri(domain),
                schemaVersionGuid());
    }

    /** A copy listening on another port. */
    public SipChatConfig withPort(int value) {
        return new SipChatConfig(nodeId, domain, bindAddress, advertisedHost, value, maxMessageSize,
                sessionExpiresSeconds, t1Millis, chatUris, trustedPeers, xccosLimits, outboundQueueLimit, maxInFlight,
                admissionBacklog, busyRetryAfterSeconds, fileServiceUri, rootUri, dbVersion);
    }

    /** A copy with another T1 (tests: a faster timeout for unanswered server INFOs). */
    public SipChatConfig withT1Millis(int value) {
        return new SipChatConfig(nodeId, domain, bindAddress, advertisedHost, port, maxMessageSize,
                sessionExpiresSeconds, value, chatUris, trustedPeers, xccosLimits, outboundQueueLimit, maxInFlight,
                admissionBacklog, busyRetryAfterSeconds, fileServiceUri, rootUri, dbVersion);
    }

    /** A copy with other chat URIs (the first is the channel URI). */
    public SipChatConfig withChatUris(List<String> value) {
        return new SipChatConfig(nodeId, domain, bindAddress, advertisedHost, port, maxMessageSize,
                sessionExpiresSeconds, t1Millis, value, trustedPeers, xccosLimits, outboundQueueLimit, maxInFlight,
                admissionBacklog, busyRetryAfterSeconds, fileServiceUri, rootUri, dbVersion);
    }

    /** A copy with another outbound queue limit (tests: a small queue fills fast). */
    public SipChatConfig withOutboundQueueLimit(int value) {
        return new SipChatConfig(nodeId, domain, bindAddress, advertisedHost, port, maxMessageSize,
                sessionExpiresSeconds, t1Millis, chatUris, trustedPeers, xccosLimits, value, maxInFlight,
                admissionBacklog, busyRetryAfterSeconds, fileServiceUri, rootUri, dbVersion);
    }

    /** A copy refusing new sessions above another backlog, with another Retry-After (tests: a node behind). */
    public SipChatConfig withAdmission(int backlog, int retryAfterSeconds) {
        return new SipChatConfig(nodeId, domain, bindAddress, advertisedHost, port, maxMessageSize,
                sessionExpiresSeconds, t1Millis, chatUris, trustedPeers, xccosLimits, outboundQueueLimit, maxInFlight,
                backlog, retryAfterSeconds, fileServiceUri, rootUri, dbVersion);
    }

    /** A copy with other trusted peers. */
    public SipChatConfig withTrustedPeers(List<String> value) {
        return new SipChatConfig(nodeId, domain, bindAddress, advertisedHost, port, maxMessageSize,
                sessionExpiresSeconds, t1Millis, chatUris, value, xccosLimits, outboundQueueLimit, maxInFlight,
                admissionBacklog, busyRetryAfterSeconds, fileServiceUri, rootUri, dbVersion);
    }

    /** A copy with another XCCOS body limit. */
    public SipChatConfig withXccosBodyLimit(int bytes) {
        return new SipChatConfig(nodeId, domain, bindAddress, advertisedHost, port, maxMessageSize,
                sessionExpiresSeconds, t1Millis, chatUris, trustedPeers, xccosLimits(bytes), outboundQueueLimit,
                maxInFlight, admissionBacklog, busyRetryAfterSeconds, fileServiceUri, rootUri, dbVersion);
    }

    /** {@code sip:ocschat@<domain>}. */
    public static String lookupUri(String domain) {
        return "sip:" + LOOKUP_USER + "@" + domain.toLowerCase(Locale.ROOT);
    }

    /** The root category: a GUID derived from the domain, stable across restarts and nodes. */
    public static CatUri rootUri(String domain) {
        String lower = domain.toLowerCase(Locale.ROOT);
        String name = "pchat-root-category:" + lower;
        return CatUri.of(lower, UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)));
    }

    /** The decoder limits for a body limit: the defaults, with texts and attribute values no longer than a body. */
    static XccosLimits xccosLimits(int bodyBytes) {
        XccosLimits defaults = XccosLimits.defaults();
        return defaults.withMaxBodyBytes(bodyBytes)
                .withMaxTextLength(Math.min(defaults.maxTextLength(), bodyBytes))
                .withMaxAttributeValueLength(Math.min(defaults.maxAttributeValueLength(), bodyBytes));
    }

    private static String schemaVersionGuid() {
        return UUID.nameUUIDFromBytes(SCHEMA.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static String normalizeUri(String nodeId, String uri) {
        String text = Objects.requireNonNull(uri, "chat URI").trim().toLowerCase(Locale.ROOT);
        if (!text.matches("sips?:[^@\\s;:]+@[a-z0-9.-]+")) {
            throw new IllegalArgumentException("chat URI '" + uri + "' is not of the form sip:user@host (node "
                    + nodeId + ")");
        }
        return text.startsWith("sips:") ? "sip:" + text.substring(5) : text;
    }

    private static String ipLiteral(String nodeId, String host) {
        try {
            return InetAddress.getByName(host).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("sip.bind-address " + host + " does not resolve (node " + nodeId
                    + ")", e);
        }
    }

    /** A wildcard bind is advertised as loopback: in the Standard topology the proxy is in this process. */
    private static String advertised(String bind) {
        return bind.equals("0.0.0.0") || bind.equals("0:0:0:0:0:0:0:0") || bind.equals("::") ? "127.0.0.1" : bind;
    }

    private static String localHostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    private static URI withSlash(URI base) {
        String text = base.toString();
        return text.endsWith("/") ? base : URI.create(text + "/");
    }

    private static void requireRange(String nodeId, String name, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException("sip chat " + name + " " + value + " is outside the allowed range "
                    + min + ".." + max + " (node " + nodeId + ")");
        }
    }
}
