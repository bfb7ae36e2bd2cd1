/** RFC 4475 torture messages replayed against the proxy. */
package org.pchat.proxy.torture;
