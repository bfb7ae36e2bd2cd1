/** Acceptance tests of the chat node: XCCOS over SIP, driven over the wire against server/target/pchat.jar. */
package org.pchat.interop.chatnode;
