/** The protocol-neutral chat core: who is joined where on this node, posting, history, search and fan-out. */
package org.pchat.server.chat;
