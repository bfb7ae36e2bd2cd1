package org.pchat.interop.load;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToDoubleFunction;
import org.HdrHistogram.Histogram;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays one workload: signs every user in at the ramp rate (a bounded number under way), then for the
 * measured duration issues posts, join cycles and history reads at their rates from one pacer thread,
 * handing each to its user's event loop; then waits for the deliveries to drain, measures the server, says
 * BYE and builds the {@link LoadReport}. The driver watches itself: its CPU and how late its event loops and
 * pacer run, so that a run where the driver was the bottleneck says so.
 */
final class LoadDriver implements SipLoadUser.Context, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LoadDriver.class);
    /**
     * The model's chat rates per 80,000 users in the small, medium and large rooms: 22.22, 1.67 and ~0.15 posts/s
     * ("Persistent Chat Server Performance User Model", Lync Server 2013 capacity planning for Persistent Chat
     * Server; its total chat rate is given as 24/s).
     */
    static final double[] MODEL_CLASS_POSTS = {22.22, 1.67, 0.15};
    static final double MODEL_POSTS_PER_USER = (MODEL_CLASS_POSTS[0] + MODEL_CLASS_POSTS[1] + MODEL_CLASS_POSTS[2])
            / 80_000;
    /** The model's peak join rate: 10/s per 80,000 users. */
    static final double MODEL_JOINS_PER_USER = 10.0 / 80_000;
    /** Each class's share of the posts, from the model's rates. */
    static final double[] CLASS_SHARE = {MODEL_CLASS_POSTS[0] / (MODEL_POSTS_PER_USER * 80_000),
        MODEL_CLASS_POSTS[1] / (MODEL_POSTS_PER_USER * 80_000), MODEL_CLASS_POSTS[2] / (MODEL_POSTS_PER_USER * 80_000)};
    static final String[] CLASSES = {"small", "medium", "large"};

    /** A room class's index in {@link #CLASSES}; -1 for rooms of other workloads (hot, history). */
    static int classOf(String roomClass) {
        return java.util.Arrays.asList(CLASSES).indexOf(roomClass);
    }
    private static final long TICK_MS = 10;

    private final LoadOptions options;
    private final LoadModel model;
    private final LoadMetrics metrics;
    private final SipLoadUser[] users;
    private final AtomicInteger[] joinedCount;
    private final BitSet[] joinedSet;
    private final AtomicInteger active = new AtomicInteger();
    private final AtomicLong postIds = new AtomicLong();
    /** Posts handed to an event loop and not yet sent (so not yet in the metrics' ledger). */
    private final AtomicInteger handedOff = new AtomicInteger();
    private final Semaphore loginsInFlight;
    private final AtomicInteger loginsDone = new AtomicInteger();
    private final DriverSelfCheck self;
    private final EventLoopGroup group;
    private final ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "load-pacer");
        t.setDaemon(true);
        return t;
    });
    private final int[][] classRooms = new int[CLASSES.length][];
    private final int specialRoom;
    private final Shard shard;
    /** Users this process plays. */
    private final int played;

    LoadDriver(LoadOptions options, LoadModel model) {
        if (options.users() > model.users()) {
            throw new IllegalArgumentException("--users " + options.users() + " is more than the model's "
                    + model.users() + " users (seed more with pchat seed-model --users)");
        }
        this.options = options;
        this.model = model;
        this.shard = options.shard();
        this.played = shard.usersOf(options.users());
        this.metrics = new LoadMetrics(options.exact());
        this.users = new SipLoadUser[options.users()];
        this.joinedCount = new AtomicInteger[model.rooms().size()];
        this.joinedSet = new BitSet[model.rooms().size()];
        for (int r = 0; r < joinedCount.length; r++) {
            joinedCount[r] = new AtomicInteger();
            joinedSet[r] = new BitSet();
        }
        this.loginsInFlight = new Semaphore(options.maxLoginsInFlight());
        for (int c = 0; c < CLASSES.length; c++) {
            classRooms[c] = model.roomsOfClass(CLASSES[c]);
        }
        this.specialRoom = switch (options.workload()) {
            case "hot" -> requireRoom("hot");
            case "history" -> requireRoom("history");
            default -> -1;
        };
        this.group = new MultiThreadIoEventLoopGroup(options.threads(), NioIoHandler.newFactory());
        this.self = new DriverSelfCheck(options.threads());
    }

    private int requireRoom(String roomClass) {
        int room = model.roomOfClass(roomClass);
        if (room < 0) {
            throw new IllegalArgumentException("workload " + options.workload() + " needs the " + roomClass
                    + " room: seed with pchat seed-model --" + (roomClass.equals("hot") ? "hot-room-users N"
                    : "history-messages N"));
        }
        return room;
    }

    @Override
    public LoadModel model() {
        return model;
    }

    @Override
    public LoadMetrics metrics() {
        return metrics;
    }

    @Override
    public String password() {
        return options.password();
    }

    @Override
    public long opTimeoutNanos() {
        return options.opTimeout().toNanos();
    }

    @Override
    public boolean issued(long postId) {
        return shard.issued(postId);
    }

    @Override
    public void joined(int user, int room, boolean joined) {
        if (joined) {
            joinedCount[room].incrementAndGet();
        } else {
            joinedCount[room].decrementAndGet();
        }
        if (options.exact()) {
            synchronized (joinedSet[room]) {
                joinedSet[room].set(user, joined);
            }
        }
    }

    @Override
    public void active(SipLoadUser user, boolean isActive) {
        active.addAndGet(isActive ? 1 : -1);
    }

    @Override
    public void loginDone(SipLoadUser user) {
        loginsDone.incrementAndGet();
        loginsInFlight.release();
    }

    /** Waits up to the drain time for every post sent so far to reach every member it should. */
    private void drain() throws InterruptedException {
        long drainDeadline = System.nanoTime() + options.drain().toNanos();
        // a post handed to its user's event loop just before the pacer stopped is in no ledger yet: wait for it too
        while (System.nanoTime() < drainDeadline && (handedOff.get() > 0 || metrics.missing()[1] > 0)) {
            Thread.sleep(100);
        }
    }

    /** Runs the workload and returns its figures. */
    LoadReport run() throws InterruptedException {
        long runStart = System.nanoTime();
        List<ServerProbe> probes = options.serverPids().stream().map(ServerProbe::new).toList();
        List<ServerProbe> proxies = probes.isEmpty() ? List.of() : probes.subList(1, probes.size());
        self.probe(group);
        signIn();
        long signedIn = System.nanoTime();
        int held = active.get();
        LOG.info("load - {} of {} users signed in after {} s", held, played, (signedIn - runStart) / 1e9);

        // rates are the whole run's; a shard plays its share of them
        double share = 1.0 / shard.count();
        double postRate = share * (options.postRate() >= 0 ? options.postRate()
                : options.workload().equals("model") ? MODEL_POSTS_PER_USER * users.length : 0);
        double joinRate = share * (options.joinRate() >= 0 ? options.joinRate()
                : options.workload().equals("model") ? MODEL_JOINS_PER_USER * users.length : 0);
        double historyRate = share * (options.historyRate() >= 0 ? options.historyRate()
                : options.workload().equals("history") ? 50 : 0);
        if (!options.warmup().isZero()) {
            Pacer warm = new Pacer(postRate, joinRate, historyRate);
            ScheduledFuture<?> warmTicks = pacer.scheduleAtFixedRate(warm::tick, TICK_MS, TICK_MS,
                    TimeUnit.MILLISECONDS);
            Thread.sleep(options.warmup().toMillis());
            warmTicks.cancel(false);
            drain();
            metrics.resetMeasurements();
            LOG.info("load - warm-up of {} s done, measuring", options.warmup().toSeconds());
        }
        double serverCpuStart = sum(probes, ServerProbe::cpuSeconds);
        metrics.measuring(true);
        self.start();
        long measureStart = System.nanoTime();
        ScheduledFuture<?> sweeper = pacer.scheduleAtFixedRate(() -> LoadUser.sweepAll(users), 1, 1, TimeUnit.SECONDS);
        Pacer work = new Pacer(postRate, joinRate, historyRate);
        ScheduledFuture<?> ticks = pacer.scheduleAtFixedRate(work::tick, TICK_MS, TICK_MS, TimeUnit.MILLISECONDS);
        Thread.sleep(options.duration().toMillis());
        ticks.cancel(false);
        long measureEnd = System.nanoTime();
        int heldAtEnd = active.get();
        double serverCpuEnd = sum(probes, ServerProbe::cpuSeconds);
        double driverCpu = self.cpuPercent();
        drain();
        metrics.measuring(false);
        sweeper.cancel(false);
        double rss = sum(probes, p -> p.statusMib("VmRSS"));
        double peakRss = sum(probes, p -> p.statusMib("VmHWM"));
        double heap = probes.isEmpty() ? Double.NaN : probes.get(0).heapAfterGcMib();
        double proxyHeap = sum(proxies, ServerProbe::heapAfterGcMib);
        awaitOtherShards();
        LoadUser.endAll(users);

        double seconds = (measureEnd - measureStart) / 1e9;
        long[] missing = metrics.missing();
        boolean late = self.late(work.backlog() > 1);
        // late with CPU to spare: the host did not schedule the driver (other processes), not the driver's limit
        boolean busy = self.busy(driverCpu);
        boolean saturated = late && busy;
        LoadReport report = new LoadReport(metrics.failures());
        report.put("label", options.label()).put("workload", options.workload())
                .put("users", played).put("shard", shard.index() + "/" + shard.count())
                .put("sign_in_s", round((signedIn - runStart) / 1e9))
                .put("sessions_held", Math.min(held, heldAtEnd))
                .put("invites_deferred", metrics.invitesDeferred.sum())
                .put("session_refreshes", metrics.sessionRefreshes.sum())
                .put("measured_s", round(seconds))
                .put("posts_target_per_s", round(postRate))
                .put("posts_per_s", round(metrics.postsSent.sum() / seconds))
                .put("deliveries_per_s", round(metrics.deliveries.sum() / seconds))
                .put("deliveries_other_shards", metrics.otherShardDeliveries.sum())
                .put("deliveries_received_per_s",
                        round((metrics.deliveries.sum() + metrics.otherShardDeliveries.sum()) / seconds))
                .put("posts", metrics.postsSent.sum()).put("deliveries", metrics.deliveries.sum())
                .put("deliveries_expected", metrics.expectedDeliveries())
                .put("deliveries_missing", missing[1]).put("posts_not_fully_delivered", missing[0])
                .put("deliveries_duplicate", metrics.duplicates.sum())
                .put("deliveries_unexpected", metrics.unexpected.sum())
                .put("posts_skipped", metrics.skippedPosts.sum())
                .latency("delivery", metrics.delivery, true)
                .latency("delivery_small", metrics.deliveryByClass[0], true)
                .latency("delivery_medium", metrics.deliveryByClass[1], true)
                .latency("delivery_large", metrics.deliveryByClass[2], true)
                .latency("post_echo", metrics.postEcho, false)
                .latency("sign_in", metrics.login, false)
                .put("joins", metrics.joins.sum())
                .latency("join", metrics.join, false)
                .put("history_reads", metrics.histories.sum())
                .latency("history", metrics.history, true)
                .put("failed_operations", metrics.failureCount() + missing[1])
                .put("server_cpu_pct", round((serverCpuEnd - serverCpuStart) * 100 / seconds))
                .put("server_heap_after_gc_mib", round(heap))
                .put("server_rss_mib", round(rss)).put("server_peak_rss_mib", round(peakRss))
                .put("proxies_heap_after_gc_mib", round(proxyHeap))
                .put("driver_cpu_pct", round(driverCpu))
                .put("driver_loop_lag_p99_ms", round(self.loopLagP99Ms()))
                .put("driver_pacer_lag_p99_ms", round(self.pacerLagP99Ms()))
                .put("driver_saturated", saturated)
                .put("host_starved_driver", late && !busy)
                .put("cores", Runtime.getRuntime().availableProcessors());
        return report;
    }

    /**
     * With several driver processes on one run, waits until every one has measured before ending its sessions:
     * the BYEs of one would otherwise fall into another's measured time. Each process leaves a file in the
     * barrier directory and waits for the others' (up to ten minutes).
     */
    private void awaitOtherShards() throws InterruptedException {
        if (options.barrier().isEmpty()) {
            return;
        }
        Path dir = options.barrier().get();
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("measured-" + shard.index()), "");
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
            while (System.nanoTime() < deadline) {
                try (var files = Files.list(dir)) {
                    if (files.filter(f -> f.getFileName().toString().startsWith("measured-")).count()
                            >= shard.count()) {
                        return;
                    }
                }
                Thread.sleep(200);
            }
            LOG.warn("load - shard {}: the other shards did not finish measuring within 10 minutes", shard.index());
        } catch (java.io.IOException e) {
            LOG.warn("load - shard {}: barrier {} unusable: {}", shard.index(), dir, e.toString());
        }
    }

    /** The sum of a figure over processes; NaN when there are none. */
    private static double sum(List<ServerProbe> probes, ToDoubleFunction<ServerProbe> figure) {
        return probes.isEmpty() ? Double.NaN : probes.stream().mapToDouble(figure).sum();
    }

    private static double round(double v) {
        return Double.isNaN(v) ? v : Math.round(v * 100) / 100.0;
    }

    private void signIn() throws InterruptedException {
        Bootstrap bootstrap = new Bootstrap().group(group).channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true).option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000);
        long interval = TimeUnit.SECONDS.toNanos(1) / options.rampRate();
        long next = System.nanoTime();
        for (int n = 0; n < played; n++) {
            int u = shard.user(n);
            loginsInFlight.acquire();
            long wait = next - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            next += interval;
            int[] rooms = switch (options.workload()) {
                case "hot", "history" -> u < roomUsers() ? new int[] {specialRoom} : new int[0];
                default -> model.roomsOf(u);
            };
            SipLoadUser user = new SipLoadUser(u, this, rooms);
            users[u] = user;
            ChannelFuture connect = bootstrap.clone().handler(new ChannelInitializer<SocketChannel>() {
                @Override
                protected void initChannel(SocketChannel ch) {
                    ch.pipeline().addLast(new SipFrameDecoder(4 * 1024 * 1024), user);
                }
            }).connect(options.host(), options.port());
            connect.addListener(f -> {
                if (!f.isSuccess()) {
                    user.connectFailed(f.cause());
                }
            });
            if (n > 0 && n % 1000 == 0) {
                LOG.info("load - {} sign-ins started, {} users active", n, active.get());
            }
        }
        long deadline = System.nanoTime() + options.opTimeout().toNanos() * 2;
        while (loginsDone.get() < played && System.nanoTime() < deadline) {
            LoadUser.sweepAll(users);
            Thread.sleep(100);
        }
    }

    private int roomUsers() {
        return users.length;
    }




    /** Turns rates into operations, one tick at a time, on the pacer thread. */
    private final class Pacer {
        private final double postRate;
        private final double joinRate;
        private final double historyRate;
        private double posts;
        private double joins;
        private double histories;
        private long last = System.nanoTime();
        private double maxBacklogSeconds;

        Pacer(double postRate, double joinRate, double historyRate) {
            this.postRate = postRate;
            this.joinRate = joinRate;
            this.historyRate = historyRate;
        }

        double backlog() {
            return maxBacklogSeconds;
        }

        void tick() {
            long now = System.nanoTime();
            double dt = (now - last) / 1e9;
            self.pacerLate((now - last) / 1_000 - TICK_MS * 1_000);
            last = now;
            posts += postRate * dt;
            joins += joinRate * dt;
            histories += historyRate * dt;
            long startedAt = System.nanoTime();
            while (posts >= 1 && System.nanoTime() - startedAt < TICK_MS * 1_000_000) {
                posts--;
                post();
            }
            while (joins >= 1) {
                joins--;
                churn();
            }
            while (histories >= 1) {
                histories--;
                history();
            }
            if (postRate > 0) {
                maxBacklogSeconds = Math.max(maxBacklogSeconds, posts / postRate);
            }
        }

        private void post() {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            int room;
            int author = -1;
            if (specialRoom >= 0) {
                room = specialRoom;
                author = shard.user(random.nextInt(played));
            } else {
                double pick = random.nextDouble();
                int c = pick < CLASS_SHARE[0] ? 0 : pick < CLASS_SHARE[0] + CLASS_SHARE[1] ? 1 : 2;
                room = classRooms[c][random.nextInt(classRooms[c].length)];
                LoadModel.Room r = model.room(room);
                int[] candidates = r.auditorium() ? r.presenters() : model.membersOf(room);
                // the first candidate this process plays, from a random place on: a post is skipped only when
                // none of the room's members (or presenters) is signed in here
                int start = random.nextInt(candidates.length);
                for (int i = 0; i < candidates.length && author < 0; i++) {
                    int u = candidates[(start + i) % candidates.length];
                    if (u < users.length && shard.plays(u) && users[u] != null) {
                        author = u;
                    }
                }
            }
            if (author < 0 || users[author] == null) {
                metrics.skippedPosts.increment();
                return;
            }
            BitSet expected = null;
            if (options.exact()) {
                synchronized (joinedSet[room]) {
                    expected = (BitSet) joinedSet[room].clone();
                }
            }
            int count = joinedCount[room].get();
            long id = shard.postId(postIds.incrementAndGet());
            SipLoadUser user = users[author];
            BitSet recipients = expected;
            int finalRoom = room;
            if (!user.runHandedOff(handedOff, () -> user.post(id, finalRoom, recipients, count))) {
                metrics.skippedPosts.increment();
            }
        }

        private void churn() {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            SipLoadUser user = users[shard.user(random.nextInt(played))];
            int[] rooms = model.roomsOf(user.index());
            if (rooms.length == 0) {
                return;
            }
            int room = rooms[random.nextInt(rooms.length)];
            user.run(() -> user.churn(room));
        }

        private void history() {
            SipLoadUser user = users[shard.user(ThreadLocalRandom.current().nextInt(played))];
            int room = specialRoom >= 0 ? specialRoom : model.roomsOf(user.index())[0];
            user.run(() -> user.history(room, () -> { }));
        }
    }

    @Override
    public void close() {
        pacer.shutdownNow();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
