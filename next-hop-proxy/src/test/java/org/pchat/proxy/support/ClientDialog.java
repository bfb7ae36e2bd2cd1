package org.pchat.proxy.support;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The client side of a dialog learnt from a 2xx (RFC 3261 §12.1.2): remote target, route set, tags. */
public final class ClientDialog {

    private final SipUser user;
    public final String callId;
    public final String localUri;
    public final String remoteUri;
    public final String fromTag;
    public final String toTag;
    public final String remoteTarget;
    public final List<String> routeSet;
    private final boolean branches;
    private final long inviteCseq;
    private long cseq;

    public ClientDialog(SipUser user, String callId, String remoteUri, SipText ok, boolean branches) {
        this.user = user;
        this.callId = callId;
        this.localUri = user.aor();
        this.remoteUri = remoteUri;
        this.fromTag = ok.tag("From").orElseThrow();
        this.toTag = ok.tag("To").orElseThrow();
        this.remoteTarget = SipText.uriOf(ok.header("Contact").orElseThrow());
        List<String> routes = new ArrayList<>();
        for (String line : ok.headers("Record-Route")) {
            for (String value : line.split(",(?=\\s*<)")) {
                routes.add(value.trim());
            }
        }
        Collections.reverse(routes);
        this.routeSet = List.copyOf(routes);
        this.branches = branches;
        this.inviteCseq = ok.cseq();
        this.cseq = ok.cseq();
    }

    /** The ACK for the 2xx (CSeq of the INVITE). */
    public String ack() {
        return request("ACK", inviteCseq, null, null);
    }

    /** The next in-dialog request, with the next CSeq. */
    public String next(String method, String contentType, String body) {
        return request(method, ++cseq, contentType, body);
    }

    /** An in-dialog request text (branch-less unless the dialog was made with branches). */
    public String request(String method, long cseq, String contentType, String body) {
        String bytes = body == null ? "" : body;
        StringBuilder out = new StringBuilder();
        out.append(method).append(' ').append(remoteTarget).append(" SIP/2.0\n");
        out.append("Via: ").append(user.via(branches ? SipUser.branch() : null)).append('\n');
        for (String route : routeSet) {
            out.append("Route: ").append(route).append('\n');
        }
        out.append("From: <").append(localUri).append(">;tag=").append(fromTag).append(";epid=01234567\n");
        out.append("To: <").append(remoteUri).append(">;tag=").append(toTag).append('\n');
        out.append("Call-ID: ").append(callId).append('\n');
        out.append("CSeq: ").append(cseq).append(' ').append(method).append('\n');
        out.append("Max-Forwards: 70\n");
        if (contentType != null) {
            out.append("Content-Type: ").append(contentType).append('\n');
        }
        out.append("Content-Length: ").append(bytes.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                .append("\n\n").append(bytes);
        return out.toString();
    }

    /** A 200 answering a request the other side sent in this dialog (RFC 3261 §8.2.6). */
    public static String ok(SipText request) {
        StringBuilder out = new StringBuilder("SIP/2.0 200 OK\n");
        for (String via : request.headers("Via")) {
            out.append("Via: ").append(via).append('\n');
        }
        for (String rr : request.headers("Record-Route")) {
            out.append("Record-Route: ").append(rr).append('\n');
        }
        out.append("From: ").append(request.header("From").orElseThrow()).append('\n');
        String to = request.header("To").orElseThrow();
        out.append("To: ").append(to).append(to.contains("tag=") ? "" : ";tag=uas" + Math.abs(to.hashCode()))
                .append('\n');
        out.append("Call-ID: ").append(request.header("Call-ID").orElseThrow()).append('\n');
        out.append("CSeq: ").append(request.header("CSeq").orElseThrow()).append('\n');
        out.append("Content-Length: 0\n\n");
        return out.toString();
    }
}
