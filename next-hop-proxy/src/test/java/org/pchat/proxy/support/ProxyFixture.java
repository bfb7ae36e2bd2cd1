package org.pchat.proxy.support;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import org.pchat.proxy.NextHopProxy;
import org.pchat.proxy.ProxyConfig;
import org.pchat.proxy.ProxyConfigBuilder;
import org.pchat.proxy.pool.PoolNodeAddress;
import org.pchat.sip.SipTransport;

/** A proxy on loopback, free ports, users alice/bob/carol with password "secret", optional fake nodes. */
public final class ProxyFixture implements AutoCloseable {

    public static final String PASSWORD = "secret";

    public final InMemoryCredentials credentials = new InMemoryCredentials(SipUser.DOMAIN)
            .add("alice@example.com", PASSWORD)
            .add("bob@example.com", PASSWORD)
            .add("carol@example.com", PASSWORD);
    public final NextHopProxy proxy;

    public ProxyFixture(List<PoolNodeAddress> nodes, UnaryOperator<ProxyConfigBuilder> tweak) {
        ProxyConfigBuilder builder = ProxyConfig.builder("proxy-test", SipUser.DOMAIN)
                .bindAddress("127.0.0.1").port(0).nodes(nodes)
                .healthCheckInterval(Duration.ofMillis(300)).healthCheckTimeout(Duration.ofMillis(500))
                .forwardLanes(2, 1000).credentialExecutor(2, 100).stackThreads(4);
        proxy = new NextHopProxy(tweak.apply(builder).build(), credentials, Clock.systemUTC());
        proxy.start();
    }

    public ProxyFixture(List<PoolNodeAddress> nodes) {
        this(nodes, b -> b);
    }

    public int tcpPort() {
        return proxy.port(SipTransport.TCP);
    }

    public int udpPort() {
        return proxy.port(SipTransport.UDP);
    }

    public SipUser tcpUser(String name) throws java.io.IOException {
        return new SipUser(SipSocket.tcp(tcpPort()), name, PASSWORD);
    }

    public SipUser udpUser(String name) throws java.io.IOException {
        return new SipUser(SipSocket.udp(udpPort()), name, PASSWORD);
    }

    @Override
    public void close() {
        proxy.close();
    }
}
