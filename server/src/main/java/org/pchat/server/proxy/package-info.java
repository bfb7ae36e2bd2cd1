/** Runs the next-hop proxy inside pchat: credentials from the content database, configuration, components. */
package org.pchat.server.proxy;
