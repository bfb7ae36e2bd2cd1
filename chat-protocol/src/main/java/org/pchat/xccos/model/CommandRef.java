package org.pchat.xccos.model;

import java.util.Objects;

/**
 * The {@code <commandid seqid="…" envid="…"/>} of a reply: which command it answers (xccos.md §3.3). Clients
 * correlate on (envid, seqid) because seqid is always 1.
 *
 * @param seqId the command's {@code cmd/@seqid}
 * @param envId the {@code xccos/@envid} of the envelope that carried the command, unsigned 64-bit
 */
public record CommandRef(String seqId, long envId) {

    /** The element name. */
    public static final String ELEMENT = "commandid";

    public CommandRef {
        Objects.requireNonNull(seqId, "seqId");
    }

    /** The envelope id in its unsigned decimal wire form. */
    public String envIdString() {
        return Long.toUnsignedString(envId);
    }

    @Override
    public String toString() {
        return "CommandRef[seqId=" + seqId + ", envId=" + envIdString() + "]";
    }
}
