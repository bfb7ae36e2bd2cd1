package org.pchat.proxy.core;

import java.util.Objects;
import java.util.Optional;
import javax.sip.address.URI;
import org.pchat.proxy.pool.PoolNodeAddress;
import org.pchat.sip.Flow;

/**
 * One place a request is forwarded to.
 *
 * @param requestUri the Request-URI of the forwarded copy
 * @param hop        where the copy is sent (a node, a contact, a client's own connection)
 * @param node       the chat node this is, for health and load accounting
 */
record Target(URI requestUri, Flow hop, Optional<PoolNodeAddress> node) {

    Target {
        Objects.requireNonNull(requestUri, "requestUri");
        Objects.requireNonNull(hop, "hop");
        Objects.requireNonNull(node, "node");
    }
}
