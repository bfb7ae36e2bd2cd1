package org.pchat.proxy.registrar;

import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import org.pchat.sip.Flow;

/**
 * A REGISTER as the registrar sees it (RFC 3261 §10.3).
 *
 * @param aor      the address of record (To URI, normalized)
 * @param star     {@code Contact: *} (remove all bindings)
 * @param contacts the contacts (empty: a query)
 * @param expires  the Expires header, if any
 * @param callId   the Call-ID
 * @param cseq     the CSeq number
 * @param flow     where it came from
 */
public record RegisterRequest(String aor, boolean star, List<ContactSpec> contacts, OptionalInt expires,
        String callId, long cseq, Flow flow) {

    public RegisterRequest {
        Objects.requireNonNull(aor, "aor");
        contacts = List.copyOf(contacts);
        Objects.requireNonNull(expires, "expires");
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(flow, "flow");
    }
}
