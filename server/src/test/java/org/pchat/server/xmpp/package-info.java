/** Tests of the XMPP endpoint: codec units and Smack clients against an in-process endpoint. */
package org.pchat.server.xmpp;
