package org.pchat.proxy.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed authentications per source address in a sliding window; an address at the limit is refused
 * without checking its credentials until its oldest failure leaves the window (password guessing costs time).
 */
public final class AuthThrottle {

    /** Addresses tracked at once; beyond that the table is swept of expired entries first. */
    static final int MAX_ADDRESSES = 100_000;

    private final Clock clock;
    private final int limit;
    private final Duration window;
    private final Map<String, Deque<Long>> failures = new ConcurrentHashMap<>();

    public AuthThrottle(Clock clock, int limit, Duration window) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.limit = limit;
        this.window = Objects.requireNonNull(window, "window");
    }

    /** Whether {@code address} has reached the limit of failures within the window. */
    public boolean isThrottled(String address) {
        Deque<Long> times = failures.get(address);
        if (times == null) {
            return false;
        }
        synchronized (times) {
            expire(times, clock.millis());
            return times.size() >= limit;
        }
    }

    /** Records one failure of {@code address}. */
    public void recordFailure(String address) {
        if (failures.size() >= MAX_ADDRESSES) {
            sweep();
        }
        Deque<Long> times = failures.computeIfAbsent(address, a -> new ArrayDeque<>());
        synchronized (times) {
            long now = clock.millis();
            expire(times, now);
            times.addLast(now);
            while (times.size() > limit) {
                times.removeFirst();
            }
        }
    }

    /** A success clears the address's record. */
    public void recordSuccess(String address) {
        failures.remove(address);
    }

    /** Failures of {@code address} within the window. */
    public int failures(String address) {
        Deque<Long> times = failures.get(address);
        if (times == null) {
            return 0;
        }
        synchronized (times) {
            expire(times, clock.millis());
            return times.size();
        }
    }

    private void sweep() {
        long now = clock.millis();
        for (Iterator<Map.Entry<String, Deque<Long>>> it = failures.entrySet().iterator(); it.hasNext(); ) {
            Deque<Long> times = it.next().getValue();
            synchronized (times) {
                expire(times, now);
                if (times.isEmpty()) {
                    it.remove();
                }
            }
        }
    }

    private void expire(Deque<Long> times, long now) {
        long oldest = now - window.toMillis();
        while (!times.isEmpty() && times.peekFirst() < oldest) {
            times.removeFirst();
        }
    }
}
