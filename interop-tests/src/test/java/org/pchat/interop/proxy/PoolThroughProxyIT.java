package org.pchat.interop.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.pchat.interop.support.ClientOptions;
import org.pchat.interop.support.PchatProcess;
import org.pchat.interop.support.RandomNames;
import org.pchat.interop.support.SipAuthenticator;
import org.pchat.interop.support.SipOutcome;
import org.pchat.interop.support.XccosTestClient;
import org.pchat.interop.support.XccosWriter;

/**
 * The pool topology: {@code pchat proxy --nodes a,b} in front of two chat nodes ({@code serve} with the proxy
 * off). Sessions of different users spread over both nodes; when a node stops answering (frozen with SIGSTOP),
 * the proxy takes it out within the health-check interval, in-dialog requests for it get 481 (RFC 3261 §12.2.2)
 * and every new session lands on the survivor.
 */
class PoolThroughProxyIT {
    private static final String PASSWORD = "pool-secret";
    private PchatProcess nodeA;
    private PchatProcess nodeB;
    private PoolProxyProcess proxy;
    private final List<XccosTestClient> clients = new ArrayList<>();
    private ProcessHandle frozen;
    private final java.util.Map<String, String> users = new java.util.HashMap<>();

    @BeforeEach
    void startPool() {
        nodeA = PchatProcess.builder("PoolThroughProxyIT-a").set("proxy.enabled", "false").build();
        nodeB = PchatProcess.builder("PoolThroughProxyIT-b").set("proxy.enabled", "false").build();
        nodeA.start();
        nodeB.start();
        proxy = new PoolProxyProcess("PoolThroughProxyIT", nodeA.domain(), List.of(nodeA.sip(), nodeB.sip()));
        proxy.cli().migrate();
        for (String name : List.of("alice", "bob", "carol", "dave")) {
            String user = nodeA.userUri(RandomNames.of(name));
            users.put(name, user);
            proxy.cli().addUser(user, PASSWORD);
        }
        proxy.start();
    }

    @AfterEach
    void stopPool() {
        clients.forEach(XccosTestClient::close);
        if (frozen != null) {
            signal("-CONT", frozen);
        }
        proxy.close();
        nodeA.close();
        nodeB.close();
    }

    private XccosTestClient session(String name) {
        String user = users.get(name);
        XccosTestClient client = XccosTestClient.start(ClientOptions.of(user, proxy.sip())
                .withAuthenticator(SipAuthenticator.digest(user.substring(4), PASSWORD))
                .withTimeout(Duration.ofSeconds(40)));
        clients.add(client);
        SipOutcome register = client.register(Duration.ofSeconds(600));
        assertThat(register.status()).as("Expected 200 to REGISTER at the pool proxy (but %s)", register.describe())
                .isEqualTo(200);
        SipOutcome invite = client.invite(nodeA.chatUri());
        assertThat(invite.status()).as("Expected 200 to INVITE through the pool proxy (but %s)", invite.describe())
                .isEqualTo(200);
        return client;
    }

    private static boolean hosts(PchatProcess node, XccosTestClient client) {
        try {
            String log = Files.readString(node.logFile().orElseThrow(), StandardCharsets.UTF_8);
            return log.contains("channel session of " + client.userUri());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long sessionsOn(PchatProcess node) {
        try {
            return Files.readString(node.logFile().orElseThrow(), StandardCharsets.UTF_8).lines()
                    .filter(line -> line.contains("channel session of ")).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ProcessHandle processOf(PchatProcess node) {
        return ProcessHandle.current().children()
                .filter(p -> p.info().arguments().map(args -> String.join(" ", args))
                        .orElse("").contains(node.dataDir().toString()))
                .findFirst().orElseThrow(() -> new AssertionError("Expected the node process of " + node.dataDir()));
    }

    private static void signal(String signal, ProcessHandle process) {
        try {
            Process kill = new ProcessBuilder("kill", signal, Long.toString(process.pid())).start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new AssertionError("Expected kill " + signal + " " + process.pid() + " to succeed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    @Test
    @DisplayName("Sessions of different users spread over both nodes; a dead node's dialogs get 481, "
            + "new sessions land on the survivor")
    void sessionsSpreadAndFailOverToTheSurvivor() {
        XccosTestClient alice = session("alice");
        XccosTestClient bob = session("bob");
        // a node logs the session just after its 200 leaves, so the line may trail the client's own view
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(sessionsOn(nodeA)).as("Expected one session on node A").isEqualTo(1);
            assertThat(sessionsOn(nodeB)).as("Expected one session on node B").isEqualTo(1);
        });
        assertThat(alice.getServerInfo().code()).as("Expected alice's getserverinfo to work").isEqualTo(200);
        assertThat(bob.getServerInfo().code()).as("Expected bob's getserverinfo to work").isEqualTo(200);

        PchatProcess dead = hosts(nodeA, alice) ? nodeA : nodeB;
        PchatProcess survivor = dead == nodeA ? nodeB : nodeA;
        XccosTestClient orphan = hosts(nodeA, alice) ? alice : bob;
        long before = sessionsOn(survivor);
        frozen = processOf(dead);
        signal("-STOP", frozen);

        // the first probe after one health-check interval (5 s) plus its timeout (2 s): the node is out by then
        await().atMost(Duration.ofSeconds(60)).pollDelay(Duration.ofSeconds(8)).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
            SipOutcome info = orphan.sendInfo("text/plain", XccosWriter.command(orphan.takeEnvid(),
                    "cmd:getserverinfo", XccosWriter.serverInfoQuery(nodeA.domain())));
            assertThat(info.status()).as("Expected 481 for the dialog on the dead node (but %s)", info.describe())
                    .isEqualTo(481);
        });

        XccosTestClient carol = session("carol");
        XccosTestClient dave = session("dave");
        assertThat(sessionsOn(survivor)).as("Expected both new sessions on the surviving node").isEqualTo(before + 2);
        assertThat(carol.getServerInfo().code()).isEqualTo(200);
        assertThat(dave.getServerInfo().code()).isEqualTo(200);
    }
}
