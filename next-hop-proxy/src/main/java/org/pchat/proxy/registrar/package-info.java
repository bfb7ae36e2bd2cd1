/** The registrar (RFC 3261 §10): bindings of users' addresses of record to contacts, with expiry. */
package org.pchat.proxy.registrar;
