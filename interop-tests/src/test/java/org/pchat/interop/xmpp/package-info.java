/** The XMPP endpoint of a running pchat.jar, driven by Smack and its integration test framework. */
package org.pchat.interop.xmpp;
