package org.pchat.proxy.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
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
 * A raw SIP peer: one TCP connection it opened (and never listens elsewhere, like a Lync-protocol client) or one
 * UDP socket. Frames TCP by Content-Length; keeps messages it was not waiting for in a backlog.
 */
public final class SipSocket implements AutoCloseable {

    public static final Duration WAIT = Duration.ofSeconds(10);

    private final Socket socket;
    private final String transportName;
    private final DatagramSocket datagram;
    private final int serverPort;
    private final InputStream in;
    private final OutputStream out;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final List<SipText> backlog = new ArrayList<>();

    private SipSocket(Socket socket, DatagramSocket datagram, int serverPort) throws IOException {
        this(socket, socket != null ? "tcp" : "udp", datagram, serverPort);
    }

    private SipSocket(Socket socket, String transportName, DatagramSocket datagram, int serverPort)
            throws IOException {
        this.socket = socket;
        this.transportName = transportName;
        this.datagram = datagram;
        this.serverPort = serverPort;
        this.in = socket == null ? null : socket.getInputStream();
        this.out = socket == null ? null : socket.getOutputStream();
    }

    public static SipSocket tcp(int serverPort) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), serverPort);
        socket.setTcpNoDelay(true);
        return new SipSocket(socket, null, serverPort);
    }

    /** A connected stream socket (e.g. TLS after its handshake), named {@code transport} in Vias. */
    public static SipSocket over(Socket socket, String transport) throws IOException {
        return new SipSocket(socket, transport, null, socket.getPort());
    }

    public static SipSocket udp(int serverPort) throws IOException {
        DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        return new SipSocket(null, socket, serverPort);
    }

    /** "tcp" or "udp", as in a Via (lower case, as the Lync client writes it). */
    public String transport() {
        return transportName;
    }

    public int localPort() {
        return socket != null ? socket.getLocalPort() : datagram.getLocalPort();
    }

    public void send(String message) throws IOException {
        byte[] bytes = crlf(message).getBytes(StandardCharsets.UTF_8);
        if (socket != null) {
            out.write(bytes);
            out.flush();
        } else {
            datagram.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), serverPort));
        }
    }

    /** Sends raw bytes as they are (malformed input). */
    public void sendRaw(byte[] bytes) throws IOException {
        if (socket != null) {
            out.write(bytes);
            out.flush();
        } else {
            datagram.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), serverPort));
        }
    }

    public static String crlf(String text) {
        int split = text.indexOf("\n\n");
        if (split < 0) {
            return text.replace("\r\n", "\n").replace("\n", "\r\n");
        }
        String head = text.substring(0, split).replace("\r\n", "\n").replace("\n", "\r\n");
        return head + "\r\n\r\n" + text.substring(split + 2);
    }

    public SipText await(Predicate<SipText> wanted) throws IOException {
        return await(wanted, WAIT);
    }

    public SipText await(Predicate<SipText> wanted, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (Iterator<SipText> it = backlog.iterator(); it.hasNext(); ) {
                SipText m = it.next();
                if (wanted.test(m)) {
                    it.remove();
                    return m;
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("expected message not received within " + timeout + "; got "
                        + backlog.stream().map(SipText::startLine).toList());
            }
            receive(Duration.ofNanos(left)).ifPresent(backlog::add);
        }
    }

    /** The final response to a method. */
    public SipText awaitFinal(String method) throws IOException {
        return await(m -> m.isResponse() && m.cseqMethod().equals(method) && m.status() >= 200);
    }

    public SipText awaitRequest(String method) throws IOException {
        return await(m -> !m.isResponse() && m.method().equals(method));
    }

    /** Whether nothing matching arrives within {@code timeout}. */
    public boolean nothing(Predicate<SipText> unwanted, Duration timeout) throws IOException {
        try {
            SipText m = await(unwanted, timeout);
            backlog.add(0, m);
            return false;
        } catch (AssertionError e) {
            return true;
        }
    }

    /** The next message, or empty on timeout. */
    public Optional<SipText> receive(Duration timeout) throws IOException {
        if (datagram != null) {
            byte[] data = new byte[65_535];
            DatagramPacket packet = new DatagramPacket(data, data.length);
            datagram.setSoTimeout((int) Math.max(1, timeout.toMillis()));
            try {
                datagram.receive(packet);
            } catch (SocketTimeoutException e) {
                return Optional.empty();
            }
            return Optional.of(SipText.parse(new String(data, 0, packet.getLength(), StandardCharsets.UTF_8)));
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<SipText> framed = frame();
            if (framed.isPresent()) {
                return framed;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return Optional.empty();
            }
            socket.setSoTimeout((int) Math.max(1, left / 1_000_000));
            byte[] chunk = new byte[8192];
            int n;
            try {
                n = in.read(chunk);
            } catch (SocketTimeoutException e) {
                return Optional.empty();
            }
            if (n < 0) {
                return Optional.empty();
            }
            buffer.write(chunk, 0, n);
        }
    }

    /** Whether the peer closed the TCP connection within {@code timeout}. */
    public boolean closedByPeer(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            socket.setSoTimeout(100);
            try {
                if (in.read() < 0) {
                    return true;
                }
            } catch (SocketTimeoutException e) {
                continue;
            } catch (IOException e) {
                return true;
            }
        }
        return false;
    }

    private Optional<SipText> frame() {
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
        SipText head = SipText.parse(text.substring(start, end + 4));
        int length = Integer.parseInt(head.header("Content-Length").orElse("0").trim());
        int total = end + 4 + length;
        if (data.length < total) {
            return Optional.empty();
        }
        String message = new String(data, start, total - start, StandardCharsets.UTF_8);
        buffer.reset();
        buffer.write(data, total, data.length - total);
        return Optional.of(SipText.parse(message));
    }

    @Override
    public void close() throws IOException {
        if (socket != null) {
            socket.close();
        } else {
            datagram.close();
        }
    }
}
