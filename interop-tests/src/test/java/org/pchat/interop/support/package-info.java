/** Black-box test support: server processes, CLI runs, a JAIN-SIP XCCOS client and codec, raw SIP, sipp. */
package org.pchat.interop.support;
