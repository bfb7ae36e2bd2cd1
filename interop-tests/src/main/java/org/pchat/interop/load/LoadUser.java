package org.pchat.interop.load;

import io.netty.channel.Channel;
import io.netty.channel.SimpleChannelInboundHandler;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the drivers need of a simulated user whatever its protocol: its connection's event loop to hand work to,
 * a sweep of requests that timed out, and a clean end of its session. Subclasses keep all their state on that
 * event loop.
 *
 * @param <I> the frames the user's pipeline delivers to it
 */
abstract class LoadUser<I> extends SimpleChannelInboundHandler<I> {
    /** Set when the connection becomes active. */
    protected Channel channel;

    /** Runs work on this user's event loop; false when it has no live connection. */
    final boolean run(Runnable work) {
        Channel c = channel;
        if (c == null || !c.isActive()) {
            return false;
        }
        c.eventLoop().execute(work);
        return true;
    }

    /**
     * Hands a post to this user's event loop, counted in {@code handedOff} until it has run (the drain waits for
     * posts handed over but not yet in the ledger); false when the user is gone.
     */
    final boolean runHandedOff(AtomicInteger handedOff, Runnable post) {
        handedOff.incrementAndGet();
        if (run(() -> {
            try {
                post.run();
            } finally {
                handedOff.decrementAndGet();
            }
        })) {
            return true;
        }
        handedOff.decrementAndGet();
        return false;
    }

    /** Fails what waited longer than the operation timeout (on the event loop). */
    abstract void sweep();

    /** Ends the session the protocol's way (on the event loop). */
    abstract void end();

    /** Whether the session is signed in or ending. */
    abstract boolean open();

    /** Sweeps every user on its own event loop. */
    static void sweepAll(LoadUser<?>[] users) {
        for (LoadUser<?> user : users) {
            if (user != null) {
                user.run(user::sweep);
            }
        }
    }

    /** Ends every session and waits up to 10 s for them to close. */
    static void endAll(LoadUser<?>[] users) throws InterruptedException {
        for (LoadUser<?> user : users) {
            if (user != null) {
                user.run(user::end);
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline && anyOpen(users)) {
            Thread.sleep(100);
        }
    }

    private static boolean anyOpen(LoadUser<?>[] users) {
        for (LoadUser<?> user : users) {
            if (user != null && user.open()) {
                return true;
            }
        }
        return false;
    }
}
