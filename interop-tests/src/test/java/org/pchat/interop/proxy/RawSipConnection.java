package org.pchat.interop.proxy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * One TCP connection a client opened and never listens besides (xccos.md §11): raw SIP text out, messages framed
 * by Content-Length in, unexpected ones kept in a backlog.
 */
final class RawSipConnection implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(15);

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final List<RawSipMessage> backlog = new ArrayList<>();
    private final List<String> wire = new ArrayList<>();

    RawSipConnection(int port) throws IOException {
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setTcpNoDelay(true);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    int localPort() {
        return socket.getLocalPort();
    }

    /** Sends text with LF line ends turned into CRLF in the head (the body is sent as given). */
    void send(String message) throws IOException {
        int split = message.indexOf("\n\n");
        String text = message.substring(0, split).replace("\n", "\r\n") + "\r\n\r\n" + message.substring(split + 2);
        wire.add("--> " + text.lines().findFirst().orElse(""));
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    RawSipMessage awaitFinal(String method) throws IOException {
        return await(m -> m.isResponse() && m.cseqMethod().equals(method) && m.status() >= 200, "final " + method);
    }

    RawSipMessage awaitRequest(String method) throws IOException {
        return await(m -> !m.isResponse() && m.method().equals(method), method);
    }

    RawSipMessage await(Predicate<RawSipMessage> wanted, String what) throws IOException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            for (Iterator<RawSipMessage> it = backlog.iterator(); it.hasNext(); ) {
                RawSipMessage m = it.next();
                if (wanted.test(m)) {
                    it.remove();
                    return m;
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("Expected " + what + " within " + WAIT.toSeconds() + " s (but got "
                        + backlog + "); wire: " + wire);
            }
            receive(left).ifPresent(m -> {
                wire.add("<-- " + m.startLine());
                backlog.add(m);
            });
        }
    }

    private Optional<RawSipMessage> receive(long nanos) throws IOException {
        Optional<RawSipMessage> framed = frame();
        if (framed.isPresent()) {
            return framed;
        }
        socket.setSoTimeout((int) Math.max(1, nanos / 1_000_000));
        byte[] chunk = new byte[16_384];
        try {
            int n = in.read(chunk);
            if (n < 0) {
                throw new AssertionError("Expected the connection to stay open (but the server closed it); wire: "
                        + wire);
            }
            buffer.write(chunk, 0, n);
        } catch (SocketTimeoutException e) {
            return Optional.empty();
        }
        return frame();
    }

    private Optional<RawSipMessage> frame() {
        byte[] data = buffer.toByteArray();
        String text = new String(data, StandardCharsets.ISO_8859_1);
        int start = 0;
        while (text.startsWith("\r\n", start)) {
            start += 2;
        }
        int end = text.indexOf("\r\n\r\n", start);
        if (end < 0) {
            return Optional.empty();
        }
        RawSipMessage head = RawSipMessage.parse(text.substring(start, end + 4));
        String length = head.header("Content-Length").orElseThrow(() -> new AssertionError(
                "Expected Content-Length on every message (xccos.md §11) (but " + head + " had none)"));
        int total = end + 4 + Integer.parseInt(length.trim());
        if (data.length < total) {
            return Optional.empty();
        }
        String message = new String(data, start, total - start, StandardCharsets.UTF_8);
        buffer.reset();
        buffer.write(data, total, data.length - total);
        return Optional.of(RawSipMessage.parse(message));
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
