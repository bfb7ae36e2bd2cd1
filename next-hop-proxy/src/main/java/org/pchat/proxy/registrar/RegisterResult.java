package org.pchat.proxy.registrar;

import java.util.List;

/** What the registrar answers a REGISTER with. */
public sealed interface RegisterResult {

    /** 200: the user's bindings after the change, and the expiry granted to the request's contacts. */
    record Registered(List<Binding> bindings, int grantedExpires) implements RegisterResult {
        public Registered {
            bindings = List.copyOf(bindings);
        }
    }

    /** 423 with Min-Expires (RFC 3261 §10.3 step 7). */
    record IntervalTooBrief(int minExpires) implements RegisterResult {
    }

    /** 400 with a reason (e.g. {@code Contact: *} with a non-zero expiry). */
    record Invalid(String reason) implements RegisterResult {
    }

    /** 500: a CSeq older than the binding's (RFC 3261 §10.3 step 7). */
    record OutOfOrder(String reason) implements RegisterResult {
    }

    /** 503: the registrar holds as many bindings as it may. */
    record Full(String reason) implements RegisterResult {
    }
}
