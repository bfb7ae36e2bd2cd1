/** The node's HTTP server: REST API, room management page, file web services, health and metrics on one port. */
package org.pchat.server.web;
