/** Password material derived with JDK crypto: PBKDF2, SIP digest HA1, SCRAM keys; verification helpers. */
package org.pchat.server.domain.credentials;
