package org.pchat.proxy.registrar;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.pchat.sip.Flow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registrar and location service (RFC 3261 §10.3): bindings per address of record, in memory, with expiry,
 * several devices per user (the oldest gives way beyond the limit) and removal by {@code Expires: 0}.
 * Thread-safe; each user's bindings change atomically.
 */
public final class Registrar {

    private static final Logger LOG = LoggerFactory.getLogger(Registrar.class);

    private final String proxyName;
    private final Clock clock;
    private final int minExpires;
    private final int defaultExpires;
    private final int maxExpires;
    private final int maxPerUser;
    private final int maxTotal;
    private final Map<String, List<Binding>> byAor = new ConcurrentHashMap<>();
    private final AtomicInteger total = new AtomicInteger();

    public Registrar(String proxyName, Clock clock, int minExpires, int defaultExpires, int maxExpires,
                     int maxPerUser, int maxTotal) {
        this.proxyName = Objects.requireNonNull(proxyName, "proxyName");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.minExpires = minExpires;
        this.defaultExpires = defaultExpires;
        this.maxExpires = maxExpires;
        this.maxPerUser = maxPerUser;
        this.maxTotal = maxTotal;
    }

    /** Applies a REGISTER. */
    public RegisterResult register(RegisterRequest request) {
        if (request.star()) {
            if (!request.contacts().isEmpty() || request.expires().orElse(-1) != 0) {
                return new RegisterResult.Invalid("Contact * needs Expires: 0 and no other contact");
            }
            removeAll(request.aor());
            LOG.info("{} - all bindings removed: user={} call-id={} peer={}", proxyName, request.aor(),
                    request.callId(), request.flow());
            return new RegisterResult.Registered(List.of(), 0);
        }
        int granted = 0;
        for (ContactSpec contact : request.contacts()) {
            int asked = contact.expires().orElse(request.expires().orElse(defaultExpires));
            if (asked != 0 && asked < minExpires) {
                return new RegisterResult.IntervalTooBrief(minExpires);
            }
        }
        long now = clock.millis();
        Holder<RegisterResult> failure = new Holder<>();
        List<Binding> after = byAor.compute(request.aor(), (aor, current) -> {
            List<Binding> list = current == null ? new ArrayList<>() : new ArrayList<>(current);
            int before = list.size();
            list.removeIf(b -> b.expiresAtMillis() <= now);
            for (ContactSpec contact : request.contacts()) {
                int asked = contact.expires().orElse(request.expires().orElse(defaultExpires));
                int expires = Math.min(asked, maxExpires);
                Optional<Binding> existing = list.stream()
                        .filter(b -> b.sameContact(contact.uri(), contact.instanceId())).findFirst();
                if (existing.isPresent() && existing.get().callId().equals(request.callId())
                        && request.cseq() < existing.get().cseq()) {
                    failure.value = new RegisterResult.OutOfOrder("CSeq " + request.cseq() + " is older than "
                            + existing.get().cseq());
                    return current;
                }
                existing.ifPresent(list::remove);
                if (expires == 0) {
                    continue;
                }
                if (existing.isEmpty() && total.get() - before + list.size() >= maxTotal) {
                    failure.value = new RegisterResult.Full("registrar holds " + maxTotal + " bindings");
                    return current;
                }
                list.add(new Binding(aor, contact.uri(), contact.instanceId(), request.flow(),
                        contact.reachViaFlow(), request.callId(), request.cseq(),
                        existing.map(Binding::registeredAtMillis).orElse(now), now + expires * 1000L));
            }
            while (list.size() > maxPerUser) {
                Binding oldest = list.stream().min(Comparator.comparingLong(Binding::registeredAtMillis))
                        .orElseThrow();
                list.remove(oldest);
                LOG.info("{} - oldest binding of {} gives way ({} devices max): contact={}", proxyName, aor,
                        maxPerUser, oldest.contactUri());
            }
            total.addAndGet(list.size() - (current == null ? 0 : current.size()));
            return list.isEmpty() ? null : List.copyOf(list);
        });
        if (failure.value != null) {
            return failure.value;
        }
        List<Binding> bindings = after == null ? List.of() : after;
        for (ContactSpec contact : request.contacts()) {
            int asked = contact.expires().orElse(request.expires().orElse(defaultExpires));
            granted = Math.max(granted, Math.min(asked, maxExpires));
        }
        LOG.info("{} - registered: user={} contacts={} expires={} call-id={} peer={}", proxyName, request.aor(),
                bindings.size(), granted, request.callId(), request.flow());
        return new RegisterResult.Registered(bindings, granted);
    }

    /** The live bindings of a user, newest first. */
    public List<Binding> lookup(String aor) {
        List<Binding> list = byAor.get(aor);
        if (list == null) {
            return List.of();
        }
        long now = clock.millis();
        if (list.size() == 1) { // the common case, on every request to a user: no stream, no sort
            Binding only = list.get(0);
            return only.expiresAtMillis() > now ? list : List.of();
        }
        return list.stream().filter(b -> b.expiresAtMillis() > now)
                .sorted(Comparator.comparingLong(Binding::registeredAtMillis).reversed()).toList();
    }

    /** The binding whose contact URI is {@code uri}, for in-dialog requests to a client that never listens. */
    public Optional<Binding> findByContact(String uri) {
        long now = clock.millis();
        for (List<Binding> list : byAor.values()) {
            for (Binding b : list) {
                if (b.expiresAtMillis() > now && b.contactUri().equalsIgnoreCase(uri)) {
                    return Optional.of(b);
                }
            }
        }
        return Optional.empty();
    }

    /** Whether a live binding of {@code aor} was made over {@code flow}. */
    public boolean hasBindingOn(String aor, Flow flow) {
        long now = clock.millis();
        return byAor.getOrDefault(aor, List.of()).stream()
                .anyMatch(b -> b.expiresAtMillis() > now && b.flow().equals(flow));
    }

    /** Drops expired bindings; returns how many. */
    public int purgeExpired() {
        long now = clock.millis();
        AtomicInteger removed = new AtomicInteger();
        for (String aor : List.copyOf(byAor.keySet())) {
            byAor.computeIfPresent(aor, (key, list) -> {
                List<Binding> live = list.stream().filter(b -> b.expiresAtMillis() > now).toList();
                removed.addAndGet(list.size() - live.size());
                total.addAndGet(live.size() - list.size());
                return live.isEmpty() ? null : live;
            });
        }
        return removed.get();
    }

    /** Bindings held in total. */
    public int size() {
        return total.get();
    }

    private void removeAll(String aor) {
        List<Binding> removed = byAor.remove(aor);
        if (removed != null) {
            total.addAndGet(-removed.size());
        }
    }

    private static final class Holder<T> {
        private T value;
    }
}
