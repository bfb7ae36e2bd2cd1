package org.pchat.interop.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Everything the server sent one test client in INFO bodies it answered 200 to, in arrival order, with
 * waits that fail with "Expected X (but Y)" listing what did arrive.
 */
public final class XccosInbox {
    private static final Duration POLL = Duration.ofMillis(20);

    private final String identity;
    private final Duration timeout;
    private final List<XccosEnvelope> envelopes = new CopyOnWriteArrayList<>();
    private final List<String> problems = new CopyOnWriteArrayList<>();

    XccosInbox(String identity, Duration timeout) {
        this.identity = identity;
        this.timeout = timeout;
    }

    void add(XccosEnvelope envelope) {
        envelopes.add(envelope);
    }

    /** Records something wrong with what the server sent (shown in every failure message). */
    void problem(String description) {
        problems.add(description);
    }

    /** What was wrong with server INFOs (wrong content type, unreadable bodies). */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    /** Every envelope received so far. */
    public List<XccosEnvelope> envelopes() {
        return List.copyOf(envelopes);
    }

    /** Every reply received so far. */
    public List<XccosReply> replies() {
        return envelopes.stream().flatMap(e -> e.replies().stream()).toList();
    }

    /** Every notice received so far. */
    public List<XccosNotice> notices() {
        return envelopes.stream().flatMap(e -> e.notices().stream()).toList();
    }

    /** Every live {@code grpchat} received so far. */
    public List<XccosGroupChat> groupChats() {
        return envelopes.stream().flatMap(e -> e.groupChats().stream()).toList();
    }

    /** Waits for the {@code rpl} whose {@code commandid/@envid} is {@code envid} (xccos.md §3.3). */
    public XccosReply awaitReply(long envid, String commandId) {
        return awaitFirst(() -> replies().stream().filter(r -> r.commandEnvid() == envid).findFirst(),
                "a reply to " + commandId + " with commandid envid=" + Long.toUnsignedString(envid));
    }

    /**
     * Waits until a post is either echoed ({@code grpchat} in {@code room} with {@code text}) or refused by an
     * {@code rpl} with a non-200 resp whose {@code commandid/@envid} is the post's envelope id.
     */
    public PostOutcome awaitPostOutcome(CommandExchange post, RoomUri room, String text) {
        return awaitFirst(() -> {
            Optional<XccosReply> refusal = replies().stream()
                    .filter(r -> r.commandEnvid() == post.envid() && !r.isSuccess()).findFirst();
            if (refusal.isPresent()) {
                return Optional.of(new PostOutcome(false, post.info(), refusal, Optional.empty()));
            }
            return groupChats().stream().filter(g -> g.isIn(room) && g.text().equals(text)).findFirst()
                    .map(echo -> new PostOutcome(true, post.info(), Optional.empty(), Optional.of(echo)));
        }, "the echo of '" + text + "' in " + room + " or an error rpl for envid="
                + Long.toUnsignedString(post.envid()));
    }

    /** Waits for a notice with this id matching {@code condition}. */
    public XccosNotice awaitNotice(String id, Predicate<XccosNotice> condition, String description) {
        return awaitFirst(() -> notices().stream().filter(n -> id.equals(n.id()) && condition.test(n)).findFirst(),
                id + " " + description);
    }

    /** Waits for {@code ntc:join} or {@code ntc:bjoin} reporting {@code user} in {@code room} (xccos.md §4.8). */
    public Presence awaitJoined(String user, RoomUri room) {
        return awaitFirst(() -> notices().stream().filter(n -> n.id().equals("ntc:join") || n.id().equals("ntc:bjoin"))
                .flatMap(n -> n.joined().stream()).filter(p -> p.is(user, room)).findFirst(),
                "ntc:join reporting " + user + " in " + room);
    }

    /** Waits for {@code ntc:part} reporting {@code user} leaving {@code room} (xccos.md §4.8). */
    public Presence awaitParted(String user, RoomUri room) {
        return awaitFirst(() -> notices().stream().filter(n -> n.id().equals("ntc:part"))
                .flatMap(n -> n.parted().stream()).filter(p -> p.is(user, room)).findFirst(),
                "ntc:part reporting " + user + " leaving " + room);
    }

    /** Waits for a live {@code grpchat} in {@code room} with exactly this text (xccos.md §5.2). */
    public XccosGroupChat awaitPost(RoomUri room, String text) {
        return awaitGroupChat(g -> g.isIn(room) && g.text().equals(text), "grpchat '" + text + "' in " + room);
    }

    /** Waits for a live {@code grpchat} matching {@code condition}. */
    public XccosGroupChat awaitGroupChat(Predicate<XccosGroupChat> condition, String description) {
        return awaitFirst(() -> groupChats().stream().filter(condition).findFirst(), description);
    }

    /**
     * Asserts that no live {@code grpchat} matching {@code condition} arrives during {@code window}.
     */
    public void assertNoGroupChat(Predicate<XccosGroupChat> condition, String description, Duration window) {
        try {
            await().during(window).atMost(window.plus(Duration.ofSeconds(2))).pollInterval(POLL)
                    .until(() -> groupChats().stream().noneMatch(condition));
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(identity + ": expected no " + description + " (but got "
                    + groupChats().stream().filter(condition).toList() + ")", e);
        }
    }

    private <T> T awaitFirst(Supplier<Optional<T>> lookup, String what) {
        List<T> found = new ArrayList<>(1);
        try {
            await().atMost(timeout).pollDelay(Duration.ZERO).pollInterval(POLL).until(() -> {
                Optional<T> hit = lookup.get();
                hit.ifPresent(found::add);
                return hit.isPresent();
            });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(identity + ": expected " + what + " within " + timeout.toSeconds() + " s (but got "
                    + summary() + ")", e);
        }
        return found.get(0);
    }

    /** What arrived so far, one short entry per element, for failure messages. */
    public String summary() {
        String received = envelopes.isEmpty() ? "nothing" : envelopes.stream().flatMap(e -> e.elements().stream())
                .map(XccosInbox::describe).collect(Collectors.joining(", ", "[", "]"));
        return problems.isEmpty() ? received : received + "; problems: " + problems;
    }

    private static String describe(XccosElement element) {
        if (element instanceof XccosReply r) {
            return r.id() + "(envid=" + Long.toUnsignedString(r.commandEnvid()) + ", " + r.code() + ")";
        }
        if (element instanceof XccosNotice n) {
            return n.id();
        }
        if (element instanceof XccosGroupChat g) {
            return "grpchat(" + g.author() + ": " + g.text() + ")";
        }
        return ((XccosOther) element).element().name();
    }
}
