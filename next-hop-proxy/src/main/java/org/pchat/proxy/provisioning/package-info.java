/** In-band provisioning answer ({@code vnd-microsoft-provisioning-v2}) that points clients at the chat pool. */
package org.pchat.proxy.provisioning;
