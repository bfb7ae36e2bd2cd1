package org.pchat.interop.load;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.string.StringEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays the XMPP workload against any XMPP server: signs every user in, fills rooms of {@code roomSize}
 * occupants (each room's first occupant creates it), then steps through post rates, each step a warm-up and a
 * measured time, until a step's delivery p99 exceeds the limit or loses a delivery: the last step within it is
 * the server's rate at that latency. MAM pages are read at their own rate throughout. Figures go into a
 * {@link LoadReport}, one set per step and the best step.
 */
final class XmppLoadDriver implements XmppLoadUser.Context, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(XmppLoadDriver.class);
    private static final long TICK_MS = 10;

    private final XmppLoadOptions options;
    private final LoadMetrics metrics;
    private final ScramSha1Client.Cache scramCache = new ScramSha1Client.Cache();
    private final XmppLoadUser[] users;
    private final AtomicInteger[] joinedCount;
    private final BitSet[] joinedSet;
    private final Semaphore inFlight;
    private final Semaphore joinsInFlight;
    private final AtomicInteger signedIn = new AtomicInteger();
    private final AtomicInteger signInsDone = new AtomicInteger();
    private final AtomicInteger active = new AtomicInteger();
    private final AtomicLong postIds = new AtomicLong();
    /** Posts handed to an event loop and not yet sent (so not yet in the metrics' ledger). */
    private final AtomicInteger handedOff = new AtomicInteger();
    private final EventLoopGroup group;
    private final DriverSelfCheck self;
    private final ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "xmpp-load-pacer");
        t.setDaemon(true);
        return t;
    });

    XmppLoadDriver(XmppLoadOptions options) {
        this.options = options;
        this.metrics = new LoadMetrics(options.exact());
        this.users = new XmppLoadUser[options.users()];
        int rooms = options.rooms();
        this.joinedCount = new AtomicInteger[rooms];
        this.joinedSet = new BitSet[rooms];
        for (int r = 0; r < rooms; r++) {
            joinedCount[r] = new AtomicInteger();
            joinedSet[r] = new BitSet();
        }
        this.inFlight = new Semaphore(options.maxInFlight());
        this.joinsInFlight = new Semaphore(options.maxInFlight());
        this.group = new MultiThreadIoEventLoopGroup(options.threads(), NioIoHandler.newFactory());
        this.self = new DriverSelfCheck(options.threads());
    }

    @Override
    public LoadMetrics metrics() {
        return metrics;
    }

    @Override
    public XmppLoadOptions options() {
        return options;
    }

    @Override
    public ScramSha1Client.Cache scramCache() {
        return scramCache;
    }

    @Override
    public String roomJid(int room) {
        return options.roomPrefix() + room + "@" + options.mucDomain();
    }

    @Override
    public void joined(int user, int room, boolean joined) {
        joinedCount[room].addAndGet(joined ? 1 : -1);
        synchronized (joinedSet[room]) {
            joinedSet[room].set(user, joined);
        }
    }

    @Override
    public void signedIn(XmppLoadUser user, boolean ok) {
        if (ok) {
            signedIn.incrementAndGet();
            active.incrementAndGet();
        }
        signInsDone.incrementAndGet();
        inFlight.release();
    }

    @Override
    public void dropped(XmppLoadUser user) {
        active.decrementAndGet();
    }

    /** The rooms a user is in: slot {@code j·users + u} of the occupant slots, {@code roomSize} slots a room. */
    int[] roomsOf(int user) {
        int[] rooms = new int[options.roomsPerUser()];
        for (int j = 0; j < rooms.length; j++) {
            rooms[j] = (int) (((long) j * options.users() + user) / options.roomSize());
        }
        return rooms;
    }

    /** The user whose join creates the room: its first slot's. */
    int creatorOf(int room) {
        return (int) ((long) room * options.roomSize() % options.users());
    }

    /** Runs the workload and returns its figures. */
    LoadReport run() throws InterruptedException {
        long runStart = System.nanoTime();
        ServerProbe server = options.serverPid().map(ServerProbe::new).orElse(null);
        self.probe(group);
        signIn();
        long signInEnd = System.nanoTime();
        LOG.info("xmpp load {} - {} of {} users signed in after {} s", options.label(), signedIn.get(), users.length,
                round((signInEnd - runStart) / 1e9));
        fillRooms();
        long joinEnd = System.nanoTime();
        int occupants = 0;
        for (AtomicInteger c : joinedCount) {
            occupants += c.get();
        }
        LOG.info("xmpp load {} - {} occupants in {} rooms after {} s", options.label(), occupants, joinedCount.length,
                round((joinEnd - signInEnd) / 1e9));
        int held = active.get();
        LoadReport report = new LoadReport(metrics.failures());
        report.put("label", options.label()).put("users", users.length).put("rooms", joinedCount.length)
                .put("room_size", options.roomSize()).put("occupants", occupants)
                .put("sign_in_s", round((signInEnd - runStart) / 1e9))
                .put("room_fill_s", round((joinEnd - signInEnd) / 1e9))
                .latency("sign_in", metrics.login, false).latency("join", metrics.join, false);
        List<Double> steps = options.rates().isEmpty() ? List.of(0.0) : options.rates();
        int best = -1;
        double bestDeliveries = 0;
        double bestP99 = Double.NaN;
        double bestPosts = 0;
        for (int s = 0; s < steps.size(); s++) {
            double rate = steps.get(s);
            long failuresBefore = metrics.failureCount();
            if (!options.warmup().isZero()) {
                ScheduledFuture<?> warm = pace(rate);
                Thread.sleep(options.warmup().toMillis());
                warm.cancel(false);
                drain();
            }
            metrics.resetMeasurements();
            metrics.measuring(true);
            double serverCpu0 = server == null ? Double.NaN : server.cpuSeconds();
            self.start();
            long start = System.nanoTime();
            ScheduledFuture<?> work = pace(rate);
            ScheduledFuture<?> sweeper = pacer.scheduleAtFixedRate(() -> LoadUser.sweepAll(users), 1, 1, TimeUnit.SECONDS);
            Thread.sleep(options.step().toMillis());
            work.cancel(false);
            double seconds = (System.nanoTime() - start) / 1e9;
            double serverCpu = server == null ? Double.NaN : (server.cpuSeconds() - serverCpu0) * 100 / seconds;
            double driverCpu = self.cpuPercent();
            boolean driverSaturated = self.late(false) && self.busy(driverCpu);
            drain();
            sweeper.cancel(false);
            metrics.measuring(false);
            long[] missing = metrics.missing();
            double deliveries = metrics.deliveries.sum() / seconds;
            double p99 = metrics.delivery.getValueAtPercentile(99) / 1000.0;
            boolean failed = metrics.failureCount() > failuresBefore || missing[1] > 0;
            boolean within = rate > 0 && !failed && p99 <= options.p99LimitMs();
            String p = "step" + (s + 1) + "_";
            report.put(p + "posts_target_per_s", round(rate))
                    .put(p + "posts_per_s", round(metrics.postsSent.sum() / seconds))
                    .put(p + "deliveries_per_s", round(deliveries))
                    .latency(p + "delivery", metrics.delivery, true)
                    .put(p + "deliveries_missing", missing[1])
                    .put(p + "server_cpu_pct", round(serverCpu)).put(p + "driver_cpu_pct", round(driverCpu))
                    .put(p + "driver_loop_lag_p99_ms", round(self.loopLagP99Ms()))
                    .put(p + "driver_saturated", driverSaturated)
                    .put(p + "within_limit", within);
            if (options.mamRate() > 0) {
                report.latency(p + "mam", metrics.history, true);
            }
            LOG.info("xmpp load {} - step {}: {} posts/s, {} deliveries/s, delivery p99 {} ms, {} missing, "
                    + "server CPU {} %, driver CPU {} %{}", options.label(), s + 1, round(rate), round(deliveries),
                    round(p99), missing[1], round(serverCpu), round(driverCpu),
                    driverSaturated ? " (driver saturated: this step measured the driver)" : "");
            if (within) {
                best = s + 1;
                bestDeliveries = deliveries;
                bestP99 = p99;
                bestPosts = metrics.postsSent.sum() / seconds;
            } else if (rate > 0 && !options.allSteps()) {
                break;
            }
        }
        int heldAtEnd = active.get();
        double rss = server == null ? Double.NaN : server.statusMib("VmRSS");
        double heap = server == null ? Double.NaN : server.heapAfterGcMib();
        LoadUser.endAll(users);
        report.put("sessions_held", Math.min(held, heldAtEnd))
                .put("best_step", best).put("best_posts_per_s", round(bestPosts))
                .put("best_deliveries_per_s", round(bestDeliveries)).put("best_delivery_p99_ms", round(bestP99))
                .put("p99_limit_ms", options.p99LimitMs())
                .put("deliveries_duplicate", metrics.duplicates.sum())
                .put("failed_operations", metrics.failureCount())
                .put("server_heap_after_gc_mib", round(heap)).put("server_rss_mib", round(rss))
                .put("cores", Runtime.getRuntime().availableProcessors());
        return report.withFailures(metrics.failures());
    }

    private ScheduledFuture<?> pace(double postRate) {
        Pacer p = new Pacer(postRate, options.mamRate());
        return pacer.scheduleAtFixedRate(p::tick, TICK_MS, TICK_MS, TimeUnit.MILLISECONDS);
    }

    private void signIn() throws InterruptedException {
        Bootstrap bootstrap = new Bootstrap().group(group).channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true).option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000);
        long interval = TimeUnit.SECONDS.toNanos(1) / options.rampRate();
        long next = System.nanoTime();
        StringEncoder encoder = new StringEncoder(StandardCharsets.UTF_8);
        ScheduledFuture<?> sweeper = pacer.scheduleAtFixedRate(() -> LoadUser.sweepAll(users), 1, 1, TimeUnit.SECONDS);
        for (int u = 0; u < users.length; u++) {
            inFlight.acquire();
            long wait = next - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            next += interval;
            XmppLoadUser user = new XmppLoadUser(u, this);
            users[u] = user;
            bootstrap.clone().handler(new ChannelInitializer<SocketChannel>() {
                @Override
                protected void initChannel(SocketChannel ch) {
                    ch.pipeline().addLast(new XmppFrameDecoder(1024 * 1024), encoder, user);
                }
            }).connect(options.host(), options.port()).addListener(f -> {
                if (!f.isSuccess()) {
                    user.connectFailed(f.cause());
                }
            });
            if (u > 0 && u % 1000 == 0) {
                LOG.info("xmpp load {} - {} sign-ins started, {} signed in", options.label(), u, signedIn.get());
            }
        }
        if (inFlight.tryAcquire(options.maxInFlight(), options.opTimeout().toMillis() * 2, TimeUnit.MILLISECONDS)) {
            inFlight.release(options.maxInFlight());
        }
        sweeper.cancel(false);
    }

    /** Creators make their rooms first (one join each), then everyone enters the rest, a bounded number at once. */
    private void fillRooms() throws InterruptedException {
        if (joinedCount.length == 0) {
            return;
        }
        List<List<Integer>> created = new ArrayList<>();
        for (int u = 0; u < users.length; u++) {
            created.add(new ArrayList<>());
        }
        for (int r = 0; r < joinedCount.length; r++) {
            created.get(creatorOf(r)).add(r);
        }
        ScheduledFuture<?> sweeper = pacer.scheduleAtFixedRate(() -> LoadUser.sweepAll(users), 1, 1, TimeUnit.SECONDS);
        joinAll(u -> created.get(u).stream().mapToInt(Integer::intValue).toArray());
        joinAll(u -> {
            List<Integer> mine = created.get(u);
            return java.util.Arrays.stream(roomsOf(u)).filter(r -> !mine.contains(r)).toArray();
        });
        sweeper.cancel(false);
    }

    private void joinAll(java.util.function.IntFunction<int[]> roomsOfUser) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(users.length);
        for (int u = 0; u < users.length; u++) {
            int[] rooms = roomsOfUser.apply(u);
            XmppLoadUser user = users[u];
            if (rooms.length == 0) {
                done.countDown();
                continue;
            }
            if (!joinsInFlight.tryAcquire(options.opTimeout().toMillis() * 2, TimeUnit.MILLISECONDS)) {
                metrics.failure("joins stalled: no answer to " + options.maxInFlight() + " join batches");
                return;
            }
            java.util.concurrent.atomic.AtomicBoolean once = new java.util.concurrent.atomic.AtomicBoolean();
            Runnable finished = () -> {
                if (once.compareAndSet(false, true)) {
                    joinsInFlight.release();
                    done.countDown();
                }
            };
            if (!user.run(() -> user.join(rooms, finished))) {
                finished.run();
            }
        }
        done.await(options.opTimeout().toMillis() * 2, TimeUnit.MILLISECONDS);
    }

    private void drain() throws InterruptedException {
        long deadline = System.nanoTime() + options.drain().toNanos();
        while (System.nanoTime() < deadline && (handedOff.get() > 0 || metrics.missing()[1] > 0)) {
            Thread.sleep(50);
        }
    }




    private static double round(double v) {
        return Double.isNaN(v) ? v : Math.round(v * 100) / 100.0;
    }

    /** Turns rates into posts and MAM queries, one tick at a time, on the pacer thread. */
    private final class Pacer {
        private final double postRate;
        private final double mamRate;
        private double posts;
        private double mams;
        private long last = System.nanoTime();

        Pacer(double postRate, double mamRate) {
            this.postRate = postRate;
            this.mamRate = mamRate;
        }

        void tick() {
            long now = System.nanoTime();
            double dt = (now - last) / 1e9;
            self.pacerLate((now - last) / 1_000 - TICK_MS * 1_000);
            last = now;
            posts += postRate * dt;
            mams += mamRate * dt;
            while (posts >= 1) {
                posts--;
                post();
            }
            while (mams >= 1) {
                mams--;
                XmppLoadUser user = users[ThreadLocalRandom.current().nextInt(users.length)];
                String room = options.mamRoom().orElseThrow();
                user.run(() -> user.mamPage(room));
            }
        }

        private void post() {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            int room = random.nextInt(joinedCount.length);
            long slot = (long) room * options.roomSize() + random.nextInt(options.roomSize());
            long slots = (long) options.users() * options.roomsPerUser();
            if (slot >= slots) {
                slot = (long) room * options.roomSize();
            }
            XmppLoadUser author = users[(int) (slot % options.users())];
            BitSet expected = null;
            int count;
            synchronized (joinedSet[room]) {
                if (!joinedSet[room].get(author.index())) {
                    metrics.skippedPosts.increment();
                    return;
                }
                count = joinedCount[room].get();
                if (options.exact()) {
                    expected = (BitSet) joinedSet[room].clone();
                }
            }
            long id = postIds.incrementAndGet();
            BitSet recipients = expected;
            if (!author.runHandedOff(handedOff, () -> author.post(id, room, recipients, count))) {
                metrics.skippedPosts.increment();
            }
        }
    }

    @Override
    public void close() {
        pacer.shutdownNow();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
