/** Digest authentication (RFC 7616, RFC 2617): nonces, verification, throttling and authenticated flows. */
package org.pchat.proxy.auth;
