/** The chat node's SIP adapter: INVITE/INFO/BYE from the proxy, XCCOS command dispatch, SIP participants. */
package org.pchat.server.sip;
