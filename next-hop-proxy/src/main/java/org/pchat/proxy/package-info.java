/** The next-hop SIP proxy and registrar in front of the chat pool: configuration and lifecycle. */
package org.pchat.proxy;
