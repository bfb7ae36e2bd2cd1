package org.pchat.xccos.model;

import java.util.Optional;
import java.util.UUID;

/**
 * A Lync Persistent Chat node URI: {@code ma-chan://<domain>/<path>} (room) or
 * {@code ma-cat://<domain>/<path>} (category), xccos.md §6.
 *
 * <p>The path is a GUID on Lync 2013 and other tokens on older servers (e.g. {@code 300}).
 * Values are kept verbatim (no case folding), because clients match rooms by the exact string.
 */
public sealed interface MaUri permits ChanUri, CatUri {

    /** The host part, e.g. {@code contoso.com}. */
    String domain();

    /** The node path after the domain, e.g. a GUID. */
    String path();

    /** The scheme without {@code ://}: {@code ma-chan} or {@code ma-cat}. */
    String scheme();

    /** The full URI text, e.g. {@code ma-chan://contoso.com/094f5a4a-…}. */
    default String uri() {
        return scheme() + "://" + domain() + "/" + path();
    }

    /** The path as a UUID when it is one (Lync 2013 node GUIDs). */
    default Optional<UUID> pathAsUuid() {
        return MaUriSyntax.uuid(path());
    }
}
