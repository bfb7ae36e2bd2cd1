/** The node's meters (sessions, posts, deliveries, latencies, files, HTTP, database pools, JVM) on one Micrometer registry. */
package org.pchat.server.web.metrics;
