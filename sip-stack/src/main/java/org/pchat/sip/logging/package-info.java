/** Bridges from JAIN-SIP RI's StackLogger and ServerLogger to SLF4J, so log4j 1.x is never needed. */
package org.pchat.sip.logging;
