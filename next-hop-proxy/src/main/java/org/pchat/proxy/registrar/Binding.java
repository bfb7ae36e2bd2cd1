package org.pchat.proxy.registrar;

import java.util.Objects;
import java.util.Optional;
import org.pchat.sip.Flow;

/**
 * One registered contact of a user (RFC 3261 §10.3).
 *
 * @param aor             the address of record, {@code sip:alice@example.com}
 * @param contactUri      the contact URI as registered
 * @param instanceId      the {@code +sip.instance} value, if any (RFC 5626: one binding per device)
 * @param flow            the flow the REGISTER came over
 * @param reachViaFlow    requests to this contact go down {@link #flow()} (a client that never listens)
 * @param callId          Call-ID of the REGISTER that made or refreshed it
 * @param cseq            its CSeq number
 * @param registeredAtMillis when it was made (the oldest binding gives way when a user has too many)
 * @param expiresAtMillis when it expires
 */
public record Binding(String aor, String contactUri, Optional<String> instanceId, Flow flow, boolean reachViaFlow,
        String callId, long cseq, long registeredAtMillis, long expiresAtMillis) {

    public Binding {
        Objects.requireNonNull(aor, "aor");
        Objects.requireNonNull(contactUri, "contactUri");
        Objects.requireNonNull(instanceId, "instanceId");
        Objects.requireNonNull(flow, "flow");
        Objects.requireNonNull(callId, "callId");
    }

    /** Seconds left at {@code nowMillis}, at least 0. */
    public int secondsLeft(long nowMillis) {
        return (int) Math.max(0, (expiresAtMillis - nowMillis + 999) / 1000);
    }

    /** Whether this binding is the same contact as {@code other}: same instance, else same URI. */
    boolean sameContact(String uri, Optional<String> instance) {
        if (instance.isPresent() && instanceId.isPresent()) {
            return instance.get().equals(instanceId.get());
        }
        return contactUri.equalsIgnoreCase(uri);
    }
}
