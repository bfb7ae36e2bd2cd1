package org.pchat.proxy.support;

import java.io.IOException;
import java.util.UUID;

/**
 * A user agent written with raw text, able to behave like the Lync-protocol client of xccos.md §11: digest
 * username = full address, {@code uri="(null)"}, retry after 407 with the same CSeq and branch, INVITE/ACK/INFO
 * without Via branch, everything on one connection it opened.
 */
public final class SipUser implements AutoCloseable {

    public static final String DOMAIN = "example.com";

    public final SipSocket socket;
    public final String user;
    public final String password;
    private final String host;
    private long cseq;

    public SipUser(SipSocket socket, String user, String password) {
        this.socket = socket;
        this.user = user;
        this.password = password;
        this.host = "127.0.0.1:" + socket.localPort();
    }

    public String aor() {
        return "sip:" + user + "@" + DOMAIN;
    }

    public String username() {
        return user + "@" + DOMAIN;
    }

    /** The contact of a client that never listens: its own address and port (xccos.md §11). */
    public String contact() {
        return "sip:" + host + ";transport=" + socket.transport();
    }

    public long nextCseq() {
        return ++cseq;
    }

    public static String branch() {
        return "z9hG4bK" + UUID.randomUUID().toString().replace("-", "");
    }

    public String via(String branch) {
        return "SIP/2.0/" + socket.transport() + " " + host + (branch == null ? "" : ";branch=" + branch);
    }

    /** A REGISTER text. */
    public String register(String callId, long number, String branch, int expires, String authorization) {
        return "REGISTER sip:" + DOMAIN + " SIP/2.0\n"
                + "Via: " + via(branch) + "\n"
                + "From: <" + aor() + ">;tag=" + callId.hashCode() + "\n"
                + "To: <" + aor() + ">\n"
                + "Call-ID: " + callId + "\n"
                + "CSeq: " + number + " REGISTER\n"
                + "Max-Forwards: 70\n"
                + "Contact: <" + contact() + ">;methods=\"INVITE, MESSAGE, INFO, OPTIONS, BYE, CANCEL, NOTIFY, ACK\""
                + ";proxy=replace;+sip.instance=\"<urn:uuid:" + UUID.nameUUIDFromBytes(host.getBytes()) + ">\"\n"
                + "Expires: " + expires + "\n"
                + (authorization == null ? "" : authorization + "\n")
                + "Content-Length: 0\n\n";
    }

    /**
     * Registers as the Lync client does: REGISTER, 407, the same REGISTER (same CSeq and branch) with
     * {@code Proxy-Authorization} over {@code uri="(null)"}. Returns the final response.
     */
    public SipText registerLikeLync(int expires) throws IOException {
        String callId = "reg-" + UUID.randomUUID();
        long number = nextCseq();
        String branch = branch();
        socket.send(register(callId, number, branch, expires, null));
        SipText challenge = socket.awaitFinal("REGISTER");
        if (challenge.status() != 407) {
            return challenge;
        }
        String header = challenge.header("Proxy-Authenticate").orElseThrow();
        socket.send(register(callId, number, branch, expires, "Proxy-Authorization: "
                + Digest.answer(header, "REGISTER", "(null)", username(), password, "00000001")));
        return socket.awaitFinal("REGISTER");
    }

    /** An out-of-dialog request text. */
    public String request(String method, String uri, String callId, long number, String branch, String toUri,
                          String toTag, String extraHeaders, String contentType, String body) {
        String bytes = body == null ? "" : body;
        return method + " " + uri + " SIP/2.0\n"
                + "Via: " + via(branch) + "\n"
                + "From: <" + aor() + ">;tag=" + Integer.toHexString(callId.hashCode()) + ";epid=01234567\n"
                + "To: <" + toUri + ">" + (toTag == null ? "" : ";tag=" + toTag) + "\n"
                + "Call-ID: " + callId + "\n"
                + "CSeq: " + number + " " + method + "\n"
                + "Max-Forwards: 70\n"
                + "Contact: <" + contact() + ">\n"
                + (extraHeaders == null || extraHeaders.isEmpty() ? "" : extraHeaders + "\n")
                + (contentType == null ? "" : "Content-Type: " + contentType + "\n")
                + "Content-Length: " + bytes.getBytes(java.nio.charset.StandardCharsets.UTF_8).length + "\n\n"
                + bytes;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
