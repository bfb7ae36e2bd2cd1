package org.pchat.interop.load;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Every setting of one XMPP load run, validated. The same settings drive pchat, Prosody and ejabberd.
 *
 * @param host          the server's address
 * @param port          its client port (plain TCP; the driver does not use TLS, so run on loopback)
 * @param domain        the XMPP domain users sign in to
 * @param mucDomain     the Multi-User Chat service's domain
 * @param userPrefix    user names are this prefix and the user's number
 * @param password      every user's password
 * @param users         users to sign in
 * @param roomSize      occupants per room
 * @param roomsPerUser  rooms each user is in (occupants = users × roomsPerUser); 0: no rooms
 * @param roomPrefix    room local parts are this prefix and the room's number
 * @param rates         post rates (posts/s over all rooms) to step through; empty: no posts
 * @param step          measured time of each step
 * @param warmup        unmeasured time before each step's measured time
 * @param p99LimitMs    the delivery p99 a step must stay within to count
 * @param allSteps      run every step even after one failed its limit
 * @param mamRoom       a room to read MAM pages from ({@code room@muc}), if any
 * @param mamRate       MAM page queries/s
 * @param register      register each user in band (XEP-0077) before signing in; "already exists" is fine
 * @param sasl          scram, plain or auto (SCRAM-SHA-1 when offered)
 * @param rampRate      sign-ins started per second
 * @param maxInFlight   sign-ins (and join batches) under way at once
 * @param threads       the driver's event-loop threads
 * @param opTimeout     a request without answer for this long is a failure
 * @param drain         wait for deliveries after each step
 * @param serverPid     the server process to measure, if known
 * @param jsonOut       where to write the figures as JSON, if anywhere
 * @param exact         check every post reached every joined member exactly once
 * @param label         a name for the run (the server's name in side-by-side runs)
 */
record XmppLoadOptions(String host, int port, String domain, String mucDomain, String userPrefix, String password,
        int users, int roomSize, int roomsPerUser, String roomPrefix, List<Double> rates, Duration step,
        Duration warmup, double p99LimitMs, boolean allSteps, Optional<String> mamRoom, double mamRate,
        boolean register, String sasl, int rampRate, int maxInFlight, int threads, Duration opTimeout, Duration drain,
        Optional<Long> serverPid, Optional<Path> jsonOut, boolean exact, String label) {

    XmppLoadOptions {
        rates = List.copyOf(rates);
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("--server port " + port + " is not a port (1-65535)");
        }
        if (users < 1) {
            throw new IllegalArgumentException("--users " + users + " must be at least 1");
        }
        if (roomsPerUser < 0 || (roomsPerUser > 0 && (roomSize < 1 || roomSize > users))) {
            throw new IllegalArgumentException("--room-size " + roomSize + " must be between 1 and --users " + users
                    + " (with --rooms-per-user " + roomsPerUser + ")");
        }
        if (rates.stream().anyMatch(r -> r <= 0)) {
            throw new IllegalArgumentException("--rates " + rates + " must all be positive");
        }
        if (!rates.isEmpty() && roomsPerUser == 0) {
            throw new IllegalArgumentException("--rates " + rates + " needs rooms: --rooms-per-user is 0");
        }
        if (!sasl.equals("scram") && !sasl.equals("plain") && !sasl.equals("auto")) {
            throw new IllegalArgumentException("--sasl " + sasl + " is not one of scram, plain, auto");
        }
        if (mamRate < 0 || (mamRate > 0 && mamRoom.isEmpty())) {
            throw new IllegalArgumentException("--mam-rate " + mamRate + " needs --mam-room and must not be negative");
        }
        if (rampRate < 1 || maxInFlight < 1 || threads < 1) {
            throw new IllegalArgumentException("--ramp-rate " + rampRate + ", --in-flight " + maxInFlight
                    + " and --threads " + threads + " must be at least 1");
        }
        requireJidPart("--user-prefix", userPrefix, true);
        requireJidPart("--room-prefix", roomPrefix, true);
        requireJidPart("--domain", domain, false);
        requireJidPart("--muc-domain", mucDomain, false);
        if (step.isNegative() || step.isZero() || warmup.isNegative() || p99LimitMs <= 0) {
            throw new IllegalArgumentException("--step " + step + " must be positive, --warmup " + warmup
                    + " not negative, --p99-limit " + p99LimitMs + " positive");
        }
    }

    /**
     * Refuses what may not stand in a JID part (RFC 7622 §3.3.1 for local parts: no {@code " & ' / : < > @} or
     * white space; a domain part may not be empty or hold {@code @ /} either): the driver builds JIDs from these.
     */
    private static void requireJidPart(String option, String value, boolean mayBeEmpty) {
        if (value.isEmpty() && !mayBeEmpty) {
            throw new IllegalArgumentException(option + " must not be empty");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ("\"&'/:<>@".indexOf(c) >= 0 || Character.isWhitespace(c) || Character.isISOControl(c)) {
                throw new IllegalArgumentException(option + " '" + value + "' holds '" + c
                        + "', which may not stand in a JID (RFC 7622 §3.3.1)");
            }
        }
    }

    /** Rooms of the run: enough for every occupant. */
    int rooms() {
        return roomsPerUser == 0 ? 0 : (int) ((long) users * roomsPerUser + roomSize - 1) / roomSize;
    }
}
