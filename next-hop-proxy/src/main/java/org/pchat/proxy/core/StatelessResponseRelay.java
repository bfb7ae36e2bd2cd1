package org.pchat.proxy.core;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import org.pchat.sip.ResponseShortcut;
import org.pchat.sip.SipEndpoint;
import org.pchat.sip.SipStreamFramer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Relays the responses to requests this proxy forwarded statelessly (RFC 3261 §16.11: a chat node's in-dialog
 * INFO to a client) without parsing them: our Via, the top one, is cut out of the bytes and the rest is written
 * toward the next Via's sent-by, with its {@code received} and {@code rport} (§18.2.2, RFC 3581 §4), as the stack
 * would after parsing the whole response and encoding it again. Our Via may stand alone in its header line or
 * first in a comma-separated one (as the RI writes the Vias it forwards, and clients echo them). Only a next Via
 * over TCP to an IP address takes this path; anything else returns false and the stack relays it
 * ({@code ProxyCore}).
 */
final class StatelessResponseRelay implements ResponseShortcut {

    private static final Logger LOG = LoggerFactory.getLogger(StatelessResponseRelay.class);

    /** A response ready to write, and where to. */
    record Relay(byte[] message, String host, int port) {
    }

    private final String proxyName;
    private final String advertisedHost;
    private final SipEndpoint endpoint;

    StatelessResponseRelay(String proxyName, String advertisedHost, SipEndpoint endpoint) {
        this.proxyName = proxyName;
        this.advertisedHost = advertisedHost;
        this.endpoint = endpoint;
    }

    @Override
    public boolean take(SipStreamFramer.Frame.Message response) {
        if (!Forwarder.isStatelessBranch(response.topViaBranch())) {
            return false;
        }
        Optional<Relay> relay = relay(response.head(), response.body(), advertisedHost);
        if (relay.isEmpty()) {
            return false;
        }
        Relay next = relay.get();
        try {
            endpoint.sendTcp(next.message(), InetAddress.getByName(next.host()), next.port());
        } catch (IOException e) {
            LOG.debug("{} - stateless {} not relayed to {}:{}: call-id={}: {}", proxyName, response.statusCode(),
                    next.host(), next.port(), response.callId(), e.toString());
        }
        return true;
    }

    /**
     * The response without its top Via, and the next Via's address; empty when the shape is not the plain one.
     *
     * @param ownHost the host our Via carries
     */
    static Optional<Relay> relay(byte[] head, byte[] body, String ownHost) {
        int[] top = null;
        int lineStart = 0;
        while (lineStart < head.length) {
            int lineEnd = lineStart;
            while (lineEnd < head.length && head[lineEnd] != '\n') {
                lineEnd++;
            }
            int next = Math.min(lineEnd + 1, head.length);
            String value = lineStart == 0 ? null : viaValue(head, lineStart, lineEnd);
            if (value != null && top != null) {
                int[] ours = top;
                return next(value).map(address -> new Relay(splice(head, ours[0], ours[1], new byte[0], body),
                        address[0], Integer.parseInt(address[1])));
            }
            if (value != null) {
                int comma = value.indexOf(',');
                int quote = value.indexOf('"');
                String first = comma < 0 ? value : value.substring(0, comma);
                if ((quote >= 0 && (comma < 0 || quote < comma)) || !ownHost.equalsIgnoreCase(sentBy(first)[0])) {
                    return Optional.empty();
                }
                if (comma >= 0) {
                    // §7.3.1: our value first in a comma-separated line: the line keeps the others
                    String rest = value.substring(comma + 1).trim();
                    byte[] line = ("Via: " + rest + "\r\n").getBytes(StandardCharsets.UTF_8);
                    int from = lineStart;
                    int to = next;
                    return next(rest).map(address -> new Relay(splice(head, from, to, line, body), address[0],
                            Integer.parseInt(address[1])));
                }
                top = new int[] {lineStart, next};
            }
            lineStart = next;
        }
        return Optional.empty();
    }

    /** The value of a Via header line (long or compact name, any case), or null for another header. */
    private static String viaValue(byte[] head, int from, int to) {
        int colon = -1;
        for (int i = from; i < to; i++) {
            if (head[i] == ':') {
                colon = i;
                break;
            }
        }
        if (colon < 0 || head[from] == ' ' || head[from] == '\t') {
            return null;
        }
        String name = new String(head, from, colon - from, StandardCharsets.ISO_8859_1).trim();
        if (!name.equalsIgnoreCase("via") && !name.equalsIgnoreCase("v")) {
            return null;
        }
        return new String(head, colon + 1, to - colon - 1, StandardCharsets.UTF_8).trim();
    }

    /** Host and port (or null) of a via-parm's sent-by. */
    private static String[] sentBy(String viaParm) {
        int space = viaParm.indexOf(' ');
        int semicolon = viaParm.indexOf(';');
        String sentBy = (semicolon < 0 ? viaParm.substring(space + 1) : viaParm.substring(space + 1, semicolon))
                .trim();
        if (sentBy.startsWith("[")) {
            int close = sentBy.indexOf(']');
            if (close < 0) {
                return new String[] {"", null};
            }
            String port = close + 1 < sentBy.length() && sentBy.charAt(close + 1) == ':'
                    ? sentBy.substring(close + 2) : null;
            return new String[] {sentBy.substring(0, close + 1), port};
        }
        int colon = sentBy.indexOf(':');
        return colon < 0 ? new String[] {sentBy, null}
                : new String[] {sentBy.substring(0, colon), sentBy.substring(colon + 1)};
    }

    /** Where the next Via says to send (§18.2.2 for TCP, RFC 3581 §4): address and port, or empty. */
    private static Optional<String[]> next(String value) {
        int comma = value.indexOf(',');
        String viaParm = comma < 0 ? value : value.substring(0, comma);
        if (viaParm.indexOf('"') >= 0) {
            return Optional.empty();
        }
        int space = viaParm.indexOf(' ');
        if (space < 0 || !viaParm.substring(0, space).trim().toUpperCase(Locale.ROOT).equals("SIP/2.0/TCP")) {
            return Optional.empty();
        }
        String[] sentBy = sentBy(viaParm);
        String host = sentBy[0];
        String port = sentBy[1];
        String[] params = viaParm.split(";");
        for (int i = 1; i < params.length; i++) {
            int equals = params[i].indexOf('=');
            String name = (equals < 0 ? params[i] : params[i].substring(0, equals)).trim().toLowerCase(Locale.ROOT);
            String paramValue = equals < 0 ? null : params[i].substring(equals + 1).trim();
            if (name.equals("received") && paramValue != null) {
                host = paramValue;
            } else if (name.equals("rport") && paramValue != null && !paramValue.isEmpty()) {
                port = paramValue;
            }
        }
        int portNumber = port == null ? 5060 : parsePort(port);
        if (portNumber < 0 || !isAddress(host)) {
            return Optional.empty();
        }
        String address = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        return Optional.of(new String[] {address, Integer.toString(portNumber)});
    }

    private static int parsePort(String port) {
        try {
            int value = Integer.parseInt(port.trim());
            return value > 0 && value <= 65_535 ? value : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** An IPv4 or bracketed IPv6 literal: resolving it does not ask DNS. */
    private static boolean isAddress(String host) {
        if (host.startsWith("[") && host.endsWith("]")) {
            return host.length() > 2 && host.substring(1, host.length() - 1).chars()
                    .allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.');
        }
        String[] parts = host.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)
                    || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }

    /** The head with bytes from..to replaced by {@code line}, then the body. */
    private static byte[] splice(byte[] head, int from, int to, byte[] line, byte[] body) {
        byte[] out = new byte[head.length - (to - from) + line.length + body.length];
        System.arraycopy(head, 0, out, 0, from);
        System.arraycopy(line, 0, out, from, line.length);
        System.arraycopy(head, to, out, from + line.length, head.length - to);
        System.arraycopy(body, 0, out, out.length - body.length, body.length);
        return out;
    }
}
