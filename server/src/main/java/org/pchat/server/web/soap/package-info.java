/** The Lync file web service (xccos.md §8.1): SOAP 1.1 on {@code /PersistentChat/MGCWebService.asmx}, parsed with a hardened StAX reader. */
package org.pchat.server.web.soap;
