/** Test peers for the proxy: raw SIP clients, a digest calculator, an in-memory credential store, a fake node. */
package org.pchat.proxy.support;
