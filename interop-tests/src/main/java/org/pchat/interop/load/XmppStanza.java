package org.pchat.interop.load;

import java.util.Optional;

/**
 * What the load driver reads of one top-level element from {@link XmppFrameDecoder}: its name, attributes of the
 * start tag, and the text of a named child. String scanning, no XML parser: the driver reads a few fields of
 * tens of thousands of stanzas a second, and the values it reads (ids, JIDs, bodies it wrote itself, base64) carry
 * no entities except those {@link #unescape(String)} undoes.
 */
public final class XmppStanza {
    private XmppStanza() {
    }

    /** The element name of the start tag ({@code message}, {@code stream:features}, …). */
    public static String name(String xml) {
        int end = xml.length() > 1 && xml.charAt(1) == '/' ? 2 : 1;
        while (end < xml.length() && " \t\r\n/>".indexOf(xml.charAt(end)) < 0) {
            end++;
        }
        return xml.substring(1, end);
    }

    /** An attribute of the start tag, unescaped. */
    public static Optional<String> attribute(String xml, String attribute) {
        int tagEnd = startTagEnd(xml);
        int from = 0;
        while (true) {
            int at = xml.indexOf(attribute, from);
            if (at < 0 || at >= tagEnd) {
                return Optional.empty();
            }
            int eq = at + attribute.length();
            char before = xml.charAt(at - 1);
            if ((before == ' ' || before == '\t' || before == '\n' || before == '\r') && eq + 1 < xml.length()
                    && xml.charAt(eq) == '=') {
                char q = xml.charAt(eq + 1);
                int close = xml.indexOf(q, eq + 2);
                return Optional.of(unescape(xml.substring(eq + 2, close)));
            }
            from = at + 1;
        }
    }

    /** The text of the first descendant element with this name ({@code <name>text</name>}), unescaped. */
    public static Optional<String> childText(String xml, String name) {
        int open = indexOfTag(xml, name, 1);
        if (open < 0) {
            return Optional.empty();
        }
        int textStart = xml.indexOf('>', open) + 1;
        if (xml.charAt(textStart - 2) == '/') {
            return Optional.of("");
        }
        int close = xml.indexOf("</" + name + ">", textStart);
        return close < 0 ? Optional.empty() : Optional.of(unescape(xml.substring(textStart, close)));
    }

    /** Whether a descendant element has this name. */
    public static boolean has(String xml, String name) {
        return indexOfTag(xml, name, 1) >= 0;
    }

    /** Whether the element holds {@code <status code='N'/>} (XEP-0045 §15.6 status codes). */
    public static boolean hasStatus(String xml, int code) {
        return xml.contains("code='" + code + "'") || xml.contains("code=\"" + code + "\"");
    }

    private static int indexOfTag(String xml, String name, int from) {
        int at = from;
        while (true) {
            at = xml.indexOf("<" + name, at);
            if (at < 0) {
                return -1;
            }
            int after = at + 1 + name.length();
            if (after < xml.length() && " \t\r\n/>".indexOf(xml.charAt(after)) >= 0) {
                return at;
            }
            at = after;
        }
    }

    private static int startTagEnd(String xml) {
        char quote = 0;
        for (int i = 0; i < xml.length(); i++) {
            char c = xml.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '>') {
                return i;
            }
        }
        return xml.length();
    }

    /** The five predefined entities (XML 1.0 §4.6) and numeric character references. */
    public static String unescape(String text) {
        if (text.indexOf('&') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int semi = c == '&' ? text.indexOf(';', i) : -1;
            if (semi < 0) {
                out.append(c);
                i++;
                continue;
            }
            String entity = text.substring(i + 1, semi);
            switch (entity) {
                case "lt" -> out.append('<');
                case "gt" -> out.append('>');
                case "amp" -> out.append('&');
                case "quot" -> out.append('"');
                case "apos" -> out.append('\'');
                default -> {
                    if (entity.startsWith("#x")) {
                        out.appendCodePoint(Integer.parseInt(entity.substring(2), 16));
                    } else if (entity.startsWith("#")) {
                        out.appendCodePoint(Integer.parseInt(entity.substring(1)));
                    } else {
                        out.append(text, i, semi + 1);
                    }
                }
            }
            i = semi + 1;
        }
        return out.toString();
    }

    /** Escapes text for an attribute value or element content. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '\'' -> out.append("&apos;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
