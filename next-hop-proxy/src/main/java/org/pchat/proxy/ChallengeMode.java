package org.pchat.proxy;

/** How the proxy challenges REGISTER (other requests always get 407: RFC 3261 §22.3, the proxy is not their UAS). */
public enum ChallengeMode {
    /**
     * {@code 407 Proxy-Authenticate}: the only digest challenge Lync-protocol clients answer (xccos.md §11).
     */
    PROXY_AUTHENTICATE,
    /** {@code 401 WWW-Authenticate}, as RFC 3261 §22.1 has a registrar do, for RFC-strict clients. */
    WWW_AUTHENTICATE
}
