package org.pchat.proxy.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A client's digest calculator (RFC 7616 §3.4.1), independent of the proxy's code. */
public final class Digest {

    private static final Pattern PARAM = Pattern.compile("(\\w+)=(\"([^\"]*)\"|[^,\\s]+)");

    private Digest() {
    }

    /** The parameters of a challenge ({@code Digest realm="...", nonce="...", ...}). */
    public static Map<String, String> challenge(String header) {
        Map<String, String> params = new HashMap<>();
        Matcher m = PARAM.matcher(header.substring(header.indexOf(' ') + 1));
        while (m.find()) {
            params.put(m.group(1).toLowerCase(Locale.ROOT), m.group(3) != null ? m.group(3) : m.group(2));
        }
        return params;
    }

    /**
     * The credentials header value answering {@code challengeHeader}.
     *
     * @param digestUri the uri parameter to send and hash (the Lync client sends "(null)")
     */
    public static String answer(String challengeHeader, String method, String digestUri, String username,
                                String password, String nc) {
        Map<String, String> c = challenge(challengeHeader);
        String algorithm = c.getOrDefault("algorithm", "MD5");
        String javaName = algorithm.equalsIgnoreCase("SHA-256") ? "SHA-256" : "MD5";
        String cnonce = "0a4f113b";
        String ha1 = hash(javaName, username + ":" + c.get("realm") + ":" + password);
        String ha2 = hash(javaName, method + ":" + digestUri);
        String response = hash(javaName, ha1 + ":" + c.get("nonce") + ":" + nc + ":" + cnonce + ":auth:" + ha2);
        return "Digest username=\"" + username + "\", realm=\"" + c.get("realm") + "\", nonce=\"" + c.get("nonce")
                + "\", uri=\"" + digestUri + "\", response=\"" + response + "\", algorithm=" + algorithm
                + ", qop=auth, nc=" + nc + ", cnonce=\"" + cnonce + "\"";
    }

    public static String hash(String algorithm, String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm)
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
