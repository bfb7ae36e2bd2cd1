package org.pchat.server.sip;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * One TCP connection speaking SIP as plain text, the way pidgin-sipe does (xccos.md §11): it never listens,
 * and its INVITE, ACK and in-dialog requests carry no Via branch. Reads are framed by Content-Length.
 */
final class RawSipConnection implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    RawSipConnection(int port, Duration readTimeout) throws IOException {
        this.socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout((int) readTimeout.toMillis());
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    int localPort() {
        return socket.getLocalPort();
    }

    /** Sends a message given with LF line ends (normalized to CRLF) and a body; Content-Length is added. */
    void send(String headLines, String body) throws IOException {
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        String head = headLines.strip().replace("\r\n", "\n").replace("\n", "\r\n")
                + "\r\nContent-Length: " + content.length + "\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.UTF_8));
        out.write(content);
        out.flush();
    }

    /** Reads the next message, skipping CRLF keep-alives. */
    Message read() throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed by the node");
            }
            if (head.size() == 0 && (b == '\r' || b == '\n')) {
                continue;
            }
            head.write(b);
            matched = (b == '\r' && matched % 2 == 0) || (b == '\n' && matched % 2 == 1) ? matched + 1 : 0;
        }
        String text = head.toString(StandardCharsets.UTF_8);
        Message message = new Message(text, "");
        int length = Integer.parseInt(message.header("Content-Length").or(() -> message.header("l")).orElse("0"));
        byte[] body = in.readNBytes(length);
        return new Message(text, new String(body, StandardCharsets.UTF_8));
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    /** A received message: start line, headers and body. */
    record Message(String head, String body) {

        String startLine() {
            return head.substring(0, head.indexOf("\r\n"));
        }

        boolean isResponse() {
            return startLine().startsWith("SIP/2.0 ");
        }

        int status() {
            return Integer.parseInt(startLine().split(" ")[1]);
        }

        String method() {
            return startLine().split(" ")[0];
        }

        /** The first header with this name (case-insensitive), its value trimmed. */
        Optional<String> header(String name) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT)
                        .equals(name.toLowerCase(Locale.ROOT))) {
                    return Optional.of(line.substring(colon + 1).trim());
                }
            }
            return Optional.empty();
        }

        /** The tag parameter of a From or To header. */
        Optional<String> tag(String headerName) {
            return header(headerName).flatMap(value -> {
                int at = value.indexOf(";tag=");
                if (at < 0) {
                    return Optional.empty();
                }
                String rest = value.substring(at + 5);
                int end = rest.indexOf(';');
                return Optional.of(end < 0 ? rest : rest.substring(0, end));
            });
        }
    }
}
