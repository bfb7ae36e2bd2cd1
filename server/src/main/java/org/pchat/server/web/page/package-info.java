/** The room management web page: login form, room list, create and edit forms, server-rendered with escaping templates and CSRF tokens. */
package org.pchat.server.web.page;
