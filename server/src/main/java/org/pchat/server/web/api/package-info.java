/** The REST API (JSON): categories, rooms, roles, history and files, with the room model's rules on every call. */
package org.pchat.server.web.api;
