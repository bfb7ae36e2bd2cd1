package org.pchat.sip;

import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.parser.StringMsgParser;
import java.security.SecureRandom;
import java.text.ParseException;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * In-dialog requests written straight to a TCP connection from a {@link DialogRequestTemplate}, without a
 * JAIN-SIP client transaction, and their responses. Over a reliable transport a non-INVITE client transaction
 * only matches the response by the branch of its top Via and runs Timer F (RFC 3261 §17.1.2, §17.1.3): that is
 * what this does, for every such request at once, instead of a transaction object, a timer task and a full
 * parse of each 200.
 *
 * <p>Branches are {@code z9hG4bK} (§8.1.1.7), a random prefix of this endpoint and a counter, so they are unique
 * and a response is recognised as ours from its branch alone. The connection hands every response here before
 * parsing it ({@link #take}); only one of ours that is not a 2xx is parsed, to be reported as
 * {@link RequestOutcome.Rejected}.
 */
final class DirectRequests implements ResponseShortcut {

    private static final Logger LOG = LoggerFactory.getLogger(DirectRequests.class);

    private final String branchPrefix;
    private final long timeoutMillis;
    private final AtomicLong sequence = new AtomicLong();
    private final Map<String, Sent> inFlight = new ConcurrentHashMap<>();

    private record Sent(PendingRequest request, long sentAtNanos) {
    }

    /** @param timeoutMillis Timer F: 64*T1 */
    DirectRequests(long timeoutMillis) {
        this.timeoutMillis = timeoutMillis;
        this.branchPrefix = "z9hG4bKd" + Long.toHexString(new SecureRandom().nextLong() >>> 1) + ".";
    }

    /** A new branch, unique to this endpoint and this request. */
    String newBranch() {
        return branchPrefix + Long.toString(sequence.incrementAndGet(), 36);
    }

    /** Whether a top Via branch belongs to a request sent here. */
    boolean owns(String branch) {
        return branch != null && branch.startsWith(branchPrefix);
    }

    /** Records a request about to be written (before it is, so its answer cannot come first). */
    void sending(String branch, PendingRequest request) {
        inFlight.put(branch, new Sent(request, System.nanoTime()));
    }

    /** The request was not written after all; its outcome is the caller's. */
    void notSent(String branch) {
        inFlight.remove(branch);
    }

    /** A response with one of our branches is answered here; its head is parsed only when it is not a 2xx. */
    @Override
    public boolean take(SipStreamFramer.Frame.Message response) {
        String branch = response.topViaBranch();
        if (!owns(branch)) {
            return false;
        }
        answer(branch, response.statusCode(), () -> parse(response));
        return true;
    }

    private static Response parse(SipStreamFramer.Frame.Message response) {
        try {
            SIPMessage parsed = new StringMsgParser().parseSIPMessage(response.head(), false, false, null);
            return parsed instanceof Response r ? r : null;
        } catch (ParseException e) {
            LOG.debug("unparsable response dropped: {}", e.getMessage());
            return null;
        }
    }

    /**
     * A response whose top Via carries {@code branch}, which {@link #owns} says is ours. A provisional response is
     * ignored (§17.1.2.2); the first final response completes the request and later ones are dropped.
     *
     * @param parsed the response parsed, asked for only when the status is not 2xx; null if it does not parse
     */
    void answer(String branch, int status, Supplier<Response> parsed) {
        if (status < 200) {
            return;
        }
        Sent sent = inFlight.remove(branch);
        if (sent == null) {
            LOG.debug("{} answer for branch {} that is no longer awaited dropped", status, branch);
            return;
        }
        if (status < 300) {
            sent.request().complete(new RequestOutcome.Success(status));
            return;
        }
        Response response = parsed.get();
        sent.request().complete(response != null ? new RequestOutcome.Rejected(response)
                : new RequestOutcome.Failed(sent.request().method() + " answered " + status
                        + " in a response that does not parse, from " + sent.request().peer()));
    }

    /** Timer F for every request in flight: those unanswered for 64*T1 time out. Runs once a second. */
    void expire() {
        long now = System.nanoTime();
        long limit = timeoutMillis * 1_000_000L;
        Iterator<Map.Entry<String, Sent>> entries = inFlight.entrySet().iterator();
        while (entries.hasNext()) {
            Map.Entry<String, Sent> entry = entries.next();
            Sent sent = entry.getValue();
            if (now - sent.sentAtNanos() >= limit && inFlight.remove(entry.getKey(), sent)) {
                sent.request().complete(new RequestOutcome.TimedOut(sent.request().method(), timeoutMillis));
            }
        }
    }

    /** Requests written and not answered yet. */
    int inFlight() {
        return inFlight.size();
    }
}
