/** Room model rules (scope, privacy, roles) and the directory's admin and read-side services. */
package org.pchat.server.rooms;
