/** Who is calling: HTTP Basic, bearer tokens and browser session cookies checked against the user store, with CSRF tokens and login throttling. */
package org.pchat.server.web.auth;
