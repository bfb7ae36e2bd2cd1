package org.pchat.sip;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The wire form of one dialog's in-dialog requests, taken from a request the RI built and sent in it. Within a
 * dialog only the method, the Via branch, the CSeq and the body differ from one request to the next: the
 * Request-URI (the remote target), the route set, From, To and Call-ID are fixed (RFC 3261 §12.2.1.1), and the
 * Via's sent-by is our listening point. Later requests are written from these bytes without building, encoding
 * and tracking a message object each; {@link DirectRequests} matches their responses.
 *
 * <p>Valid while the dialog's remote target is the one it was taken with (a target refresh changes it) and its
 * connection is open.
 */
final class DialogRequestTemplate {

    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] CSEQ_NAME = "CSeq: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CONTENT_TYPE_NAME = "Content-Type: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CONTENT_LENGTH_NAME = "Content-Length: ".getBytes(StandardCharsets.US_ASCII);
    private static final String BRANCH = ";branch=";

    private final Object remoteTarget;
    private final FramingTcpChannel channel;
    /** From the space after the method through the Via's {@code ;branch=}. */
    private final byte[] beforeBranch;
    /** The rest of the Via line and every header that stays the same, through {@code CSeq: }. */
    private final byte[] afterBranch;

    private DialogRequestTemplate(Object remoteTarget, FramingTcpChannel channel, byte[] beforeBranch,
                                  byte[] afterBranch) {
        this.remoteTarget = remoteTarget;
        this.channel = channel;
        this.beforeBranch = beforeBranch;
        this.afterBranch = afterBranch;
    }

    /**
     * A template from the start line and headers of a request sent in the dialog, or null when they are not
     * the shape expected of an in-dialog request the RI built (one Via with a branch, header per line).
     *
     * @param encodedHead  the request line and headers as the RI encodes them
     * @param remoteTarget the dialog's remote target object when the request was built
     * @param channel      the connection the request went out on
     */
    static DialogRequestTemplate capture(String encodedHead, Object remoteTarget, FramingTcpChannel channel) {
        String[] lines = encodedHead.split("\r\n");
        int methodEnd = lines[0].indexOf(' ');
        if (methodEnd <= 0 || !lines[0].endsWith(" SIP/2.0")) {
            return null;
        }
        StringBuilder before = new StringBuilder(lines[0].substring(methodEnd)).append("\r\n");
        StringBuilder after = new StringBuilder();
        boolean viaSeen = false;
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            if (line.isEmpty()) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0 || Character.isWhitespace(line.charAt(0))) {
                return null;
            }
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            switch (name) {
                case "via", "v" -> {
                    int branch = line.indexOf(BRANCH);
                    if (viaSeen || branch < 0 || line.indexOf(',') >= 0) {
                        return null;
                    }
                    viaSeen = true;
                    int valueEnd = line.indexOf(';', branch + BRANCH.length());
                    before.append(line, 0, branch + BRANCH.length());
                    after.insert(0, "\r\n").insert(0, valueEnd < 0 ? "" : line.substring(valueEnd));
                }
                case "cseq", "content-type", "c", "content-length", "l" -> {
                    // written per request
                }
                default -> after.append(line).append("\r\n");
            }
        }
        if (!viaSeen) {
            return null;
        }
        return new DialogRequestTemplate(remoteTarget, channel, before.toString().getBytes(StandardCharsets.UTF_8),
                after.append("CSeq: ").toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Whether requests may still be written from this template. */
    boolean usableFor(Object currentRemoteTarget) {
        return currentRemoteTarget == remoteTarget && channel.isUsable();
    }

    FramingTcpChannel channel() {
        return channel;
    }

    /**
     * The request's bytes.
     *
     * @param contentType null for no body
     */
    byte[] encode(String method, String branch, long cseq, String contentType, byte[] body) {
        byte[] methodBytes = method.getBytes(StandardCharsets.US_ASCII);
        byte[] branchBytes = branch.getBytes(StandardCharsets.US_ASCII);
        byte[] cseqLine = (cseq + " " + method).getBytes(StandardCharsets.US_ASCII);
        byte[] type = contentType == null || body == null ? null : contentType.getBytes(StandardCharsets.UTF_8);
        int bodyLength = type == null ? 0 : body.length;
        byte[] length = Integer.toString(bodyLength).getBytes(StandardCharsets.US_ASCII);
        int size = methodBytes.length + beforeBranch.length + branchBytes.length + afterBranch.length
                + cseqLine.length + CRLF.length
                + (type == null ? 0 : CONTENT_TYPE_NAME.length + type.length + CRLF.length)
                + CONTENT_LENGTH_NAME.length + length.length + 2 * CRLF.length + bodyLength;
        byte[] wire = new byte[size];
        int at = put(wire, 0, methodBytes);
        at = put(wire, at, beforeBranch);
        at = put(wire, at, branchBytes);
        at = put(wire, at, afterBranch);
        at = put(wire, at, cseqLine);
        at = put(wire, at, CRLF);
        if (type != null) {
            at = put(wire, at, CONTENT_TYPE_NAME);
            at = put(wire, at, type);
            at = put(wire, at, CRLF);
        }
        at = put(wire, at, CONTENT_LENGTH_NAME);
        at = put(wire, at, length);
        at = put(wire, at, CRLF);
        at = put(wire, at, CRLF);
        if (type != null) {
            put(wire, at, body);
        }
        return wire;
    }

    private static int put(byte[] into, int at, byte[] bytes) {
        System.arraycopy(bytes, 0, into, at, bytes.length);
        return at + bytes.length;
    }
}
