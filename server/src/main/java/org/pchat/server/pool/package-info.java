/**
 * The pool of chat nodes (ARCHITECTURE.md §2, §4): membership and messaging over TCP 8011 with JGroups, active and
 * standby roles with promotion, cross-node delivery of room events, and pool administration.
 */
package org.pchat.server.pool;
