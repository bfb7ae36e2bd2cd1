/** The stateful proxy core (RFC 3261 §16): request validation, routing, forwarding and response relay. */
package org.pchat.proxy.core;
