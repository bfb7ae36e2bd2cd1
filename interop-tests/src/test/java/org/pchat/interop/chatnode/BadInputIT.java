package org.pchat.interop.chatnode;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.pchat.interop.support.CategoryDef;
import org.pchat.interop.support.ChatSessions;
import org.pchat.interop.support.HostileXccos;
import org.pchat.interop.support.PchatProcess;
import org.pchat.interop.support.RandomNames;
import org.pchat.interop.support.RawSipConnection;
import org.pchat.interop.support.RawSipMessage;
import org.pchat.interop.support.RoomDef;
import org.pchat.interop.support.RoomUri;
import org.pchat.interop.support.SipOutcome;
import org.pchat.interop.support.XccosReply;
import org.pchat.interop.support.XccosTestClient;
import org.pchat.interop.support.XccosWriter;

/**
 * Bad input gets a protocol-correct error and harms nobody else (ARCHITECTURE.md §6; the mapping in
 * docs/chat-node.md "Error mapping"): malformed SIP (400), INFO with a content type other than text/plain or a
 * body that is not XCCOS (415), malformed or hostile XML (400), an XCCOS body over {@code xccos.body-limit} or
 * nested beyond the depth limit (413), INFO on a dead or unknown dialog (481). A bystander session, open for the
 * whole class, must keep working after each.
 */
class BadInputIT {
    private static final int BODY_LIMIT = 8192;
    private static final Duration RAW_TIMEOUT = Duration.ofSeconds(15);

    private static PchatProcess node;
    private static String offenderUri;
    private static String bystanderUri;
    private static final String ROOM = RandomNames.of("bad-input");
    private static ChatSessions bystanderSessions;
    private static XccosTestClient bystander;
    private static RoomUri room;

    private ChatSessions sessions;
    private XccosTestClient offender;

    @BeforeAll
    static void provisionAndStart() {
        node = PchatProcess.builder("BadInputIT").set("xccos.body-limit", Integer.toString(BODY_LIMIT)).build();
        offenderUri = node.userUri(RandomNames.of("mallory"));
        bystanderUri = node.userUri(RandomNames.of("bystander"));
        node.cli().migrate();
        node.cli().addUser(offenderUri, "secret-mallory");
        node.cli().addUser(bystanderUri, "secret-bystander");
        String category = RandomNames.of("bad-input");
        node.cli().newCategory(CategoryDef.forDomain(category, node.domain()));
        node.cli().newRoom(RoomDef.of(ROOM, category, RoomDef.Privacy.OPEN));
        node.start();
        bystanderSessions = new ChatSessions(node);
        bystander = bystanderSessions.open(bystanderUri);
        room = bystander.findRoom(ROOM);
        bystander.join(room);
    }

    @AfterAll
    static void stop() {
        if (bystanderSessions != null) {
            bystanderSessions.close();
        }
        if (node != null) {
            node.close();
        }
    }

    @BeforeEach
    void openOffender() {
        sessions = new ChatSessions(node);
        offender = sessions.open(offenderUri);
        offender.join(room);
    }

    @AfterEach
    void bystanderKeepsWorking() {
        sessions.close();
        String text = RandomNames.of("still-here");
        SipOutcome ack = bystander.post(room, text).info();
        assertThat(ack.status()).as("Expected the bystander's post to be acknowledged after the bad input (but %s)",
                ack.describe()).isEqualTo(200);
        bystander.inbox().awaitPost(room, text);
        assertThat(bystander.endedByServer()).as("Expected the bystander's session to stay up (but the server sent "
                + "BYE)").isFalse();
    }

    /**
     * Requests from RFC 4475 §3.1.2 ("invalid messages"), adapted to this node. Each gets 400 when the stack can
     * still read the headers a response is matched by (Via, From, To, Call-ID, CSeq); when one of those is
     * itself unreadable no response can be addressed and the request is discarded (docs/chat-node.md,
     * "Malformed SIP"), and either way the connection goes on serving.
     */
    enum MalformedSip {
        /** §3.1.2.6 quotbal: unterminated quoted string in the To display name (To is unreadable). */
        UNTERMINATED_QUOTE("RFC 4475 §3.1.2.6 unterminated quoted display name", "\"Mr. J. User <%s>", "1 INVITE",
                false),
        /** §3.1.2.4 scalar02: a CSeq number beyond 2^32 - 1 (RFC 3261 §8.1.1.5; CSeq is unreadable). */
        OVERLARGE_CSEQ("RFC 4475 §3.1.2.4 overlarge CSeq number", "<%s>", "36893488147419103232 INVITE", false),
        /** §3.1.2.17 mismatch01: the CSeq method differs from the request method (every header readable). */
        CSEQ_METHOD_MISMATCH("RFC 4475 §3.1.2.17 CSeq method mismatch", "<%s>", "1 OPTIONS", true);

        private final String description;
        private final String toFormat;
        private final String cseq;
        private final boolean addressable;

        MalformedSip(String description, String toFormat, String cseq, boolean addressable) {
            this.description = description;
            this.toFormat = toFormat;
            this.cseq = cseq;
            this.addressable = addressable;
        }

        @Override
        public String toString() {
            return description;
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(MalformedSip.class)
    @DisplayName("RFC 3261 §21.4.1, RFC 4475 §3.1.2: a malformed INVITE over TCP gets 400 (or, unaddressable, is"
            + " discarded) and the connection goes on serving")
    void malformedSipIsAnswered400(MalformedSip malformed) {
        try (RawSipConnection raw = RawSipConnection.open(node.sip())) {
            String tag = UUID.randomUUID().toString().substring(0, 8);
            raw.send(RawSipConnection.crlf("""
                    INVITE %1$s SIP/2.0
                    Via: SIP/2.0/TCP %2$s;branch=z9hG4bK-raw-%3$s
                    Max-Forwards: 70
                    To: %5$s
                    From: <%4$s>;tag=%3$s
                    Call-ID: malformed-%3$s@127.0.0.1
                    CSeq: %6$s
                    Contact: <sip:mallory@%2$s;transport=tcp>
                    Content-Length: 0

                    """.formatted(node.chatUri(), raw.localAddress(), tag, offenderUri,
                    malformed.toFormat.formatted(node.chatUri()), malformed.cseq)));

            String probeCallId = "probe-" + tag + "@127.0.0.1";
            raw.send(RawSipConnection.crlf("""
                    OPTIONS %1$s SIP/2.0
                    Via: SIP/2.0/TCP %2$s;branch=z9hG4bK-probe-%3$s
                    Max-Forwards: 70
                    To: <%1$s>
                    From: <%4$s>;tag=%3$s
                    Call-ID: %5$s
                    CSeq: 1 OPTIONS
                    Content-Length: 0

                    """.formatted(node.chatUri(), raw.localAddress(), tag, offenderUri, probeCallId)));

            // the two answers may come in either order: the stack handles the requests on different threads
            Optional<RawSipMessage> toMalformed = Optional.empty();
            Optional<RawSipMessage> toProbe = Optional.empty();
            while (toProbe.isEmpty() || (malformed.addressable && toMalformed.isEmpty())) {
                RawSipMessage next = raw.awaitFinalResponse(RAW_TIMEOUT);
                if (next.header("Call-ID").orElse("").equals(probeCallId)) {
                    toProbe = Optional.of(next);
                } else {
                    toMalformed = Optional.of(next);
                }
            }
            RawSipMessage answer = toProbe.get();

            assertThat(answer.status()).as("Expected 200 to the OPTIONS after %s (but got %s)", malformed,
                    answer.startLine()).isEqualTo(200);
            if (malformed.addressable) {
                assertThat(toMalformed).as("Expected 400 to an INVITE with %s (but got none)", malformed).isPresent();
            }
            toMalformed.ifPresent(a -> assertThat(a.status()).as("Expected 400 to an INVITE with %s (but got %s)",
                    malformed, a.startLine()).isEqualTo(400));
        }
    }

    @Test
    @DisplayName("RFC 3261 §12.2.2: INFO on a dialog that never existed gets 481")
    void infoOnUnknownDialogIsAnswered481() {
        try (RawSipConnection raw = RawSipConnection.open(node.sip())) {
            String tag = UUID.randomUUID().toString().substring(0, 8);
            String body = XccosWriter.command(1, "cmd:getserverinfo", XccosWriter.serverInfoQuery(node.domain()));
            raw.send(RawSipConnection.crlf("""
                    INFO %1$s SIP/2.0
                    Via: SIP/2.0/TCP %2$s;branch=z9hG4bK-raw-%3$s
                    Max-Forwards: 70
                    From: <%4$s>;tag=%3$s
                    To: <%1$s>;tag=never-issued-%3$s
                    Call-ID: unknown-%3$s@127.0.0.1
                    CSeq: 7 INFO
                    Content-Type: text/plain
                    Content-Length: %5$d

                    """.formatted(node.chatUri(), raw.localAddress(), tag, offenderUri,
                    body.getBytes(StandardCharsets.UTF_8).length)) + body);

            RawSipMessage answer = raw.awaitFinalResponse(RAW_TIMEOUT);

            assertThat(answer.status()).as("Expected 481 to INFO on an unknown dialog (but got %s)", answer.startLine())
                    .isEqualTo(481);
        }
    }

    @Test
    @DisplayName("RFC 3261 §12.2.2, xccos.md §2.1: INFO on a dialog ended with BYE gets 481")
    void infoOnEndedDialogIsAnswered481() {
        offender.bye();

        SipOutcome answer = offender.infoOnEndedDialog(XccosWriter.command(offender.takeEnvid(), "cmd:getserverinfo",
                XccosWriter.serverInfoQuery(node.domain())));

        assertThat(answer.status()).as("Expected 481 to INFO after BYE (but %s)", answer.describe()).isEqualTo(481);
    }

    @Test
    @DisplayName("RFC 3261 §21.4.13, xccos.md §2.2: INFO with a content type other than text/plain gets 415")
    void wrongContentTypeIsAnswered415() {
        String body = XccosWriter.command(offender.takeEnvid(), "cmd:getserverinfo",
                XccosWriter.serverInfoQuery(node.domain()));

        SipOutcome answer = offender.sendInfo("application/json", body);

        assertThat(answer.status()).as("Expected 415 to INFO application/json (but %s)", answer.describe())
                .isEqualTo(415);
    }

    @Test
    @DisplayName("RFC 3261 §12.2.1.2: a rejected INFO (415) does not end the dialog; the next command works")
    void rejectedInfoLeavesDialogUsable() {
        offender.sendInfo("application/json", XccosWriter.command(offender.takeEnvid(), "cmd:getserverinfo",
                XccosWriter.serverInfoQuery(node.domain())));

        XccosReply reply = offender.getServerInfo();

        assertThat(reply.code()).as("Expected getserverinfo to work after a 415 (but %s)", reply.describe())
                .isEqualTo(200);
    }

    /** Writes a hostile body for the offender, in the room. */
    @FunctionalInterface
    interface Attack {
        String body(XccosTestClient client, RoomUri target);
    }

    static Stream<Arguments> hostileBodies() {
        return Stream.of(
                Arguments.of("not well-formed (truncated)", (Attack) (c, r) -> HostileXccos.truncated(c.takeEnvid())),
                Arguments.of("billion laughs (internal entity expansion)",
                        (Attack) (c, r) -> HostileXccos.billionLaughs(c.takeEnvid(), r, c.userUri())),
                Arguments.of("XXE (external entity file:///etc/passwd)", (Attack) (c, r) -> HostileXccos.externalEntity(
                        c.takeEnvid(), r, c.userUri(), "file:///etc/passwd")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileBodies")
    @DisplayName("ARCHITECTURE.md §6, RFC 3261 §21.4.1: a malformed or hostile XCCOS body gets 400")
    void hostileXmlIsAnswered400(String attack, Attack attackBody) {
        SipOutcome answer = offender.sendInfo("text/plain", attackBody.body(offender, room));

        assertThat(answer.status()).as("Expected 400 to an INFO whose body is %s (but %s)", attack, answer.describe())
                .isEqualTo(400);
        assertThat(bystander.inbox().groupChats()).as("Expected nothing of the %s body to reach the room (but got %s)",
                attack, bystander.inbox().groupChats()).noneMatch(g -> g.text().contains("lol")
                        || g.text().contains("root:"));
    }

    @Test
    @DisplayName("RFC 3261 §21.4.13, xccos.md §2.2, docs/chat-node.md: a text/plain body that is not XCCOS gets 415")
    void nonXccosRootIsAnswered415() {
        SipOutcome answer = offender.sendInfo("text/plain", HostileXccos.wrongRoot());

        assertThat(answer.status()).as("Expected 415 to an INFO whose root element is not xccos (but %s)",
                answer.describe()).isEqualTo(415);
    }

    @Test
    @DisplayName("ARCHITECTURE.md §6, docs/chat-node.md: XML nested beyond the depth limit gets 413")
    void overDeepXmlIsAnswered413() {
        SipOutcome answer = offender.sendInfo("text/plain", HostileXccos.deeplyNested(offender.takeEnvid(), 1000));

        assertThat(answer.status()).as("Expected 413 to an INFO nesting 1000 elements (but %s)", answer.describe())
                .isEqualTo(413);
    }

    @Test
    @DisplayName("ARCHITECTURE.md §6: a DOCTYPE naming an external DTD gets 400 and the DTD is never fetched")
    void externalDtdIsRefusedAndNeverFetched() throws IOException {
        try (ServerSocketChannel trap = ServerSocketChannel.open()) {
            trap.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            trap.configureBlocking(false);
            String url = "http://127.0.0.1:" + trap.socket().getLocalPort() + "/xccos.dtd";

            SipOutcome answer = offender.sendInfo("text/plain", HostileXccos.externalDtd(offender.takeEnvid(), url));

            assertThat(answer.status()).as("Expected 400 to an INFO with an external DTD (but %s)", answer.describe())
                    .isEqualTo(400);
            try (SocketChannel fetch = trap.accept()) {
                assertThat(fetch).as("Expected the server never to fetch %s (but it connected)", url).isNull();
            }
        }
    }

    @Test
    @DisplayName("RFC 3261 §21.4.11, ARCHITECTURE.md §6: an XCCOS body over xccos.body-limit gets 413")
    void oversizeBodyIsAnswered413() {
        String body = HostileXccos.oversize(offender.takeEnvid(), BODY_LIMIT + 512);

        SipOutcome answer = offender.sendInfo("text/plain", body);

        assertThat(answer.status()).as("Expected 413 to a %s-byte body with xccos.body-limit=%s (but %s)",
                body.getBytes(StandardCharsets.UTF_8).length, BODY_LIMIT, answer.describe()).isEqualTo(413);
    }
}
