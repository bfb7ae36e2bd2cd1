package org.pchat.server.xmpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.jivesoftware.smack.sasl.SASLErrorException;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.jivesoftware.smackx.disco.packet.DiscoverInfo;
import org.jivesoftware.smackx.disco.packet.DiscoverItems;
import org.jivesoftware.smackx.ping.PingManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.impl.JidCreate;

/** Smack clients against the endpoint: SASL, binding, ping and service discovery. */
class XmppSessionIT {

    @TempDir
    Path dataDir;

    private TestXmppNode node;
    private SmackClients clients;

    @BeforeEach
    void start() {
        node = TestXmppNode.start(dataDir);
        node.user("alice");
        clients = new SmackClients(node.port());
    }

    @AfterEach
    void stop() {
        clients.close();
        node.close();
    }

    @Test
    void rfc5802ScramSha1WithStoredKeysAuthenticatesAndRfc6120Section7BindsTheResource() throws Exception {
        XMPPTCPConnection alice = clients.connection("alice", TestXmppNode.PASSWORD, "SCRAM-SHA-1");
        alice.connect().login();

        assertThat(alice.isAuthenticated()).isTrue();
        assertThat(alice.getUser().toString()).isEqualTo("alice@example.com/it");
    }

    @Test
    void rfc6120Section6_5_10WrongScramPasswordIsNotAuthorized() throws Exception {
        XMPPTCPConnection alice = clients.connection("alice", "wrong", "SCRAM-SHA-1");
        alice.connect();

        assertThatThrownBy(alice::login).isInstanceOf(SASLErrorException.class)
                .hasMessageContaining("not-authorized");
    }

    @Test
    void rfc6120Section6_5_10UnknownUserIsNotAuthorized() throws Exception {
        XMPPTCPConnection mallory = clients.connection("mallory", TestXmppNode.PASSWORD, "SCRAM-SHA-1");
        mallory.connect();

        assertThatThrownBy(mallory::login).isInstanceOf(SASLErrorException.class)
                .hasMessageContaining("not-authorized");
    }

    @Test
    void rfc4616PlainIsAcceptedWhenPlaintextAuthenticationIsAllowed() throws Exception {
        XMPPTCPConnection alice = clients.connection("alice", TestXmppNode.PASSWORD, "PLAIN");
        alice.connect().login();

        assertThat(alice.isAuthenticated()).isTrue();
    }

    @Test
    void xep0199PingOfTheServerIsAnswered() throws Exception {
        XMPPTCPConnection alice = clients.login("alice");

        assertThat(PingManager.getInstanceFor(alice).pingMyServer(false)).isTrue();
    }

    @Test
    void xep0030ServerInfoAnnouncesPingAndItemsListTheConferenceService() throws Exception {
        XMPPTCPConnection alice = clients.login("alice");
        ServiceDiscoveryManager disco = ServiceDiscoveryManager.getInstanceFor(alice);

        DiscoverInfo info = disco.discoverInfo(JidCreate.domainBareFrom("example.com"));
        DiscoverItems items = disco.discoverItems(JidCreate.domainBareFrom("example.com"));

        assertThat(info.containsFeature("urn:xmpp:ping")).isTrue();
        assertThat(items.getItems()).extracting(i -> i.getEntityID().toString())
                .containsExactly("conference.example.com");
    }

    @Test
    void xep0045Section6_2ConferenceServiceIdentifiesAsMuc() throws Exception {
        XMPPTCPConnection alice = clients.login("alice");

        DiscoverInfo info = ServiceDiscoveryManager.getInstanceFor(alice)
                .discoverInfo(JidCreate.domainBareFrom("conference.example.com"));

        assertThat(info.containsFeature("http://jabber.org/protocol/muc")).isTrue();
        assertThat(info.hasIdentity("conference", "text")).isTrue();
    }
}
