package org.pchat.proxy.auth;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The parameters of one {@code Authorization}/{@code Proxy-Authorization: Digest} header (RFC 7616 §3.4). Parsed
 * here rather than by the SIP stack so that the Lync client's {@code uri="(null)"} (xccos.md §11) survives.
 * {@link #toString()} leaves out the response and the nonce.
 *
 * @param username  the digest username ({@code alice@example.com})
 * @param realm     the realm
 * @param nonce     the server nonce
 * @param uri       the digest-uri as sent
 * @param response  the hex response
 * @param algorithm the algorithm token as sent; empty means MD5
 * @param qop       the qop; empty for RFC 2069 style
 * @param nc        the nonce count (hex); empty without qop
 * @param cnonce    the client nonce; empty without qop
 * @param opaque    the opaque value; empty if none
 */
public record DigestCredentials(String username, String realm, String nonce, String uri, String response,
        Optional<String> algorithm, Optional<String> qop, Optional<String> nc, Optional<String> cnonce,
        Optional<String> opaque) {

    /** Longest header value parsed; longer ones are refused. */
    public static final int MAX_LENGTH = 4_096;

    public DigestCredentials {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(realm, "realm");
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(response, "response");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(qop, "qop");
        Objects.requireNonNull(nc, "nc");
        Objects.requireNonNull(cnonce, "cnonce");
        Objects.requireNonNull(opaque, "opaque");
    }

    /**
     * Parses a header value such as {@code Digest username="alice@example.com", realm="example.com", ...}.
     *
     * @throws IllegalArgumentException naming what is wrong: not Digest, a missing parameter, too long
     */
    public static DigestCredentials parse(String value) {
        Objects.requireNonNull(value, "value");
        if (value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("digest credentials of " + value.length()
                    + " characters exceed the limit of " + MAX_LENGTH);
        }
        String text = value.trim();
        if (!text.regionMatches(true, 0, "Digest", 0, 6) || text.length() < 7
                || !Character.isWhitespace(text.charAt(6))) {
            // the value is not echoed: another scheme's token is a secret too
            throw new IllegalArgumentException("credentials scheme is not Digest ("
                    + text.split("\\s", 2)[0].length() + "-character scheme name)");
        }
        Map<String, String> params = parameters(text.substring(7));
        return new DigestCredentials(required(params, "username"), required(params, "realm"),
                required(params, "nonce"), required(params, "uri"), required(params, "response"),
                Optional.ofNullable(params.get("algorithm")), Optional.ofNullable(params.get("qop")),
                Optional.ofNullable(params.get("nc")), Optional.ofNullable(params.get("cnonce")),
                Optional.ofNullable(params.get("opaque")));
    }

    private static Map<String, String> parameters(String text) {
        Map<String, String> params = new HashMap<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            while (i < n && (text.charAt(i) == ',' || Character.isWhitespace(text.charAt(i)))) {
                i++;
            }
            if (i >= n) {
                break;
            }
            int eq = text.indexOf('=', i);
            if (eq < 0) {
                throw new IllegalArgumentException("digest parameter without value at offset " + i);
            }
            String name = text.substring(i, eq).trim().toLowerCase(Locale.ROOT);
            i = eq + 1;
            while (i < n && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            StringBuilder val = new StringBuilder();
            if (i < n && text.charAt(i) == '"') {
                i++;
                boolean closed = false;
                while (i < n) {
                    char c = text.charAt(i++);
                    if (c == '\\' && i < n) {
                        val.append(text.charAt(i++));
                    } else if (c == '"') {
                        closed = true;
                        break;
                    } else {
                        val.append(c);
                    }
                }
                if (!closed) {
                    throw new IllegalArgumentException("unterminated quoted value of digest parameter " + name);
                }
            } else {
                while (i < n && text.charAt(i) != ',') {
                    val.append(text.charAt(i++));
                }
            }
            if (params.putIfAbsent(name, val.toString().trim()) != null) {
                throw new IllegalArgumentException("digest parameter " + name + " appears twice");
            }
        }
        return params;
    }

    private static String required(Map<String, String> params, String name) {
        String value = params.get(name);
        if (value == null) {
            throw new IllegalArgumentException("digest parameter " + name + " is missing");
        }
        return value;
    }

    @Override
    public String toString() {
        return "DigestCredentials[username=" + username + ", realm=" + realm + ", uri=" + uri + ", algorithm="
                + algorithm.orElse("MD5") + ", qop=" + qop.orElse("") + ", nc=" + nc.orElse("")
                + ", nonce=****, response=****]";
    }
}
