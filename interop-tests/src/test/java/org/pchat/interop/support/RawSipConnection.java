package org.pchat.interop.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A plain TCP connection for sending SIP text exactly as written (malformed on purpose, RFC 4475 style) and
 * reading what comes back, framed by Content-Length (RFC 3261 §18.3).
 */
public final class RawSipConnection implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RawSipConnection.class);
    private static final int MAX_HEADER_BYTES = 64 * 1024;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final String identity;

    private RawSipConnection(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
        this.identity = "raw " + socket.getLocalPort() + "->" + socket.getPort();
    }

    /** Connects to {@code target}. */
    public static RawSipConnection open(HostPort target) {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(target.host(), target.port()), 5000);
            return new RawSipConnection(socket);
        } catch (IOException e) {
            throw new AssertionError("Expected to connect to " + target + " (but " + e + ")", e);
        }
    }

    /** {@code text} with every line ending made CRLF (text blocks use LF). */
    public static String crlf(String text) {
        return text.replace("\r\n", "\n").replace("\n", "\r\n");
    }

    /** The local {@code host:port}, for Via and Contact. */
    public String localAddress() {
        return "127.0.0.1:" + socket.getLocalPort();
    }

    /** Writes {@code message} as UTF-8, unchanged. */
    public void send(String message) {
        LOG.debug("{} -->\n{}", identity, message);
        try {
            out.write(message.getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(identity + " - cannot send", e);
        }
    }

    /**
     * Reads messages until a final response (status 200-699) arrives; provisional responses and requests from
     * the peer are skipped.
     *
     * @throws AssertionError when none arrives within {@code timeout} or the peer closes the connection first
     */
    public RawSipMessage awaitFinalResponse(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        List<String> skipped = new ArrayList<>();
        while (true) {
            Duration left = Duration.between(Instant.now(), deadline);
            if (left.isNegative() || left.isZero()) {
                throw new AssertionError(identity + ": expected a final response within " + timeout.toSeconds()
                        + " s (but got none; skipped " + skipped + ")");
            }
            RawSipMessage message;
            try {
                message = read(left);
            } catch (AssertionError e) {
                throw new AssertionError(identity + ": expected a final response within " + timeout.toSeconds()
                        + " s (but none came: " + e.getMessage() + "; skipped " + skipped + ")", e);
            }
            if (message.isResponse() && message.status() >= 200) {
                return message;
            }
            skipped.add(message.startLine());
        }
    }

    /**
     * Reads one message.
     *
     * @throws AssertionError on timeout or when the peer closes the connection
     */
    public RawSipMessage read(Duration timeout) {
        try {
            socket.setSoTimeout((int) Math.max(1, timeout.toMillis()));
            String head = readHead();
            List<String> lines = List.of(head.split("\r\n"));
            List<Map.Entry<String, String>> headers = new ArrayList<>();
            int contentLength = 0;
            for (String line : lines.subList(1, lines.size())) {
                int colon = line.indexOf(':');
                if (colon <= 0) {
                    continue;
                }
                String name = line.substring(0, colon).trim();
                String value = line.substring(colon + 1).trim();
                headers.add(new AbstractMap.SimpleImmutableEntry<>(name, value));
                String lower = name.toLowerCase(Locale.ROOT);
                if (lower.equals("content-length") || lower.equals("l")) {
                    contentLength = Integer.parseInt(value);
                }
            }
            byte[] body = in.readNBytes(contentLength);
            if (body.length < contentLength) {
                throw new AssertionError(identity + ": expected a body of " + contentLength + " bytes (but the peer "
                        + "closed after " + body.length + ")");
            }
            RawSipMessage message = new RawSipMessage(lines.get(0), headers, new String(body, StandardCharsets.UTF_8));
            LOG.debug("{} <--\n{}", identity, message);
            return message;
        } catch (SocketTimeoutException e) {
            throw new AssertionError(identity + ": expected a SIP message within " + timeout.toMillis()
                    + " ms (but none came)", e);
        } catch (IOException e) {
            throw new AssertionError(identity + ": expected a SIP message (but reading failed: " + e + ")", e);
        }
    }

    private String readHead() throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int state = 0;
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new AssertionError(identity + ": expected a SIP message (but the peer closed the connection"
                        + (head.size() > 0 ? " mid-message" : "") + ")");
            }
            if (head.size() == 0 && (b == '\r' || b == '\n')) {
                continue;
            }
            head.write(b);
            state = switch (state) {
                case 0 -> b == '\r' ? 1 : 0;
                case 1 -> b == '\n' ? 2 : (b == '\r' ? 1 : 0);
                case 2 -> b == '\r' ? 3 : 0;
                case 3 -> b == '\n' ? 4 : (b == '\r' ? 1 : 0);
                default -> 0;
            };
            if (state == 4) {
                byte[] bytes = head.toByteArray();
                return new String(bytes, 0, bytes.length - 4, StandardCharsets.UTF_8);
            }
            if (head.size() > MAX_HEADER_BYTES) {
                throw new AssertionError(identity + ": expected a SIP header block under " + MAX_HEADER_BYTES
                        + " bytes (but it kept going)");
            }
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            LOG.debug("{} - close failed: {}", identity, e.toString());
        }
    }
}
