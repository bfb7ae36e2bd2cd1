package org.pchat.interop.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A load user keeps its chat session alive the way RFC 4028 asks of the refresher the node names
 * ({@code refresher=uac}): an UPDATE at half the session interval, again after each 2xx, with the node's Min-SE
 * after a 422. Played against scripted node answers on an embedded channel whose clock the test moves.
 */
class SipLoadUserSessionRefreshTest {
    private static final String DOMAIN = "example.com";

    @TempDir
    Path dir;

    private LoadMetrics metrics;
    private EmbeddedChannel channel;

    @BeforeEach
    void signIn() throws IOException {
        Path model = Files.writeString(dir.resolve("model.tsv"),
                "model\tpchat-load\t1\ndomain\t" + DOMAIN + "\nusers\t1\tload\n");
        metrics = new LoadMetrics(true);
        SipLoadUser user = new SipLoadUser(0, new ScriptedContext(LoadModel.read(model), metrics), new int[0]);
        channel = new EmbeddedChannel() {
            @Override
            protected SocketAddress localAddress0() {
                return new InetSocketAddress("127.0.0.1", 40_000);
            }
        };
        channel.freezeTime();
        channel.pipeline().addLast(new SipFrameDecoder(65_536), user);
        channel.pipeline().fireChannelActive();
        answer(sent(), 200, "");
    }

    @Test
    void theSessionIsRefreshedWithAnUpdateInTheDialogAtHalfTheInterval_rfc4028_10() {
        acceptInvite("Session-Expires: 4;refresher=uac\r\n");

        advance(1_999);
        assertThat(channel.<ByteBuf>readOutbound()).as("nothing before half the interval").isNull();
        advance(1);
        String update = sent();

        assertThat(update).startsWith("UPDATE sip:chat-node@127.0.0.1:5070;transport=tcp SIP/2.0\r\n")
                .contains("Route: <sip:proxy.example.com;lr>\r\n", "To: <sip:ocschat@" + DOMAIN + ">;tag=node-tag\r\n",
                        "Call-ID: call-1\r\n", "Session-Expires: 4;refresher=uac\r\n", "Supported: timer\r\n")
                .containsPattern("CSeq: \\d+ UPDATE\r\n");
    }

    @Test
    void eachAnsweredRefreshSchedulesTheNextFromTheIntervalItsAnswerSet_rfc4028_7_4() {
        acceptInvite("Session-Expires: 4;refresher=uac\r\n");
        advance(2_000);

        answer(sent(), 200, "Session-Expires: 10;refresher=uac\r\n");
        advance(4_999);
        assertThat(channel.<ByteBuf>readOutbound()).isNull();
        advance(1);

        assertThat(sent()).startsWith("UPDATE ").contains("Session-Expires: 10;refresher=uac\r\n");
        assertThat(metrics.sessionRefreshes.sum()).isEqualTo(1);
        assertThat(metrics.failures()).isEmpty();
    }

    @Test
    void aRefreshAnswered422IsSentAgainAtOnceWithTheNodesMinSe_rfc4028_7_4() {
        acceptInvite("Session-Expires: 4;refresher=uac\r\n");
        advance(2_000);

        answer(sent(), 422, "Min-SE: 90\r\n");

        assertThat(sent()).startsWith("UPDATE ").contains("Session-Expires: 90;refresher=uac\r\n");
        assertThat(metrics.failures()).isEmpty();
    }

    @Test
    void a422WhoseMinSeIsNoMoreThanTheIntervalAskedIsAFailureNotAnotherTry() {
        acceptInvite("Session-Expires: 4;refresher=uac\r\n");
        advance(2_000);

        answer(sent(), 422, "Min-SE: 4\r\n");

        assertThat(channel.<ByteBuf>readOutbound()).as("no UPDATE asking for the same interval again").isNull();
        assertThat(metrics.failures()).containsEntry("UPDATE answered 422", 1L);
    }

    @Test
    void aRefreshRefusedOtherwiseIsAFailedOperation() {
        acceptInvite("Session-Expires: 4;refresher=uac\r\n");
        advance(2_000);

        answer(sent(), 481, "");

        assertThat(metrics.failures()).containsEntry("UPDATE answered 481", 1L);
        advance(60_000);
        assertThat(channel.<ByteBuf>readOutbound()).as("no refresh of a session the node no longer has").isNull();
    }

    @Test
    void anUnansweredRefreshIsAFailedOperationOnceTheOperationTimeoutPassed() {
        acceptInvite("Session-Expires: 4;refresher=uac\r\n");
        advance(2_000);
        assertThat(sent()).startsWith("UPDATE ");

        channel.pipeline().get(SipLoadUser.class).sweep();

        assertThat(metrics.failures()).containsEntry("UPDATE timed out", 1L);
    }

    @Test
    void aSessionWithoutSessionExpiresIsNeverRefreshed() {
        acceptInvite("");

        advance(3_600_000);

        assertThat(channel.<ByteBuf>readOutbound()).isNull();
    }

    /** Answers the INVITE 200 with a To tag, a Contact, a Record-Route and the given session-timer headers. */
    private void acceptInvite(String sessionTimerHeaders) {
        String invite = sent();
        assertThat(invite).startsWith("INVITE sip:ocschat@" + DOMAIN + " ");
        answer(invite, 200, "Contact: <sip:chat-node@127.0.0.1:5070;transport=tcp>\r\n"
                + "Record-Route: <sip:proxy.example.com;lr>\r\n" + sessionTimerHeaders, "node-tag", "call-1");
        assertThat(sent()).startsWith("ACK sip:chat-node@127.0.0.1:5070;transport=tcp ");
    }

    private void answer(String request, int status, String headers) {
        answer(request, status, headers, "node-tag", null);
    }

    /** The response to a request the user sent: its Via, From, To (with a tag), Call-ID and CSeq. */
    private void answer(String request, int status, String headers, String toTag, String callId) {
        String to = header(request, "To");
        String text = "SIP/2.0 " + status + " Whatever\r\n"
                + "Via: " + header(request, "Via") + "\r\n"
                + "From: " + header(request, "From") + "\r\n"
                + "To: " + (to.contains(";tag=") ? to : to + ";tag=" + toTag) + "\r\n"
                + "Call-ID: " + (callId == null ? header(request, "Call-ID") : callId) + "\r\n"
                + "CSeq: " + header(request, "CSeq") + "\r\n"
                + headers + "Content-Length: 0\r\n\r\n";
        channel.writeInbound(Unpooled.copiedBuffer(text, StandardCharsets.UTF_8));
    }

    private static String header(String message, String name) {
        for (String line : message.split("\r\n")) {
            if (line.startsWith(name + ": ")) {
                return line.substring(name.length() + 2);
            }
        }
        throw new AssertionError("no " + name + " in\n" + message);
    }

    /** The next message the user sent; fails when it sent none. */
    private String sent() {
        ByteBuf out = channel.readOutbound();
        assertThat(out).as("a message sent").isNotNull();
        try {
            return out.toString(StandardCharsets.UTF_8);
        } finally {
            out.release();
        }
    }

    private void advance(long millis) {
        channel.advanceTimeBy(millis, TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();
    }

    /** The driver's side as far as one user needs it; the operation timeout is 0, so a sweep finds anything late. */
    private record ScriptedContext(LoadModel model, LoadMetrics metrics) implements SipLoadUser.Context {
        @Override
        public String password() {
            return "secret";
        }

        @Override
        public long opTimeoutNanos() {
            return 0;
        }

        @Override
        public boolean issued(long postId) {
            return true;
        }

        @Override
        public void joined(int user, int room, boolean joined) {
        }

        @Override
        public void active(SipLoadUser user, boolean active) {
        }

        @Override
        public void loginDone(SipLoadUser user) {
        }
    }
}
