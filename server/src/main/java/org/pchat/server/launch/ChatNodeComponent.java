package org.pchat.server.launch;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.pchat.server.chat.ChatService;
import org.pchat.server.chat.ChatServiceConfig;
import org.pchat.server.chat.ChatStores;
import org.pchat.server.chat.ComplianceRecorder;
import org.pchat.server.chat.FileTokenService;
import org.pchat.server.chat.InMemoryFileTokenService;
import org.pchat.server.chat.PoolLink;
import org.pchat.server.chat.RoomStateWatcher;
import org.pchat.server.pool.NodeSessions;
import org.pchat.server.sip.SessionAdmission;
import org.pchat.server.config.PchatConfig;
import org.pchat.server.db.Databases;
import org.pchat.server.sip.ChatSipEndpoint;
import org.pchat.server.sip.SipChatConfig;
import org.pchat.server.store.MessageStoreConfig;

/** The chat node: the chat core on the content database and its SIP endpoint (TCP {@code sip.port}, 5070). */
public final class ChatNodeComponent implements Component {

    /** File tokens held at once by the in-memory token store. */
    static final int MAX_FILE_TOKENS = 100_000;

    private final PchatConfig config;
    private final Supplier<Databases> databases;
    private final FileTokenService fileTokens;
    private final ComplianceRecorder compliance;
    private final Clock clock;
    private final PoolLink pool;
    private final SessionAdmission admission;
    private volatile ChatService chat;
    private volatile ChatSipEndpoint endpoint;
    private volatile RoomStateWatcher watcher;

    /** How often rooms people are in are checked for having been disabled or deleted elsewhere. */
    static final Duration ROOM_CHECK_INTERVAL = Duration.ofMillis(500);

    /**
     * @param config    the process configuration
     * @param databases  the open databases, available once the database component has started
     * @param fileTokens the file tokens the node issues ({@code cmd:getfutok}/{@code getfdtok}), shared with
     *                   the file web service that redeems them
     * @param compliance records chat events inside the transaction of each action
     * @param clock      wall clock (post timestamps, server time)
     */
    public ChatNodeComponent(PchatConfig config, Supplier<Databases> databases, FileTokenService fileTokens,
                             ComplianceRecorder compliance, Clock clock) {
        this(config, databases, fileTokens, compliance, clock, PoolLink.NONE, SessionAdmission.OPEN);
    }

    /**
     * @param pool      where room events go for the other nodes of the pool
     * @param admission whether the node takes new sessions (its pool role)
     */
    public ChatNodeComponent(PchatConfig config, Supplier<Databases> databases, FileTokenService fileTokens,
                             ComplianceRecorder compliance, Clock clock, PoolLink pool, SessionAdmission admission) {
        this.pool = Objects.requireNonNull(pool, "pool");
        this.admission = Objects.requireNonNull(admission, "admission");
        this.config = Objects.requireNonNull(config, "config");
        this.databases = Objects.requireNonNull(databases, "databases");
        this.fileTokens = Objects.requireNonNull(fileTokens, "fileTokens");
        this.compliance = Objects.requireNonNull(compliance, "compliance");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public String name() {
        return "chat node";
    }

    @Override
    public void start() {
        ChatServiceConfig chatConfig = ChatServiceConfig.from(config.node());
        ChatStores stores = ChatStores.of(databases.get().content(), config.directory(), MessageStoreConfig.defaults());
        chat = new ChatService(chatConfig, stores, fileTokens, compliance, clock, pool);
        endpoint = new ChatSipEndpoint(SipChatConfig.from(config), chat, clock, admission);
        try {
            endpoint.start();
        } catch (RuntimeException e) {
            chat.close();
            throw e;
        }
        watcher = new RoomStateWatcher(config.node().nodeId(), chat, stores.directory(), ROOM_CHECK_INTERVAL);
    }

    /**
     * The node's chat sessions, for the pool (counts, drain).
     */
    public NodeSessions sessions() {
        return new NodeSessions() {
            @Override
            public int count() {
                ChatSipEndpoint started = endpoint;
                return started == null ? 0 : started.sessionCount();
            }

            @Override
            public int endAll(String reason) {
                return started(endpoint).endSessions(reason);
            }
        };
    }

    /**
     * The chat core, for the components started after this one (XMPP, pool).
     *
     * @throws IllegalStateException before start
     */
    public ChatService chat() {
        return started(chat);
    }

    /**
     * The in-memory file token store of one node: tokens issued by the chat node and redeemed by the file web
     * service of the same process.
     */
    public static FileTokenService inMemoryFileTokens(PchatConfig config, Clock clock) {
        return new InMemoryFileTokenService(clock, ChatServiceConfig.from(config.node()).fileTokenLifetime(),
                MAX_FILE_TOKENS);
    }

    private <T> T started(T value) {
        if (value == null) {
            throw new IllegalStateException(config.node().nodeId() + " - chat node is not started");
        }
        return value;
    }

    /**
     * The SIP port the node listens on (with {@code sip.port=0}, the free port it bound).
     *
     * @throws IllegalStateException before start
     */
    public int sipPort() {
        return started(endpoint).port();
    }

    @Override
    public Optional<String> endpoint() {
        ChatSipEndpoint started = endpoint;
        int port = started != null ? started.port() : config.sip().port();
        return Optional.of("SIP TCP " + config.sip().bindAddress() + ":" + port);
    }

    @Override
    public void stop() {
        if (watcher != null) {
            watcher.close();
        }
        if (endpoint != null) {
            endpoint.close();
        }
        if (chat != null) {
            chat.close();
        }
    }
}
