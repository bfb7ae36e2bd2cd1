package org.pchat.xccos.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The server info block of {@code rpl:getserverinfo} (xccos.md §4.2): {@code <sib infoType serverTime searchLimit
 * messageSizeLimit storySizeLimit rootUri dbVersion/>}.
 *
 * @param infoType         echoes the request's {@code infoType}
 * @param serverTime       the server clock, kept at 100 ns precision
 * @param searchLimit      maximum rooms a search returns (999 on Lync)
 * @param messageSizeLimit maximum characters of a message (512 on Lync)
 * @param storySizeLimit   maximum characters of a story (4096 on Lync)
 * @param rootUri          the root category
 * @param dbVersion        a database version GUID
 */
public record ServerInfo(Optional<String> infoType, Instant serverTime, int searchLimit, int messageSizeLimit,
                         int storySizeLimit, CatUri rootUri, Optional<String> dbVersion) implements DataBlock {

    /** The element name. */
    public static final String ELEMENT = "sib";

    public ServerInfo {
        Objects.requireNonNull(infoType, "infoType");
        serverTime = DotNetTicks.truncate(serverTime, "serverTime");
        requireNonNegative("searchLimit", searchLimit);
        requireNonNegative("messageSizeLimit", messageSizeLimit);
        requireNonNegative("storySizeLimit", storySizeLimit);
        Objects.requireNonNull(rootUri, "rootUri");
        Objects.requireNonNull(dbVersion, "dbVersion");
    }

    private static void requireNonNegative(String name, int value) {
        if (value < 0) {
            throw new IllegalArgumentException("sib " + name + " " + value + " is negative");
        }
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.serverInfo(this);
    }
}
