/** The XMPP client endpoint: stream codec, STARTTLS, SASL, binding, disco, ping, Multi-User Chat and MAM on rooms. */
package org.pchat.server.xmpp;
