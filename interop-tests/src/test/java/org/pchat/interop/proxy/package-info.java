/** Black-box tests of the next-hop proxy in a running pchat: sipp, chat sessions and a Lync-style client. */
package org.pchat.interop.proxy;
