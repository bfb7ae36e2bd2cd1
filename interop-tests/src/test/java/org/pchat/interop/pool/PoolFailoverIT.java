package org.pchat.interop.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.pchat.interop.proxy.PoolProxyProcess;
import org.pchat.interop.support.CategoryDef;
import org.pchat.interop.support.ClientOptions;
import org.pchat.interop.support.CommandResult;
import org.pchat.interop.support.PchatProcess;
import org.pchat.interop.support.PostOutcome;
import org.pchat.interop.support.RoomDef;
import org.pchat.interop.support.RoomUri;
import org.pchat.interop.support.SipAuthenticator;
import org.pchat.interop.support.SipOutcome;
import org.pchat.interop.support.TestPaths;
import org.pchat.interop.support.XccosGroupChat;
import org.pchat.interop.support.XccosReply;
import org.pchat.interop.support.XccosTestClient;

/**
 * The pool topology as separate processes on one PostgreSQL database: chat nodes n1, n2 (active), s1 (standby) and
 * later n3, each {@code serve} with {@code pool.enabled=true} and no proxy of its own; one {@code pchat proxy} that
 * learns the nodes from the pool channel; the {@code pchat pool} CLI. Nodes find each other through the
 * {@code pool_nodes} table.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PoolFailoverIT {

    private static final String PASSWORD = "pool-secret";
    private static final String ROOM = "Pool Room";
    private static final Duration WAIT = Duration.ofSeconds(60);

    private SharedPostgres database;
    private final Map<String, PchatProcess> nodes = new LinkedHashMap<>();
    private PoolProxyProcess proxy;
    private final List<String> users = new ArrayList<>();
    private final List<XccosTestClient> clients = new CopyOnWriteArrayList<>();
    private final Map<XccosTestClient, Map<String, Long>> sessionLines = new ConcurrentHashMap<>();
    private String domain;
    private Path sharedFiles;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();

    @BeforeAll
    void startPool() {
        database = new SharedPostgres("poolit");
        sharedFiles = TestPaths.newDataDir("PoolFailoverIT-files");
        start("n1", "active");
        start("n2", "active");
        start("s1", "standby");
        domain = nodes.get("n1").domain();
        Map<String, String> proxySettings = new LinkedHashMap<>(database.settings());
        proxySettings.put("pool.enabled", "true");
        proxySettings.put("pool.bind-address", "127.0.0.1");
        proxySettings.put("pool.failure-timeout", "2");
        proxySettings.put("password.pbkdf2-iterations", "1000");
        proxy = new PoolProxyProcess("PoolFailoverIT", domain, List.of(), proxySettings);
        proxy.cli().newCategory(CategoryDef.forDomain("Pool", domain));
        proxy.cli().newRoom(RoomDef.of(ROOM, "Pool", RoomDef.Privacy.OPEN));
        for (int i = 0; i < 6; i++) {
            String user = "sip:pool-user-" + i + "@" + domain;
            proxy.cli().addUser(user, PASSWORD);
            users.add(user);
        }
        proxy.start();
        await().atMost(WAIT).until(() -> proxy.log().contains("node 127.0.0.1:" + nodes.get("n2").sip().port()
                + ";transport=tcp joined the pool"));
    }

    @AfterAll
    void stopPool() {
        clients.forEach(XccosTestClient::close);
        if (proxy != null) {
            proxy.close();
        }
        nodes.values().forEach(PchatProcess::close);
        if (database != null) {
            database.close();
        }
    }

    @Test
    @Order(1)
    void usersOnDifferentNodesChatHistoryIsReadOnANodeThatJoinedLaterAndADrainedNodeTakesNoSessions() {
        XccosTestClient alice = session(users.get(0));
        XccosTestClient bob = session(users.get(1));
        assertThat(hostOf(alice)).as("alice and bob are spread over the active nodes")
                .isNotEqualTo(hostOf(bob)).isIn("n1", "n2");
        RoomUri room = alice.findRoom(ROOM);
        assertThat(alice.join(room).isSuccess()).isTrue();
        assertThat(bob.join(room).isSuccess()).isTrue();

        assertThat(alice.postAndAwait(room, "hello from alice").accepted()).isTrue();
        bob.inbox().awaitPost(room, "hello from alice");
        assertThat(bob.postAndAwait(room, "hello from bob").accepted()).isTrue();
        alice.inbox().awaitPost(room, "hello from bob");

        byte[] file = new byte[200_000];
        new Random(7).nextBytes(file);
        String location = upload(bob, room, file);
        assertThat(download(alice, room, location)).as("a file uploaded via %s downloads via %s", hostOf(bob),
                hostOf(alice)).isEqualTo(file);

        start("n3", "active");
        await().atMost(WAIT).untilAsserted(() -> assertThat(row(poolStatus(), "n3")).contains("active", "serving"));
        await().atMost(WAIT).untilAsserted(() -> {
            String status = poolStatus();
            assertThat(row(status, "s1")).contains("standby", "waiting");
            assertThat(row(status, hostOf(alice))).as("session counts in pool status").contains(" 1 ");
        });

        XccosTestClient carol = session(users.get(2));
        assertThat(hostOf(carol)).as("the least loaded node takes the new session").isEqualTo("n3");
        List<String> history = carol.bccontext(room, 30).history().stream().map(XccosGroupChat::text).toList();
        assertThat(history).as("history posted via n1 and n2, read via n3")
                .containsSubsequence("hello from alice", "hello from bob");

        CommandResult drain = proxy.cli().run("pool", "drain", "n3").assertSuccess();
        assertThat(drain.stdout()).contains("n3 is draining; 1 session(s) sent elsewhere");
        await().atMost(WAIT).until(carol::endedByServer);
        assertThat(row(poolStatus(), "n3")).contains("draining");
        XccosTestClient carolAgain = session(users.get(2));
        XccosTestClient dave = session(users.get(3));
        assertThat(List.of(hostOf(carolAgain), hostOf(dave))).as("no new session on the drained node")
                .doesNotContain("n3");

        assertThat(proxy.cli().run("pool", "promote", "n3").assertSuccess().stdout())
                .contains("n3 is active and takes sessions");
        clients.forEach(XccosTestClient::close);
        clients.clear();
    }

    @Test
    @Order(2)
    void killingAnActiveNodeLosesNoAcknowledgedPostAndTheStandbyIsPromoted() throws Exception {
        if (!nodes.containsKey("n3")) {
            start("n3", "active");
        }
        await().atMost(WAIT).untilAsserted(() -> assertThat(row(poolStatus(), "n3")).contains("serving"));
        List<XccosTestClient> sessions = new ArrayList<>();
        for (String user : users) {
            sessions.add(session(user));
        }
        RoomUri room = sessions.get(0).findRoom(ROOM);
        for (XccosTestClient client : sessions) {
            assertThat(client.join(room).isSuccess()).isTrue();
        }
        Map<XccosTestClient, String> hosts = new LinkedHashMap<>();
        sessions.forEach(c -> hosts.put(c, hostOf(c)));
        String victim = hosts.get(sessions.get(0));
        List<XccosTestClient> survivors = sessions.stream().filter(c -> !hosts.get(c).equals(victim)).toList();
        assertThat(survivors).as("sessions on more than one node: %s", hosts.values()).isNotEmpty();

        List<String> acknowledged = Collections.synchronizedList(new ArrayList<>());
        Map<String, Integer> reconnects = new ConcurrentHashMap<>();
        ExecutorService posters = Executors.newFixedThreadPool(sessions.size());
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < sessions.size(); i++) {
            int index = i;
            running.add(posters.submit(() -> postSteadily(index, sessions.get(index), room, acknowledged,
                    reconnects)));
        }
        Thread.sleep(1_500);
        nodes.get(victim).crash();
        for (Future<?> poster : running) {
            poster.get(3, TimeUnit.MINUTES);
        }
        posters.shutdown();

        XccosTestClient reader = session(users.get(0));
        await().atMost(WAIT).untilAsserted(() -> {
            List<String> history = killTexts(reader.bccontext(room, 200).history().stream()
                    .map(XccosGroupChat::text).toList());
            assertThat(history).as("history holds every acknowledged post").containsAll(acknowledged);
            assertThat(history).as("no post is stored twice").doesNotHaveDuplicates();
            for (XccosTestClient survivor : survivors) {
                List<String> received = killTexts(survivor.inbox().groupChats().stream()
                        .filter(g -> g.isIn(room)).map(XccosGroupChat::text).toList());
                assertThat(received).as("%s (on %s) received every committed post once, in history order",
                        survivor.userUri(), hosts.get(survivor)).isEqualTo(history);
            }
        });
        assertThat(reconnects).as("every user of the killed node %s signed in again", victim).isNotEmpty();
        await().atMost(WAIT).untilAsserted(() -> {
            String status = poolStatus();
            assertThat(row(status, "s1")).as("the standby was promoted").contains("active", "serving");
            assertThat(status).as("the killed node left the pool").doesNotContain(victim + " ");
        });
        String dead = "127.0.0.1:" + nodes.get(victim).sip().port() + ";transport=tcp";
        assertThat(proxy.log().lines().filter(l -> l.contains(dead))
                .filter(l -> l.contains("left the pool") || l.contains("taken out of the pool")).toList())
                .as("the proxy took the killed node out of routing").isNotEmpty();
        XccosTestClient late = session(users.get(1));
        assertThat(hostOf(late)).as("a new session lands on a live node").isNotEqualTo(victim);
    }

    /** Uploads through the web service of the client's node, with a token from that node; returns the Location. */
    private String upload(XccosTestClient client, RoomUri room, byte[] content) {
        String token = fileToken(client, "cmd:getfutok", room, "pool.bin");
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(httpOf(client) + "/files/"
                + room.value() + "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)))
                .header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(content)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("upload answered %s: %s", response.statusCode(), response.body())
                .isEqualTo(201);
        return response.headers().firstValue("Location").orElseThrow();
    }

    /** Downloads through the web service of the client's node, with a token from that node. */
    private byte[] download(XccosTestClient client, RoomUri room, String location) {
        String token = fileToken(client, "cmd:getfdtok", room, "copy.bin");
        URI given = URI.create(location);
        String query = given.getRawQuery() == null ? "?" : "?" + given.getRawQuery() + "&";
        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(URI.create(httpOf(client)
                + given.getRawPath() + query + "token=" + URLEncoder.encode(token, StandardCharsets.UTF_8))).GET()
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as("download answered %s", response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static String fileToken(XccosTestClient client, String command, RoomUri room, String fileName) {
        XccosReply reply = client.command(command, out -> {
            out.writeEmptyElement("ftdb");
            out.writeAttribute("channelUri", room.toString());
            out.writeAttribute("fileUrl", fileName);
        });
        assertThat(reply.code()).as("%s answered %s", command, reply.describe()).isEqualTo(200);
        return reply.data().child("token").orElseThrow().attr("token");
    }

    private String httpOf(XccosTestClient client) {
        return "http://127.0.0.1:" + nodes.get(hostOf(client)).ports().http();
    }

    private static <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) {
        try {
            return HTTP.send(request, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Posts 12 messages; a post that fails sends the user through the proxy again, as a Lync client would. */
    private void postSteadily(int index, XccosTestClient first, RoomUri room, List<String> acknowledged,
                              Map<String, Integer> reconnects) {
        XccosTestClient client = first;
        for (int m = 0; m < 12; m++) {
            String text = "kill-u" + index + "-m" + m;
            PostOutcome outcome;
            try {
                outcome = client.postAndAwait(room, text);
            } catch (AssertionError e) {
                outcome = null;
            }
            if (outcome != null && outcome.accepted()) {
                acknowledged.add(text);
            } else {
                reconnects.merge(client.userUri(), 1, Integer::sum);
                client.close();
                client = await().atMost(WAIT).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                        .until(() -> session(users.get(index)), c -> c != null);
                assertThat(client.join(room).isSuccess()).isTrue();
            }
            try {
                Thread.sleep(150);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static List<String> killTexts(List<String> texts) {
        return texts.stream().filter(t -> t.startsWith("kill-")).toList();
    }

    private void start(String id, String role) {
        PchatProcess.Builder builder = PchatProcess.builder("PoolFailoverIT-" + id)
                .set("node.id", id)
                .set("pool.enabled", "true")
                .set("pool.role", role)
                .set("pool.failure-timeout", "2")
                .set("pool.catch-up-interval", "2")
                .set("proxy.enabled", "false")
                .set("xmpp.enabled", "false")
                .set("files.dir", sharedFiles.toString());
        database.settings().forEach(builder::set);
        PchatProcess node = builder.build();
        node.start();
        nodes.put(id, node);
    }

    private XccosTestClient session(String user) {
        Map<String, Long> before = sessionLineCounts(user);
        XccosTestClient client = XccosTestClient.start(ClientOptions.of(user, proxy.sip())
                .withAuthenticator(SipAuthenticator.digest(user.substring(4), PASSWORD))
                .withTimeout(Duration.ofSeconds(10)));
        SipOutcome register = client.register(Duration.ofSeconds(600));
        SipOutcome invite = register.status() == 200 ? client.invite(nodes.get("n1").chatUri()) : register;
        if (invite.status() != 200) {
            client.close();
            throw new AssertionError("Expected 200 to REGISTER and INVITE through the pool proxy (but "
                    + invite.describe() + ")");
        }
        clients.add(client);
        sessionLines.put(client, before);
        return client;
    }

    /**
     * The node that logged this client's channel session: the one whose count of "channel session of <user>
     * opened" lines grew since just before the INVITE (the node logs it right after its 200, so it may trail).
     */
    private String hostOf(XccosTestClient client) {
        Map<String, Long> before = sessionLines.get(client);
        String needle = needle(client.userUri());
        return await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> nodes.keySet().stream()
                        .filter(id -> count(nodes.get(id), needle) > before.getOrDefault(id, 0L))
                        .findFirst(), java.util.Optional::isPresent)
                .orElseThrow();
    }

    private static String needle(String userUri) {
        return "channel session of " + userUri + " opened";
    }

    private Map<String, Long> sessionLineCounts(String userUri) {
        Map<String, Long> counts = new LinkedHashMap<>();
        nodes.forEach((id, node) -> counts.put(id, count(node, needle(userUri))));
        return counts;
    }

    private static long count(PchatProcess node, String needle) {
        try {
            return Files.readAllLines(node.logFile().orElseThrow(), StandardCharsets.UTF_8).stream()
                    .filter(l -> l.contains(needle)).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String poolStatus() {
        return proxy.cli().run("pool", "status").assertSuccess().stdout();
    }

    private static String row(String table, String node) {
        return table.lines().filter(l -> l.startsWith(node + " ")).findFirst()
                .orElseThrow(() -> new AssertionError("Expected a row for " + node + " in:\n" + table));
    }
}
