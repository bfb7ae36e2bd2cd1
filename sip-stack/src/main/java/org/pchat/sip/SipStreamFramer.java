package org.pchat.sip;

import java.io.IOException;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Splits the byte stream of one TCP connection into SIP messages (RFC 3261 §18.3: the start line and headers up
 * to an empty line, then exactly Content-Length bytes of body), with RFC 5626 §4.4.1 keep-alives between them.
 * One per connection, fed from one thread at a time; it keeps only the unfinished message.
 *
 * <p>It replaces the RI's pipeline parser, which copies every line into a fresh 1 KiB buffer byte by byte,
 * decodes it into a String, lower-cases it and glues the lines back together before the real parser reads them
 * again: about a fifth of a proxy's CPU under chat fan-out. Here the header section is found by one scan for the
 * empty line and only the headers framing and dispatch need are read (Content-Length; Call-ID for the parse
 * thread; the branch of the top Via, by which a response finds its request), in long or compact form (§7.3.3), with any case and white space before the colon. Lines may end in
 * CRLF or a bare LF, as the RI accepts. Two CRLFs in a row between messages are a ping and one alone a pong,
 * wherever the stream was cut (the RI only saw a ping when both came in one read).
 *
 * <p>Limits: a header section longer than {@code maxMessageSize} closes the connection (there is no message to
 * answer yet); a body longer than that is not read into memory: the message is handed on with its headers only
 * and {@link Frame.Message#bodyTooLarge()} set, so the stack can answer 513 (its own size check reads the
 * Content-Length header), and the body is skipped, leaving the connection usable. A Content-Length that is not a
 * number closes the connection: the stream cannot be framed any more.
 */
public final class SipStreamFramer {

    /** What the stream carried. */
    public sealed interface Frame permits Frame.Message, Frame.Ping, Frame.Pong {

        /**
         * One message.
         *
         * @param head the start line and headers, through the empty line
         * @param body the body, empty when there is none or it was too large
         * @param callId the Call-ID header's value, or null when the message has none
         * @param topViaBranch the branch parameter of the first Via value, or null when there is none
         * @param contentLength the Content-Length header's value (0 when absent)
         * @param bodyTooLarge whether the body exceeded the limit and was skipped
         */
        record Message(byte[] head, byte[] body, String callId, String topViaBranch, int contentLength,
                       boolean bodyTooLarge) implements Frame {

            /** Whether the start line is a status line (RFC 3261 §7.2). */
            public boolean isResponse() {
                return head.length > 8 && head[0] == 'S' && head[1] == 'I' && head[2] == 'P' && head[3] == '/';
            }

            /** The status code of a response's status line, or -1 when it has none. */
            public int statusCode() {
                int space = 0;
                while (space < head.length && head[space] != ' ') {
                    space++;
                }
                if (!isResponse() || space + 4 > head.length) {
                    return -1;
                }
                int code = 0;
                for (int k = space + 1; k <= space + 3; k++) {
                    if (head[k] < '0' || head[k] > '9') {
                        return -1;
                    }
                    code = code * 10 + (head[k] - '0');
                }
                return code;
            }
        }

        /** A double CRLF between messages: a keep-alive ping, answered with a single CRLF (RFC 5626 §4.4.1). */
        record Ping() implements Frame {
        }

        /** A single CRLF between messages: the answer to our ping (RFC 5626 §4.4.1). */
        record Pong() implements Frame {
        }
    }

    /** The stream cannot be framed: the connection must close. */
    public static final class FramingException extends IOException {
        FramingException(String message) {
            super(message);
        }
    }

    private static final byte[] EMPTY = new byte[0];
    private static final Frame.Ping PING = new Frame.Ping();
    private static final Frame.Pong PONG = new Frame.Pong();

    private enum Mode { BETWEEN, HEAD, BODY, SKIP }

    /** Where the scan for the empty line is: in a line, just after a LF, or after a LF and a CR. */
    private enum LineState { IN_LINE, AFTER_LF, AFTER_LF_CR }

    private final int maxMessageSize;
    private final String peer;

    private Mode mode = Mode.BETWEEN;
    /** Between messages: whether the last thing read was a CRLF (two in a row are a ping, one alone a pong). */
    private boolean crlfSeen;
    private LineState lineState = LineState.AFTER_LF;
    /** The part of the header section received in earlier chunks. */
    private byte[] partialHead = new byte[256];
    private int partialHeadLength;
    private byte[] pendingHead;
    private String pendingCallId;
    private String pendingTopViaBranch;
    private int pendingContentLength;
    private byte[] body;
    private int bodyFilled;
    private long toSkip;

    /**
     * @param maxMessageSize the largest header section, and the largest body read into memory, in bytes
     * @param peer who is on the other end, for error messages
     */
    public SipStreamFramer(int maxMessageSize, String peer) {
        if (maxMessageSize <= 0) {
            throw new IllegalArgumentException("maxMessageSize must be positive, was " + maxMessageSize);
        }
        this.maxMessageSize = maxMessageSize;
        this.peer = peer;
    }

    /**
     * Reads one chunk; hands every frame completed by it to {@code out}, in order.
     *
     * @throws FramingException when the stream cannot be framed (the frames before the fault were handed on)
     */
    public void feed(byte[] chunk, Consumer<Frame> out) throws FramingException {
        int i = 0;
        int n = chunk.length;
        while (i < n) {
            switch (mode) {
                case BETWEEN -> {
                    byte b = chunk[i];
                    if (b == '\r') {
                        i++;
                    } else if (b == '\n') {
                        i++;
                        if (crlfSeen) {
                            out.accept(PING);
                            crlfSeen = false;
                        } else {
                            out.accept(PONG);
                            crlfSeen = true;
                        }
                    } else {
                        crlfSeen = false;
                        mode = Mode.HEAD;
                        lineState = LineState.IN_LINE;
                        partialHeadLength = 0;
                    }
                }
                case HEAD -> i = scanHead(chunk, i, out);
                case BODY -> {
                    int take = Math.min(n - i, body.length - bodyFilled);
                    System.arraycopy(chunk, i, body, bodyFilled, take);
                    bodyFilled += take;
                    i += take;
                    if (bodyFilled == body.length) {
                        emit(out, body, false);
                    }
                }
                case SKIP -> {
                    int take = (int) Math.min(n - i, toSkip);
                    toSkip -= take;
                    i += take;
                    if (toSkip == 0) {
                        mode = Mode.BETWEEN;
                    }
                }
            }
        }
    }

    /** Scans for the empty line ending the header section; returns where the scan stopped. */
    private int scanHead(byte[] chunk, int from, Consumer<Frame> out) throws FramingException {
        int n = chunk.length;
        LineState state = lineState;
        for (int i = from; i < n; i++) {
            byte b = chunk[i];
            if (b == '\n') {
                if (state != LineState.IN_LINE) {
                    byte[] head = completeHead(chunk, from, i + 1);
                    headRead(head, out);
                    return i + 1;
                }
                state = LineState.AFTER_LF;
            } else if (b == '\r') {
                state = state == LineState.AFTER_LF ? LineState.AFTER_LF_CR : LineState.IN_LINE;
            } else {
                state = LineState.IN_LINE;
            }
        }
        lineState = state;
        append(chunk, from, n);
        return n;
    }

    private byte[] completeHead(byte[] chunk, int from, int to) throws FramingException {
        if (partialHeadLength == 0) {
            checkHeadSize(to - from);
            return Arrays.copyOfRange(chunk, from, to);
        }
        append(chunk, from, to);
        byte[] head = Arrays.copyOf(partialHead, partialHeadLength);
        partialHeadLength = 0;
        if (partialHead.length > 4096) {
            partialHead = new byte[256];
        }
        return head;
    }

    private void append(byte[] chunk, int from, int to) throws FramingException {
        int length = to - from;
        checkHeadSize(partialHeadLength + length);
        if (partialHeadLength + length > partialHead.length) {
            partialHead = Arrays.copyOf(partialHead, Math.max(partialHead.length * 2, partialHeadLength + length));
        }
        System.arraycopy(chunk, from, partialHead, partialHeadLength, length);
        partialHeadLength += length;
    }

    private void checkHeadSize(int size) throws FramingException {
        if (size > maxMessageSize) {
            throw new FramingException("SIP header section of more than " + size + " bytes exceeds maxMessageSize "
                    + maxMessageSize + " from " + peer);
        }
    }

    private void headRead(byte[] head, Consumer<Frame> out) throws FramingException {
        pendingHead = head;
        pendingCallId = null;
        pendingTopViaBranch = null;
        boolean viaSeen = false;
        long contentLength = 0;
        int lineStart = 0;
        while (lineStart < head.length) {
            int lineEnd = lineStart;
            while (lineEnd < head.length && head[lineEnd] != '\n') {
                lineEnd++;
            }
            if (lineStart > 0) {
                int colon = headerValueStart(head, lineStart, lineEnd);
                if (colon > 0) {
                    if (isName(head, lineStart, colon, "content-length") || isName(head, lineStart, colon, "l")) {
                        contentLength = contentLength(head, colon + 1, lineEnd);
                    } else if (isName(head, lineStart, colon, "call-id") || isName(head, lineStart, colon, "i")) {
                        pendingCallId = trimmed(head, colon + 1, lineEnd);
                    } else if (!viaSeen
                            && (isName(head, lineStart, colon, "via") || isName(head, lineStart, colon, "v"))) {
                        viaSeen = true;
                        pendingTopViaBranch = ViaBranch.ofFirstValue(trimmed(head, colon + 1, lineEnd));
                    }
                }
            }
            lineStart = lineEnd + 1;
        }
        if (contentLength > maxMessageSize) {
            pendingContentLength = (int) Math.min(contentLength, Integer.MAX_VALUE);
            toSkip = contentLength;
            Frame.Message message = new Frame.Message(pendingHead, EMPTY, pendingCallId, pendingTopViaBranch,
                    pendingContentLength, true);
            pendingHead = null;
            mode = Mode.SKIP;
            out.accept(message);
            return;
        }
        pendingContentLength = (int) contentLength;
        if (contentLength == 0) {
            emit(out, EMPTY, false);
            return;
        }
        body = new byte[(int) contentLength];
        bodyFilled = 0;
        mode = Mode.BODY;
    }

    private void emit(Consumer<Frame> out, byte[] content, boolean tooLarge) {
        Frame.Message message = new Frame.Message(pendingHead, content, pendingCallId, pendingTopViaBranch,
                pendingContentLength, tooLarge);
        pendingHead = null;
        body = null;
        mode = Mode.BETWEEN;
        out.accept(message);
    }

    /** The index of the colon after a header name (white space allowed before it), or -1. */
    private static int headerValueStart(byte[] head, int from, int to) {
        for (int i = from; i < to; i++) {
            if (head[i] == ':') {
                return i;
            }
        }
        return -1;
    }

    /** Whether bytes from..colon are {@code lowerName} in any case, with optional white space before the colon. */
    private static boolean isName(byte[] head, int from, int colon, String lowerName) {
        int end = colon;
        while (end > from && (head[end - 1] == ' ' || head[end - 1] == '\t')) {
            end--;
        }
        if (end - from != lowerName.length()) {
            return false;
        }
        for (int k = 0; k < lowerName.length(); k++) {
            int c = head[from + k];
            if (c >= 'A' && c <= 'Z') {
                c += 'a' - 'A';
            }
            if (c != lowerName.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private long contentLength(byte[] head, int from, int to) throws FramingException {
        String value = trimmed(head, from, to);
        if (value.isEmpty() || value.length() > 18) {
            throw badLength(value);
        }
        long length = 0;
        for (int k = 0; k < value.length(); k++) {
            char c = value.charAt(k);
            if (c < '0' || c > '9') {
                throw badLength(value);
            }
            length = length * 10 + (c - '0');
        }
        return length;
    }

    private FramingException badLength(String value) {
        return new FramingException("Content-Length '" + value + "' is not a length (RFC 3261 §20.14) from " + peer);
    }

    private static String trimmed(byte[] head, int from, int to) {
        int start = from;
        int end = to;
        while (start < end && isSpace(head[start])) {
            start++;
        }
        while (end > start && isSpace(head[end - 1])) {
            end--;
        }
        return new String(head, start, end - start, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\r';
    }
}
