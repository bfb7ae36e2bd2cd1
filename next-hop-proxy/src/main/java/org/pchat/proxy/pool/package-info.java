/** The chat pool behind the proxy: node health, load and per-user affinity. */
package org.pchat.proxy.pool;
