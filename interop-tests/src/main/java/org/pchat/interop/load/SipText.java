package org.pchat.interop.load;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * SIP text a load user writes outside its dialog's requests: REGISTER, the INVITE of the chat service, the ACK of
 * a refusal, answers to the node's requests, and Via.
 */
final class SipText {

    private SipText() {
    }

    /**
     * A REGISTER of a user's address of record (RFC 3261 §10.2), with its own GRUU instance id.
     *
     * @param authorization the {@code Authorization: …} or {@code Proxy-Authorization: …} line answering a
     *                      challenge, null on the first try
     */
    static String register(String domain, String host, String aor, String fromTag, String callId, long cseq,
                           String authorization) {
        StringBuilder out = new StringBuilder("REGISTER sip:").append(domain).append(" SIP/2.0\r\n")
                .append(via(host)).append("From: <").append(aor).append(">;tag=").append(fromTag).append("\r\n")
                .append("To: <").append(aor).append(">\r\n")
                .append("Call-ID: ").append(callId).append("\r\n")
                .append("CSeq: ").append(cseq).append(" REGISTER\r\n")
                .append("Max-Forwards: 70\r\n")
                .append("Contact: <sip:").append(host).append(";transport=tcp>;+sip.instance=\"<urn:uuid:")
                .append(UUID.randomUUID()).append(">\"\r\n")
                .append("Expires: 3600\r\n");
        if (authorization != null) {
            out.append(authorization).append("\r\n");
        }
        return out.append("Content-Length: 0\r\n\r\n").toString();
    }

    /** The INVITE of the chat service a Lync client sends (xccos.md §2.1): a message-session SDP offer. */
    static String invite(String chatUri, String host, String aor, String fromTag, String callId, long cseq) {
        String user = aor.substring("sip:".length(), aor.indexOf('@'));
        String sdp = "v=0\r\no=- 0 0 IN IP4 127.0.0.1\r\ns=session\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                + "m=message 5061 sip null\r\na=accept-types:text/plain\r\n";
        return "INVITE " + chatUri + " SIP/2.0\r\n" + via(host)
                + "From: <" + aor + ">;tag=" + fromTag + "\r\n"
                + "To: <" + chatUri + ">\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: " + cseq + " INVITE\r\n"
                + "Max-Forwards: 70\r\n"
                + "Contact: <sip:" + user + "@" + host + ";transport=tcp>\r\n"
                + "Supported: ms-sender\r\n"
                + "Content-Type: application/sdp\r\n"
                + "Content-Length: " + sdp.length() + "\r\n\r\n" + sdp;
    }

    /** A Via for a new transaction over TCP (RFC 3261 §8.1.1.7: a fresh branch with the magic cookie). */
    static String via(String host) {
        return "Via: SIP/2.0/TCP " + host + ";branch=z9hG4bK" + Long.toHexString(ThreadLocalRandom.current()
                .nextLong()) + ";rport\r\n";
    }

    /** An answer without body to a request (RFC 3261 §8.2.6.2: its Vias, From, To, Call-ID and CSeq). */
    static String answer(SipMessage request, int status) {
        StringBuilder out = new StringBuilder("SIP/2.0 ").append(status)
                .append(status == 200 ? " OK" : " Method Not Allowed").append("\r\n");
        for (String via : request.values("Via")) {
            out.append("Via: ").append(via).append("\r\n");
        }
        out.append("From: ").append(request.header("From").orElse("")).append("\r\n")
                .append("To: ").append(request.header("To").orElse("")).append("\r\n")
                .append("Call-ID: ").append(request.header("Call-ID").orElse("")).append("\r\n")
                .append("CSeq: ").append(request.header("CSeq").orElse("")).append("\r\n")
                .append("Content-Length: 0\r\n\r\n");
        return out.toString();
    }

    /**
     * The ACK of a non-2xx final response to INVITE (RFC 3261 §17.1.1.3): the INVITE's Request-URI, the response's
     * top Via (same branch), From, To (with its tag) and Call-ID.
     */
    static String ackFor(SipMessage response, String requestUri) {
        return "ACK " + requestUri + " SIP/2.0\r\n"
                + "Via: " + response.values("Via").get(0) + "\r\n"
                + "From: " + response.header("From").orElse("") + "\r\n"
                + "To: " + response.header("To").orElse("") + "\r\n"
                + "Call-ID: " + response.header("Call-ID").orElse("") + "\r\n"
                + "CSeq: " + response.cseqNumber() + " ACK\r\n"
                + "Max-Forwards: 70\r\n"
                + "Content-Length: 0\r\n\r\n";
    }
}
