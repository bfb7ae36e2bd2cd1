/** Repositories on jOOQ over the content and compliance databases: typed queries only. */
package org.pchat.server.store;
