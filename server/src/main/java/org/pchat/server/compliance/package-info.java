/** The compliance service: chat events recorded through a transactional outbox, relayed, exported exactly once. */
package org.pchat.server.compliance;
