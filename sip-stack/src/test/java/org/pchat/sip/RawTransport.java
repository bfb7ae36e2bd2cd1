package org.pchat.sip;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/** A test peer's socket: raw SIP text over TCP, TLS or UDP, with framing by Content-Length for streams. */
abstract class RawTransport implements AutoCloseable {

    @Override
    public abstract void close() throws IOException;

    abstract String viaTransport();

    abstract int localPort();

    abstract void send(String message) throws IOException;

    /** The next message, or empty on timeout. */
    abstract Optional<RawSipMessage> receive(Duration timeout) throws IOException;

    /** True if the server closed the connection within the timeout (streams only). */
    boolean closedByPeer(Duration timeout) throws IOException {
        throw new UnsupportedOperationException("not a stream transport");
    }

    static RawTransport tcp(int serverPort) throws IOException {
        return new Stream(new Socket(InetAddress.getLoopbackAddress(), serverPort), "TCP");
    }

    static RawTransport over(Socket socket, String via) {
        return new Stream(socket, via);
    }

    static RawTransport udp(int serverPort) throws IOException {
        return new Datagram(serverPort);
    }

    static String crlf(String text) {
        return text.replace("\r\n", "\n").replace("\n", "\r\n");
    }

    /** TCP or TLS. */
    static final class Stream extends RawTransport {
        private final Socket socket;
        private final String via;
        private final InputStream in;
        private final OutputStream out;
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

        Stream(Socket socket, String via) {
            this.socket = socket;
            this.via = via;
            try {
                this.in = socket.getInputStream();
                this.out = socket.getOutputStream();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        String viaTransport() {
            return via;
        }

        @Override
        int localPort() {
            return socket.getLocalPort();
        }

        @Override
        void send(String message) throws IOException {
            out.write(message.getBytes(StandardCharsets.UTF_8));
            out.flush();
        }

        @Override
        Optional<RawSipMessage> receive(Duration timeout) throws IOException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                Optional<RawSipMessage> framed = frame();
                if (framed.isPresent()) {
                    return framed;
                }
                long left = Duration.ofNanos(deadline - System.nanoTime()).toMillis();
                if (left <= 0) {
                    return Optional.empty();
                }
                socket.setSoTimeout((int) left);
                byte[] chunk = new byte[8192];
                int n;
                try {
                    n = in.read(chunk);
                } catch (SocketTimeoutException e) {
                    return Optional.empty();
                }
                if (n < 0) {
                    throw new IOException("connection closed by server");
                }
                buffer.write(chunk, 0, n);
            }
        }

        @Override
        boolean closedByPeer(Duration timeout) throws IOException {
            socket.setSoTimeout((int) timeout.toMillis());
            try {
                byte[] chunk = new byte[8192];
                while (true) {
                    int n = in.read(chunk);
                    if (n < 0) {
                        return true;
                    }
                }
            } catch (SocketTimeoutException e) {
                return false;
            } catch (IOException e) {
                return true;
            }
        }

        private Optional<RawSipMessage> frame() {
            String text = buffer.toString(StandardCharsets.UTF_8);
            String trimmed = text.replaceFirst("^(\r\n)+", "");
            int end = trimmed.indexOf("\r\n\r\n");
            if (end < 0) {
                return Optional.empty();
            }
            int length = 0;
            for (String line : trimmed.substring(0, end).split("\r\n")) {
                String lower = line.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:") || lower.startsWith("l:")) {
                    length = Integer.parseInt(line.substring(line.indexOf(':') + 1).trim());
                }
            }
            byte[] bytes = trimmed.getBytes(StandardCharsets.UTF_8);
            int total = trimmed.substring(0, end + 4).getBytes(StandardCharsets.UTF_8).length + length;
            if (bytes.length < total) {
                return Optional.empty();
            }
            String message = new String(bytes, 0, total, StandardCharsets.UTF_8);
            buffer.reset();
            buffer.write(bytes, total, bytes.length - total);
            return Optional.of(RawSipMessage.parse(message));
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    /** UDP: one datagram, one message. */
    static final class Datagram extends RawTransport {
        private final DatagramSocket socket;
        private final int serverPort;

        Datagram(int serverPort) throws IOException {
            this.socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
            this.serverPort = serverPort;
        }

        @Override
        String viaTransport() {
            return "UDP";
        }

        @Override
        int localPort() {
            return socket.getLocalPort();
        }

        @Override
        void send(String message) throws IOException {
            byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
            socket.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), serverPort));
        }

        @Override
        Optional<RawSipMessage> receive(Duration timeout) throws IOException {
            socket.setSoTimeout((int) Math.max(1, timeout.toMillis()));
            byte[] buffer = new byte[65_535];
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
            } catch (SocketTimeoutException e) {
                return Optional.empty();
            }
            return Optional.of(RawSipMessage.parse(
                    new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8)));
        }

        @Override
        public void close() {
            socket.close();
        }
    }
}
