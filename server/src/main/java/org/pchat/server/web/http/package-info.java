/** HTTP plumbing shared by the routes: RFC 9457 problem bodies, bounded JSON bodies, parameter parsing. */
package org.pchat.server.web.http;
