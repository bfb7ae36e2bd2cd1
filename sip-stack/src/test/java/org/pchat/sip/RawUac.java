package org.pchat.sip;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * A Lync-protocol-like client written with raw text (xccos.md §11): one socket, no listening port for TCP,
 * optional Via branches (off = RFC 2543 style, as pidgin-sipe sends INVITE/ACK/INFO/UPDATE/BYE).
 */
final class RawUac implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(10);
    static final String SERVICE_URI = "sip:ocschat@example.com";

    private final RawTransport transport;
    private final boolean branches;
    private final List<RawSipMessage> backlog = new ArrayList<>();
    final String callId = UUID.randomUUID().toString();
    final String fromTag = Long.toHexString(System.nanoTime());
    private final int contactPort;
    private long cseq;
    private long inviteCseq;
    private String toTag;
    private String remoteTarget = SERVICE_URI;

    RawUac(RawTransport transport, boolean branches) throws IOException {
        this.transport = transport;
        this.branches = branches;
        this.contactPort = transport.viaTransport().equals("UDP") ? transport.localPort() : closedPort();
    }

    /** A port nobody listens on: the Contact of a client that never listens. */
    private static int closedPort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0)) {
            return probe.getLocalPort();
        }
    }

    String toTag() {
        return toTag;
    }

    String remoteTarget() {
        return remoteTarget;
    }

    /** The Contact URI this client put in its INVITE (where it would listen, if it did). */
    String remoteTargetOfClient() {
        return "sip:alice@example.com:" + contactPort + ";maddr=127.0.0.1;transport="
                + transport.viaTransport().toLowerCase(Locale.ROOT);
    }

    RawTransport transport() {
        return transport;
    }

    String invite(String... extraHeaders) {
        inviteCseq = ++cseq;
        String sdp = "v=0\no=- 0 0 IN IP4 127.0.0.1\ns=session\nc=IN IP4 127.0.0.1\nt=0 0\n"
                + "m=message 5061 sip null\n";
        return build("INVITE", SERVICE_URI, inviteCseq, "INVITE", false, extraHeaders, "application/sdp",
                RawTransport.crlf(sdp));
    }

    /** Sends INVITE, returns its final response and learns the dialog (To tag, Contact). */
    RawSipMessage sendInvite(String... extraHeaders) throws IOException {
        transport.send(invite(extraHeaders));
        RawSipMessage response = awaitFinal("INVITE");
        if (response.status() < 300) {
            toTag = response.tag("To").orElseThrow();
            remoteTarget = response.contactUri();
        }
        return response;
    }

    void ack() throws IOException {
        transport.send(build("ACK", remoteTarget, inviteCseq, "ACK", true, new String[0], null, ""));
    }

    /** Text of the next in-dialog request (kept so a test can send it twice, as a retransmission). */
    String inDialog(String method, String contentType, String body, String... extraHeaders) {
        return build(method, remoteTarget, ++cseq, method, true, extraHeaders, contentType, body);
    }

    /** Sends text and waits for the final response of that method. */
    RawSipMessage request(String text, String method) throws IOException {
        transport.send(text);
        return awaitFinal(method);
    }

    RawSipMessage awaitFinal(String method) throws IOException {
        return await(m -> m.isResponse() && m.cseqMethod().equals(method) && m.status() >= 200, WAIT);
    }

    RawSipMessage awaitRequest(String method) throws IOException {
        return await(m -> !m.isResponse() && m.method().equals(method), WAIT);
    }

    RawSipMessage await(Predicate<RawSipMessage> wanted, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (Iterator<RawSipMessage> it = backlog.iterator(); it.hasNext(); ) {
                RawSipMessage m = it.next();
                if (wanted.test(m)) {
                    it.remove();
                    return m;
                }
            }
            Duration left = Duration.ofNanos(deadline - System.nanoTime());
            if (left.isNegative() || left.isZero()) {
                throw new AssertionError("expected message not received within " + timeout + "; backlog "
                        + backlog.stream().map(RawSipMessage::startLine).toList());
            }
            transport.receive(left).ifPresent(backlog::add);
        }
    }

    /** Answers a request the server sent, echoing its Via, From, To, Call-ID and CSeq (RFC 3261 §8.2.6.2). */
    void respond(RawSipMessage request, int status, String reason) throws IOException {
        StringBuilder out = new StringBuilder("SIP/2.0 ").append(status).append(' ').append(reason).append("\r\n");
        for (String via : request.headerValues("Via")) {
            out.append("Via: ").append(via).append("\r\n");
        }
        out.append("From: ").append(request.header("From").orElseThrow()).append("\r\n");
        out.append("To: ").append(request.header("To").orElseThrow()).append("\r\n");
        out.append("Call-ID: ").append(request.header("Call-ID").orElseThrow()).append("\r\n");
        out.append("CSeq: ").append(request.header("CSeq").orElseThrow()).append("\r\n");
        out.append("Content-Length: 0\r\n\r\n");
        transport.send(out.toString());
    }

    private String build(String method, String uri, long number, String cseqMethod, boolean withToTag,
                         String[] extraHeaders, String contentType, String body) {
        String via = "SIP/2.0/" + transport.viaTransport().toLowerCase(Locale.ROOT) + " 127.0.0.1:"
                + transport.localPort() + (branches ? ";branch=z9hG4bK" + UUID.randomUUID() : "");
        StringBuilder out = new StringBuilder();
        out.append(method).append(' ').append(uri).append(" SIP/2.0\r\n");
        out.append("Via: ").append(via).append("\r\n");
        out.append("From: <sip:alice@example.com>;tag=").append(fromTag).append(";epid=0123456789\r\n");
        out.append("To: <").append(SERVICE_URI).append('>');
        if (withToTag && toTag != null) {
            out.append(";tag=").append(toTag);
        }
        out.append("\r\n");
        out.append("Max-Forwards: 70\r\n");
        out.append("CSeq: ").append(number).append(' ').append(cseqMethod).append("\r\n");
        out.append("Call-ID: ").append(callId).append("\r\n");
        out.append("User-Agent: raw-test-uac\r\n");
        if ("INVITE".equals(method)) {
            out.append("Supported: ms-sender\r\n");
            out.append("Contact: <sip:alice@example.com:").append(contactPort).append(";maddr=127.0.0.1;transport=")
                    .append(transport.viaTransport().toLowerCase(Locale.ROOT)).append(">\r\n");
        }
        for (String header : extraHeaders) {
            out.append(header).append("\r\n");
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (contentType != null) {
            out.append("Content-Type: ").append(contentType).append("\r\n");
        }
        out.append("Content-Length: ").append(bytes.length).append("\r\n\r\n").append(body);
        return out.toString();
    }

    @Override
    public void close() throws IOException {
        transport.close();
    }
}
