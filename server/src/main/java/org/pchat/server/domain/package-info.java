/** Domain values of the chat directory and history: users, categories, rooms, roles, principals, messages. */
package org.pchat.server.domain;
