package org.pchat.server.files;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pchat.server.domain.UserUris;

/**
 * The links a chat message carries to a posted file (xccos.md §5.3, §6): {@code ma-filelink://<domain>/<room
 * guid>/<stored name>} for SIP clients, and an HTTP URL {@code <public url>files/<room guid>/<stored name>} for
 * XMPP clients and browsers. Only stored names ({@link FileNames}) are ever written or accepted.
 */
public final class FileLinks {

    /** The URI scheme of file links in SIP chat messages. */
    public static final String SCHEME = "ma-filelink";

    private static final Pattern LINK = Pattern.compile(
            "ma-filelink://([a-z0-9.-]{1,253})/([0-9a-f-]{36})/([0-9a-z.-]{1,60})");

    private FileLinks() {
    }

    /** A parsed file link. */
    public record FileLink(String domain, UUID roomId, String storedName) {
        public FileLink {
            domain = UserUris.normalizeDomain(domain);
            Objects.requireNonNull(roomId, "roomId");
            FileNames.requireStoredName(storedName);
        }

        /** The link's text form. */
        public String format() {
            return SCHEME + "://" + domain + "/" + roomId + "/" + storedName;
        }
    }

    /** The {@code ma-filelink:} link of a stored file in a room of the SIP domain. */
    public static String maFileLink(String sipDomain, UUID roomId, String storedName) {
        return new FileLink(sipDomain, roomId, storedName).format();
    }

    /** Reads a {@code ma-filelink:} link; empty when the text is not one this server writes. */
    public static Optional<FileLink> parse(String link) {
        if (link == null) {
            return Optional.empty();
        }
        Matcher m = LINK.matcher(link.strip());
        if (!m.matches() || !FileNames.isStoredName(m.group(3))) {
            return Optional.empty();
        }
        try {
            return Optional.of(new FileLink(m.group(1), UUID.fromString(m.group(2)), m.group(3)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * The HTTP download URL of a stored file under the server's public URL (the URL must end with a slash or
     * have an empty path).
     */
    public static URI httpUrl(URI publicUrl, UUID roomId, String storedName) {
        Objects.requireNonNull(publicUrl, "publicUrl");
        FileNames.requireStoredName(storedName);
        String base = publicUrl.toString();
        if (!base.endsWith("/")) {
            base = base + "/";
        }
        return URI.create(base + "files/" + roomId + "/" + storedName);
    }
}
