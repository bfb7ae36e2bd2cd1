/** Configuration: typed keys, layered sources (defaults, file, environment, flags), a record per component. */
package org.pchat.server.config;
