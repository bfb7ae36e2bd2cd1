package org.pchat.interop.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Checks the test client itself against a sipp-scripted chat node, so that a failing acceptance test points
 * at the server, not at the harness: INVITE/200/ACK, a command INFO, the server's rpl INFO correlated by
 * envid (xccos.md §3.3), BYE.
 */
class XccosTestClientIT {

    @Test
    @DisplayName("xccos.md §2.1, §3.3: the client runs a session against a scripted node and correlates the rpl")
    void clientRunsSessionAgainstScriptedNode() {
        int port = FreePorts.one();
        Sipp sipp = new Sipp("XccosTestClientIT");
        Sipp.Running node = sipp.start(SippRun.server(TestPaths.scenario("harness/fake-chat-node.xml"), port)
                .withKey("domain", "harness.example.com")).awaitListening(port);
        XccosTestClient client = XccosTestClient.start(
                ClientOptions.of("sip:tester@harness.example.com", HostPort.loopback(port)));
        try {
            SipOutcome invite = client.invite("sip:ocschat@harness.example.com");
            assertThat(invite.status()).as("Expected 200 to INVITE (but %s)", invite.describe()).isEqualTo(200);

            XccosReply reply = client.getServerInfo();

            assertThat(reply.id()).as("Expected rpl:getservinfo (but got %s)", reply.id()).isEqualTo("rpl:getservinfo");
            assertThat(reply.serverInfo().map(sib -> sib.attr("searchLimit"))).as("Expected sib/@searchLimit 999")
                    .contains("999");
            SipOutcome bye = client.bye();
            assertThat(bye.status()).as("Expected 200 to BYE (but %s)", bye.describe()).isEqualTo(200);
        } finally {
            client.close();
        }
        node.await().assertSuccess();
    }
}
