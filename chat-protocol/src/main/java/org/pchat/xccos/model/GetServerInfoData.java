package org.pchat.xccos.model;

import java.util.Objects;
import java.util.Optional;

/**
 * {@code cmd:getserverinfo} with its optional {@code <sib domain="…" infoType="…"/>} (xccos.md §4.2).
 *
 * @param domain   {@code sib/@domain}, the client's SIP domain
 * @param infoType {@code sib/@infoType}, echoed in the reply's {@code sib}
 */
public record GetServerInfoData(Optional<String> domain, Optional<String> infoType) implements CommandData {

    public GetServerInfoData {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(infoType, "infoType");
    }

    /** A request with both attributes. */
    public static GetServerInfoData of(String domain, String infoType) {
        return new GetServerInfoData(Optional.of(domain), Optional.of(infoType));
    }

    @Override
    public String wireId() {
        return CommandId.GETSERVERINFO.wireId();
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.getServerInfo(this);
    }
}
