package org.pchat.server.launch;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.pchat.server.config.PchatConfig;
import org.pchat.server.db.Databases;
import org.pchat.server.config.XmppConfig;
import org.pchat.server.domain.credentials.PasswordHasher;
import org.pchat.server.rooms.DirectoryService;
import org.pchat.server.store.UserRepository;
import org.pchat.server.xmpp.XmppEndpoint;
import org.pchat.server.xmpp.XmppEndpointConfig;
import org.pchat.server.xmpp.XmppTls;

/**
 * The XMPP endpoint as a component of {@code serve}: client connections on {@code xmpp.port} (5222), rooms through
 * Multi-User Chat on the chat node's core, rooms created and changed over XMPP through the directory. The
 * {@code xmpp.*} keys give the limits, the STARTTLS key store and the category of rooms created over XMPP. Start it
 * after the chat node.
 */
public final class XmppComponent implements Component {

    private final PchatConfig config;
    private final Supplier<Databases> databases;
    private final ChatNodeComponent chatNode;
    private final Clock clock;
    private volatile XmppEndpoint endpoint;

    /**
     * @param config    the validated configuration
     * @param databases the open databases (available once the database component started)
     * @param chatNode  the chat node whose core the rooms live in
     * @param clock     wall clock
     */
    public XmppComponent(PchatConfig config, Supplier<Databases> databases, ChatNodeComponent chatNode,
                         Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.databases = Objects.requireNonNull(databases, "databases");
        this.chatNode = Objects.requireNonNull(chatNode, "chatNode");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public String name() {
        return "xmpp endpoint";
    }

    @Override
    public void start() {
        XmppEndpointConfig xmpp = XmppEndpointConfig.from(config.node().nodeId(), config.node().sipDomain(),
                config.xmpp());
        XmppConfig listener = config.xmpp();
        Optional<XmppTls> tls = listener.tlsKeyStore().map(store -> XmppTls.fromPkcs12(store,
                listener.tlsKeyStorePassword().reveal().toCharArray()));
        PasswordHasher hasher = new PasswordHasher(config.passwords());
        DirectoryService directory = new DirectoryService(databases.get().content(), config.directory(), hasher,
                clock);
        XmppEndpoint created = new XmppEndpoint(xmpp, tls, chatNode.chat(), directory,
                new UserRepository(databases.get().content()), hasher, clock);
        created.start();
        endpoint = created;
    }

    @Override
    public Optional<String> endpoint() {
        XmppEndpoint started = endpoint;
        int port = started != null ? started.port() : config.xmpp().port();
        return Optional.of("XMPP TCP " + config.xmpp().bindAddress() + ":" + port);
    }

    @Override
    public void stop() {
        XmppEndpoint started = endpoint;
        if (started != null) {
            started.close();
        }
    }
}
