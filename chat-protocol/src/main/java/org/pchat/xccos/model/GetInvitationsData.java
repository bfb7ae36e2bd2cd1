package org.pchat.xccos.model;

import java.util.List;

/**
 * {@code cmd:getinv}: fetch pending invitations (xccos.md §4.4). SIPE sends one {@code <inv inviteId="1"
 * domain="…"/>}; its meaning (probably "from this invitation id on") is unverified.
 *
 * @param invitations the {@code inv} elements of the request
 */
public record GetInvitationsData(List<Invitation> invitations) implements CommandData {

    public GetInvitationsData {
        invitations = List.copyOf(invitations);
    }

    @Override
    public String wireId() {
        return CommandId.GETINV.wireId();
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.getInvitations(this);
    }
}
