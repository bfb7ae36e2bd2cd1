package org.pchat.interop.load;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A load user's dialog with the chat service, as the 2xx to its INVITE set it up (RFC 3261 §12.1.2): the remote
 * tag, the remote target from Contact and the route set from Record-Route, reversed. Writes the requests sent in
 * it (§12.2.1.1).
 *
 * @param host         the user's own host:port, for Via
 * @param localUri     the user's address of record (From)
 * @param localTag     the From tag
 * @param remoteUri    the chat service's URI (To)
 * @param remoteTag    the To tag of the 2xx
 * @param callId       the dialog's Call-ID
 * @param remoteTarget the Request-URI of requests in the dialog
 * @param routes       the Route headers, in the order they are sent
 */
record SipDialog(String host, String localUri, String localTag, String remoteUri, String remoteTag, String callId,
                 String remoteTarget, List<String> routes) {

    SipDialog {
        routes = List.copyOf(routes);
    }

    /** The dialog a 2xx to INVITE establishes. */
    static SipDialog established(SipMessage ok, String host, String localUri, String localTag, String remoteUri) {
        List<String> recorded = new ArrayList<>();
        for (String value : ok.values("Record-Route")) {
            for (String one : value.split(",(?=\\s*<)")) {
                recorded.add(one.trim());
            }
        }
        Collections.reverse(recorded);
        return new SipDialog(host, localUri, localTag, remoteUri, ok.tag("To").orElse(""),
                ok.header("Call-ID").orElse(""), SipMessage.uriOf(ok.header("Contact").orElse("<" + remoteUri + ">")),
                recorded);
    }

    /**
     * A request in the dialog.
     *
     * @param headers     further header lines ({@code Name: value}), after Max-Forwards
     * @param contentType the body's type, null when there is no body
     */
    String request(String method, long cseq, List<String> headers, String contentType, String body) {
        StringBuilder out = new StringBuilder(256 + body.length()).append(method).append(' ').append(remoteTarget)
                .append(" SIP/2.0\r\n").append(SipText.via(host));
        for (String route : routes) {
            out.append("Route: ").append(route).append("\r\n");
        }
        out.append("From: <").append(localUri).append(">;tag=").append(localTag).append("\r\n")
                .append("To: <").append(remoteUri).append(">;tag=").append(remoteTag).append("\r\n")
                .append("Call-ID: ").append(callId).append("\r\n")
                .append("CSeq: ").append(cseq).append(' ').append(method).append("\r\n")
                .append("Max-Forwards: 70\r\n");
        for (String header : headers) {
            out.append(header).append("\r\n");
        }
        if (contentType != null) {
            out.append("Content-Type: ").append(contentType).append("\r\n");
        }
        return out.append("Content-Length: ").append(body.getBytes(StandardCharsets.UTF_8).length)
                .append("\r\n\r\n").append(body).toString();
    }
}
