package org.pchat.interop.proxy;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.pchat.interop.support.FreePorts;
import org.pchat.interop.support.HostPort;
import org.pchat.interop.support.PchatProcess;
import org.pchat.interop.support.Sipp;
import org.pchat.interop.support.SippRun;
import org.pchat.interop.support.TestPaths;

/**
 * sipp against the next-hop proxy of a running pchat (Standard topology): digest REGISTER with the right and a
 * wrong password, and MESSAGE from one registered sipp to another (RFC 3261 §10, §16; RFC 3428; RFC 7616).
 */
class ProxySippIT {
    private static final String PASSWORD = "proxy-secret";
    private static PchatProcess server;
    private final Sipp sipp = new Sipp("ProxySippIT");

    @BeforeAll
    static void provisionAndStart() {
        server = PchatProcess.builder("ProxySippIT").build();
        server.cli().migrate();
        for (String user : new String[] {"alice", "bob", "carol"}) {
            server.cli().addUser(server.userUri(user), PASSWORD);
        }
        server.start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static HostPort proxy() {
        return HostPort.loopback(server.ports().proxy());
    }

    private static SippRun register(String scenario, String user, String password) {
        return SippRun.client(TestPaths.scenario("proxy/" + scenario), proxy())
                .withKey("user", user).withKey("domain", server.domain())
                .withArguments("-au", user + "@" + server.domain(), "-ap", password);
    }

    @Test
    @DisplayName("RFC 3261 §10.2, RFC 7616 §3.4: REGISTER with the right password is answered 200 after the 407")
    void registerWithTheRightPasswordSucceeds() {
        sipp.run(register("register-ok.xml", "alice", PASSWORD)).assertSuccess();
    }

    @Test
    @DisplayName("RFC 3261 §22.3: REGISTER with a wrong password is refused with 403")
    void registerWithAWrongPasswordIsRefused() {
        sipp.run(register("register-wrong-password.xml", "alice", "not-" + PASSWORD)).assertSuccess();
    }

    @Test
    @DisplayName("RFC 3428 §4, RFC 3261 §16.5: a registered UAC's MESSAGE reaches a registered UAS, 200 comes back")
    void messageBetweenRegisteredSippEndpoints() {
        int uasPort = FreePorts.one();
        Sipp.Running uas = sipp.start(SippRun.server(TestPaths.scenario("proxy/message-uas.xml"), uasPort))
                .awaitListening(uasPort);
        sipp.run(register("register-contact.xml", "bob", PASSWORD).withKey("contact_port",
                Integer.toString(uasPort))).assertSuccess();

        sipp.run(register("message-uac.xml", "carol", PASSWORD).withKey("callee", "bob")).assertSuccess();

        uas.await().assertSuccess();
    }
}
