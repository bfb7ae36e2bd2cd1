package org.pchat.sip;

import gov.nist.javax.sip.header.extensions.MinSE;
import gov.nist.javax.sip.header.extensions.SessionExpiresHeader;
import java.text.ParseException;
import java.util.ListIterator;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.sip.header.Header;
import javax.sip.header.HeaderFactory;
import javax.sip.message.Message;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * RFC 4028 session timers, UAS side, with the peer (UAC) as refresher. The 2xx to INVITE and to UPDATE
 * carries {@code Session-Expires: N;refresher=uac}; each such 2xx (re)arms the dialog's expiry; a session not
 * refreshed within N seconds plus slack is handed to {@code onExpired} (which sends BYE). One shared scheduler.
 *
 * <p>Deviations, on purpose: RFC 4028 §10 recommends the non-refresher send BYE min(32, N/3) s <i>before</i>
 * expiry; Lync-protocol clients (SIPE) refresh only 10 s before expiry, so we send BYE min(32, N/3) s
 * <i>after</i> it. And we add Session-Expires even when the UAC did not announce {@code Supported: timer}
 * (Lync clients refresh when they see it, xccos.md §2.1); {@code Require: timer} is added only when the UAC
 * supports the extension (RFC 4028 §9, RFC 3261 §8.2.2.3).
 */
final class SessionTimer {

    private static final Logger LOG = LoggerFactory.getLogger(SessionTimer.class);
    static final String SESSION_EXPIRES = "Session-Expires";
    static final String MIN_SE = "Min-SE";
    static final String TIMER = "timer";

    private final SipStackConfig config;
    private final HeaderFactory headers;
    private final ScheduledExecutorService scheduler;
    private final Consumer<DialogHandle> onExpired;
    private final Map<DialogHandle, ScheduledFuture<?>> armed = new ConcurrentHashMap<>();

    SessionTimer(SipStackConfig config, HeaderFactory headers, ScheduledExecutorService scheduler,
                 Consumer<DialogHandle> onExpired) {
        this.config = config;
        this.headers = headers;
        this.scheduler = scheduler;
        this.onExpired = onExpired;
    }

    /**
     * RFC 4028 §8.1/§9: a request asking for a session interval below our Min-SE must get 422. Returns the
     * interval asked for when it is too small.
     */
    OptionalInt tooSmall(Request request) {
        OptionalInt asked = sessionExpires(request);
        if (asked.isPresent() && asked.getAsInt() < config.minSessionExpiresSeconds()) {
            return asked;
        }
        return OptionalInt.empty();
    }

    /** The 422 Session Interval Too Small answer's Min-SE header. */
    Header minSeHeader() throws ParseException {
        return headers.createHeader(MIN_SE, Integer.toString(config.minSessionExpiresSeconds()));
    }

    /**
     * The interval for this session: ours, lowered to the peer's Session-Expires if it asked for less, never
     * below the peer's Min-SE (RFC 4028 §9).
     */
    int negotiate(Request request) {
        int interval = config.sessionExpiresSeconds();
        OptionalInt asked = sessionExpires(request);
        if (asked.isPresent()) {
            interval = Math.min(interval, asked.getAsInt());
        }
        OptionalInt peerMin = minSe(request);
        if (peerMin.isPresent()) {
            interval = Math.max(interval, peerMin.getAsInt());
        }
        return Math.max(interval, config.minSessionExpiresSeconds());
    }

    /** Adds Session-Expires (refresher=uac), Supported: timer and, if the UAC supports it, Require: timer. */
    void decorate(Request request, Response response, int interval) throws ParseException {
        response.setHeader(headers.createHeader(SESSION_EXPIRES, interval + ";refresher=uac"));
        if (!hasOptionTag(response, "Supported", TIMER)) {
            response.addHeader(headers.createSupportedHeader(TIMER));
        }
        if (uacSupportsTimer(request) && !hasOptionTag(response, "Require", TIMER)) {
            response.addHeader(headers.createRequireHeader(TIMER));
        }
    }

    /** (Re)starts the expiry of a refreshed or new session. */
    void arm(DialogHandle dialog, int interval) {
        long delayMillis = interval * 1000L + slackMillis(interval);
        try {
            ScheduledFuture<?> next = scheduler.schedule(() -> expire(dialog), delayMillis, TimeUnit.MILLISECONDS);
            ScheduledFuture<?> previous = armed.put(dialog, next);
            if (previous != null) {
                previous.cancel(false);
            }
            if (dialog.isTerminated()) {
                cancel(dialog);
            }
            LOG.debug("session timer armed: call-id={} peer={} interval={}s expires-in={}ms", dialog.callId(),
                    dialog.flow(), interval, delayMillis);
        } catch (RejectedExecutionException e) {
            LOG.debug("session timer not armed, endpoint closing: call-id={} peer={}", dialog.callId(),
                    dialog.flow());
        }
    }

    void cancel(DialogHandle dialog) {
        ScheduledFuture<?> task = armed.remove(dialog);
        if (task != null) {
            task.cancel(false);
        }
    }

    /** Slack after expiry before BYE: min(32 s, N/3), see the class comment. */
    static long slackMillis(int interval) {
        return Math.min(32_000L, interval * 1000L / 3);
    }

    private void expire(DialogHandle dialog) {
        armed.remove(dialog);
        if (dialog.isTerminated()) {
            return;
        }
        LOG.info("session expired without refresh (RFC 4028 §10): call-id={} peer={}", dialog.callId(),
                dialog.flow());
        onExpired.accept(dialog);
    }

    static OptionalInt sessionExpires(Message message) {
        Header header = message.getHeader(SESSION_EXPIRES);
        if (header instanceof SessionExpiresHeader se) {
            return OptionalInt.of(se.getExpires());
        }
        return header == null ? OptionalInt.empty() : leadingInt(header);
    }

    static OptionalInt minSe(Message message) {
        Header header = message.getHeader(MIN_SE);
        if (header instanceof MinSE min) {
            return OptionalInt.of(min.getExpires());
        }
        return header == null ? OptionalInt.empty() : leadingInt(header);
    }

    private static OptionalInt leadingInt(Header header) {
        String text = header.toString();
        int colon = text.indexOf(':');
        String value = text.substring(colon + 1).trim();
        int end = 0;
        while (end < value.length() && Character.isDigit(value.charAt(end))) {
            end++;
        }
        if (end == 0 || end > 9) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(Integer.parseInt(value.substring(0, end)));
    }

    static boolean uacSupportsTimer(Request request) {
        return hasOptionTag(request, "Supported", TIMER) || hasOptionTag(request, "Require", TIMER);
    }

    private static boolean hasOptionTag(Message message, String headerName, String tag) {
        ListIterator<?> values = message.getHeaders(headerName);
        while (values != null && values.hasNext()) {
            String text = values.next().toString().toLowerCase(Locale.ROOT);
            String list = text.substring(text.indexOf(':') + 1);
            for (String token : list.split(",")) {
                if (token.trim().equals(tag)) {
                    return true;
                }
            }
        }
        return false;
    }
}
