/** Files posted to rooms: the pluggable file store, unique names, links, limits and the access-checked upload and download service. */
package org.pchat.server.files;
