package org.pchat.interop.support;

/**
 * One XCCOS command sent in an INFO: its envelope id (what the reply's {@code commandid/@envid} must echo,
 * xccos.md §3.3) and the SIP answer to the INFO itself.
 *
 * @param commandId e.g. {@code cmd:join}
 * @param envid the envelope id sent
 * @param info the final response to the INFO
 */
public record CommandExchange(String commandId, long envid, SipOutcome info) {
}
