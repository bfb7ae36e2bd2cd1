package org.pchat.xccos.model;

import java.util.Objects;
import java.util.Optional;

/**
 * An invitation {@code <inv inviteId="…" domain="…">[chanib]</inv>} (xccos.md §4.4). In {@code cmd:getinv} it
 * selects invitations; in the (unverified) {@code rpl:getinv} form it carries the room.
 *
 * @param inviteId the invitation id
 * @param domain   the SIP domain
 * @param channel  the room the user is invited to
 */
public record Invitation(String inviteId, Optional<String> domain, Optional<ChannelInfo> channel)
        implements DataBlock {

    /** The element name. */
    public static final String ELEMENT = "inv";

    public Invitation {
        Objects.requireNonNull(inviteId, "inviteId");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(channel, "channel");
    }

    /** An invitation to a room. */
    public static Invitation of(String inviteId, String domain, ChannelInfo channel) {
        return new Invitation(inviteId, Optional.of(domain), Optional.of(channel));
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.invitation(this);
    }
}
