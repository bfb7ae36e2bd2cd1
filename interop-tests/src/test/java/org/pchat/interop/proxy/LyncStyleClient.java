package org.pchat.interop.proxy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pchat.interop.support.XccosEnvelope;
import org.pchat.interop.support.XccosReader;

/**
 * A client with exactly the wire habits xccos.md §11 records for a Lync-protocol client (pidgin-sipe): one TCP
 * connection; REGISTER challenged with 407 and retried with the same CSeq and branch, digest username the full
 * address, {@code uri="(null)"}, {@code nc=00000001}; lower-case transport in Via and no branch on INVITE, ACK
 * and in-dialog requests; the provisioning SUBSCRIBE; a Contact naming its own port.
 */
final class LyncStyleClient implements AutoCloseable {

    private static final Pattern PARAM = Pattern.compile("(\\w+)=\"?([^\",]*)\"?");

    final RawSipConnection connection;
    private final String aor;
    private final String username;
    private final String password;
    private final String domain;
    private final String host;
    private final String instance = UUID.randomUUID().toString();
    private long cseq;

    LyncStyleClient(int proxyPort, String aor, String password) throws IOException {
        this.connection = new RawSipConnection(proxyPort);
        this.aor = aor;
        this.username = aor.substring("sip:".length());
        this.password = password;
        this.domain = aor.substring(aor.indexOf('@') + 1);
        this.host = "127.0.0.1:" + connection.localPort();
    }

    private String via(boolean branch) {
        return "Via: SIP/2.0/tcp " + host + (branch ? ";branch=z9hG4bK" + UUID.randomUUID().toString()
                .replace("-", "") : "");
    }

    private String registerText(String callId, long number, String branchVia, int expires, String authorization) {
        return "REGISTER sip:" + domain + " SIP/2.0\n" + branchVia + "\n"
                + "From: <" + aor + ">;tag=" + callId.hashCode() + ";epid=0123456789\n"
                + "To: <" + aor + ">\n"
                + "Call-ID: " + callId + "\n"
                + "CSeq: " + number + " REGISTER\n"
                + "Max-Forwards: 70\n"
                + "User-Agent: lync-style-test-client\n"
                + "Contact: <sip:" + host + ";transport=tcp;ms-opaque=d3470f2e1d>;methods=\"INVITE, MESSAGE, INFO, "
                + "SUBSCRIBE, OPTIONS, BYE, CANCEL, NOTIFY, ACK, REFER, BENOTIFY\";proxy=replace;"
                + "+sip.instance=\"<urn:uuid:" + instance + ">\"\n"
                + "Supported: gruu-10, adhoclist, msrtc-event-categories\n"
                + "Event: registration\n"
                + "Expires: " + expires + "\n"
                + (authorization == null ? "" : authorization + "\n")
                + "Content-Length: 0\n\n";
    }

    /** REGISTER, expect 407, the same REGISTER (same CSeq, same branch) with credentials over "(null)". */
    RegisterExchange register(int expires) throws IOException {
        String callId = UUID.randomUUID().toString();
        long number = ++cseq;
        String via = via(true);
        connection.send(registerText(callId, number, via, expires, null));
        RawSipMessage challenge = connection.awaitFinal("REGISTER");
        if (challenge.status() != 407) {
            return new RegisterExchange(challenge, challenge);
        }
        String header = challenge.header("Proxy-Authenticate").orElseThrow();
        connection.send(registerText(callId, number, via, expires, "Proxy-Authorization: " + answer(header)));
        return new RegisterExchange(challenge, connection.awaitFinal("REGISTER"));
    }

    /** The first answer and the final one. */
    record RegisterExchange(RawSipMessage challenge, RawSipMessage result) {
    }

    private String answer(String challenge) {
        String realm = param(challenge, "realm");
        String nonce = param(challenge, "nonce");
        String cnonce = "4b7dcd31";
        String ha1 = md5(username + ":" + realm + ":" + password);
        String ha2 = md5("REGISTER:(null)");
        String response = md5(ha1 + ":" + nonce + ":00000001:" + cnonce + ":auth:" + ha2);
        return "Digest username=\"" + username + "\", realm=\"" + realm + "\", nonce=\"" + nonce
                + "\", uri=\"(null)\", response=\"" + response + "\", qop=auth, nc=00000001, cnonce=\"" + cnonce
                + "\", algorithm=MD5";
    }

    static String param(String header, String name) {
        Matcher m = PARAM.matcher(header);
        while (m.find()) {
            if (m.group(1).equalsIgnoreCase(name)) {
                return m.group(2);
            }
        }
        throw new AssertionError("Expected " + name + " in '" + header + "'");
    }

    /** The provisioning SUBSCRIBE (xccos.md §1.2, §11); returns its final response. */
    RawSipMessage subscribeProvisioning() throws IOException {
        String body = "<provisioningGroupList xmlns=\"http://schemas.microsoft.com/2006/09/sip/provisioninggrouplist\">"
                + "<provisioningGroup name=\"ServerConfiguration\"/><provisioningGroup name=\"meetingPolicy\"/>"
                + "<provisioningGroup name=\"persistentChatConfiguration\"/><provisioningGroup name=\"ucPolicy\"/>"
                + "</provisioningGroupList>";
        connection.send("SUBSCRIBE " + aor + " SIP/2.0\n" + via(true) + "\n"
                + "From: <" + aor + ">;tag=" + UUID.randomUUID().hashCode() + ";epid=0123456789\n"
                + "To: <" + aor + ">\n"
                + "Call-ID: " + UUID.randomUUID() + "\n"
                + "CSeq: " + (++cseq) + " SUBSCRIBE\n"
                + "Max-Forwards: 70\n"
                + "Contact: <sip:" + host + ";transport=tcp>\n"
                + "Event: vnd-microsoft-provisioning-v2\n"
                + "Accept: application/vnd-microsoft-roaming-provisioning-v2+xml\n"
                + "Supported: com.microsoft.autoextend, ms-benotify, ms-piggyback-first-notify\n"
                + "Expires: 0\n"
                + "Content-Type: application/vnd-microsoft-roaming-provisioning-v2+xml\n"
                + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\n\n" + body);
        return connection.awaitFinal("SUBSCRIBE");
    }

    /** INVITE without branch (xccos.md §2.1, §11), ACK without branch; the session on 200. */
    Session invite(String chatUri) throws IOException {
        String callId = UUID.randomUUID().toString();
        String fromTag = Integer.toHexString(callId.hashCode());
        String sdp = "v=0\r\no=- 0 0 IN IP4 127.0.0.1\r\ns=session\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                + "m=message 5061 sip null\r\na=accept-types:text/plain text/html image/gif multipart/alternative "
                + "application/im-iscomposing+xml application/ms-imdn+xml text/x-msmsgsinvite\r\n";
        connection.send("INVITE " + chatUri + " SIP/2.0\n" + via(false) + "\n"
                + "From: <" + aor + ">;tag=" + fromTag + ";epid=0123456789\n"
                + "To: <" + chatUri + ">\n"
                + "Max-Forwards: 70\n"
                + "CSeq: 1 INVITE\n"
                + "User-Agent: lync-style-test-client\n"
                + "Call-ID: " + callId + "\n"
                + "Supported: ms-sender\n"
                + "Contact: <sip:" + username + ":" + connection.localPort() + ";maddr=127.0.0.1;transport=tcp>\n"
                + "Content-Type: application/sdp\n"
                + "Content-Length: " + sdp.length() + "\n\n" + sdp);
        RawSipMessage ok = connection.awaitFinal("INVITE");
        if (ok.status() != 200) {
            throw new AssertionError("Expected 200 to the branch-less INVITE " + chatUri + " (but " + ok + ")");
        }
        Session session = new Session(callId, fromTag, chatUri, ok);
        connection.send(session.request("ACK", 1, null, ""));
        return session;
    }

    /** One INVITE dialog as the client keeps it (RFC 3261 §12.1.2). */
    final class Session {
        final String callId;
        final String fromTag;
        final String toTag;
        final String remoteUri;
        final String remoteTarget;
        final List<String> routes;
        final RawSipMessage answer;
        private long number = 1;

        Session(String callId, String fromTag, String remoteUri, RawSipMessage ok) {
            this.callId = callId;
            this.fromTag = fromTag;
            this.remoteUri = remoteUri;
            this.toTag = ok.tag("To").orElseThrow(() -> new AssertionError("Expected a To tag in " + ok));
            this.remoteTarget = RawSipMessage.uriOf(ok.header("Contact").orElseThrow(() ->
                    new AssertionError("Expected a Contact in the 200 to INVITE (xccos.md §11)")));
            List<String> recorded = new ArrayList<>(ok.values("Record-Route"));
            Collections.reverse(recorded);
            this.routes = List.copyOf(recorded);
            this.answer = ok;
        }

        String request(String method, long cseqNumber, String contentType, String body) {
            StringBuilder out = new StringBuilder(method).append(' ').append(remoteTarget).append(" SIP/2.0\n")
                    .append(via(false)).append('\n');
            routes.forEach(route -> out.append("Route: ").append(route).append('\n'));
            out.append("From: <").append(aor).append(">;tag=").append(fromTag).append(";epid=0123456789\n")
                    .append("To: <").append(remoteUri).append(">;tag=").append(toTag).append('\n')
                    .append("Call-ID: ").append(callId).append('\n')
                    .append("CSeq: ").append(cseqNumber).append(' ').append(method).append('\n')
                    .append("Max-Forwards: 70\n");
            if (contentType != null) {
                out.append("Content-Type: ").append(contentType).append('\n');
            }
            return out.append("Content-Length: ").append(body.getBytes(StandardCharsets.UTF_8).length)
                    .append("\n\n").append(body).toString();
        }

        /** Sends an in-dialog request without branch and returns its final response. */
        RawSipMessage send(String method, String contentType, String body) throws IOException {
            connection.send(request(method, ++number, contentType, body));
            return connection.awaitFinal(method);
        }

        /** The next server INFO of this dialog matching {@code wanted}; answered 200 (earlier ones too). */
        XccosEnvelope awaitServerInfo(Predicate<XccosEnvelope> wanted, String what) throws IOException {
            while (true) {
                RawSipMessage info = connection.await(m -> !m.isResponse() && m.method().equals("INFO")
                        && m.header("Call-ID").orElse("").equals(callId), "server INFO with " + what);
                connection.send(ok(info));
                XccosEnvelope envelope = XccosReader.parse(info.body());
                if (wanted.test(envelope)) {
                    return envelope;
                }
            }
        }
    }

    /** A 200 to a request the server sent (RFC 3261 §8.2.6). */
    static String ok(RawSipMessage request) {
        StringBuilder out = new StringBuilder("SIP/2.0 200 OK\n");
        request.values("Via").forEach(via -> out.append("Via: ").append(via).append('\n'));
        out.append("From: ").append(request.header("From").orElseThrow()).append('\n')
                .append("To: ").append(request.header("To").orElseThrow()).append('\n')
                .append("Call-ID: ").append(request.header("Call-ID").orElseThrow()).append('\n')
                .append("CSeq: ").append(request.header("CSeq").orElseThrow()).append('\n')
                .append("Content-Length: 0\n\n");
        return out.toString();
    }

    private static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** REGISTER Expires: 0 and close without waiting, as the client signs out (xccos.md §11). */
    void signOut() throws IOException {
        connection.send(registerText(UUID.randomUUID().toString(), ++cseq, via(true), 0, null));
        connection.close();
    }

    @Override
    public void close() throws IOException {
        connection.close();
    }
}
