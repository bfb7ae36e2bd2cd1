package org.pchat.proxy.registrar;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One Contact of a REGISTER as the registrar needs it.
 *
 * @param uri          the contact URI
 * @param expires      its {@code expires} parameter, if any
 * @param instanceId   its {@code +sip.instance} parameter, if any
 * @param reachViaFlow requests to it must go down the REGISTER's flow (the client does not listen)
 */
public record ContactSpec(String uri, OptionalInt expires, Optional<String> instanceId, boolean reachViaFlow) {

    public ContactSpec {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(expires, "expires");
        Objects.requireNonNull(instanceId, "instanceId");
    }
}
