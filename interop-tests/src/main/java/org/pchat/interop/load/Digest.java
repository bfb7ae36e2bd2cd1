package org.pchat.interop.load;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The client side of SIP digest (RFC 7616 §3.4 with qop=auth; RFC 2617 without qop), MD5 or SHA-256. */
final class Digest {
    private static final Pattern PARAM = Pattern.compile("([\\w-]+)\\s*=\\s*(?:\"([^\"]*)\"|([^\\s,]+))");

    private Digest() {
    }

    /**
     * The Authorization/Proxy-Authorization value answering {@code challenge}.
     *
     * @param challenge the WWW-/Proxy-Authenticate value
     * @param method    the challenged request's method
     * @param uri       the digest-uri (the Request-URI)
     * @param username  the digest user name ({@code user@domain})
     * @param password  the password
     * @param cnonce    a client nonce
     */
    static String answer(String challenge, String method, String uri, String username, String password,
            String cnonce) {
        String realm = param(challenge, "realm");
        String nonce = param(challenge, "nonce");
        String opaque = param(challenge, "opaque");
        String algorithm = param(challenge, "algorithm");
        String qop = param(challenge, "qop");
        String hash = algorithm != null && algorithm.toUpperCase(Locale.ROOT).startsWith("SHA-256") ? "SHA-256" : "MD5";
        String ha1 = hex(hash, username + ":" + realm + ":" + password);
        String ha2 = hex(hash, method + ":" + uri);
        boolean auth = qop != null && qop.contains("auth");
        String nc = "00000001";
        String response = auth ? hex(hash, ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":auth:" + ha2)
                : hex(hash, ha1 + ":" + nonce + ":" + ha2);
        StringBuilder out = new StringBuilder("Digest username=\"").append(username).append("\", realm=\"")
                .append(realm).append("\", nonce=\"").append(nonce).append("\", uri=\"").append(uri)
                .append("\", response=\"").append(response).append("\", algorithm=")
                .append(hash.equals("MD5") ? "MD5" : "SHA-256");
        if (auth) {
            out.append(", qop=auth, nc=").append(nc).append(", cnonce=\"").append(cnonce).append('"');
        }
        if (opaque != null) {
            out.append(", opaque=\"").append(opaque).append('"');
        }
        return out.toString();
    }

    static String param(String header, String name) {
        Matcher m = PARAM.matcher(header);
        while (m.find()) {
            if (m.group(1).equalsIgnoreCase(name)) {
                return m.group(2) != null ? m.group(2) : m.group(3);
            }
        }
        return null;
    }

    private static String hex(String algorithm, String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm)
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is missing from this JDK", e);
        }
    }
}
