/** A small SIP endpoint over JAIN-SIP RI: listening points, transactions, dialogs, RFC 4028 session timers. */
package org.pchat.sip;
