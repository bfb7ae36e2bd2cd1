package org.pchat.server.launch;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.pchat.server.domain.Principal;
import org.pchat.server.domain.Privacy;
import org.pchat.server.rooms.CategorySpec;
import org.pchat.server.rooms.DirectoryService;
import org.pchat.server.rooms.RoomSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a fresh install demo-ready: on a start with no categories and no rooms, creates category
 * {@value #CATEGORY} (allowed: everyone) holding the open room {@value #ROOM}. Off with {@code demo.seed=false}.
 */
public final class DemoSeeder implements Component {
    /** The demo category. */
    public static final String CATEGORY = "General";
    /** The demo room. */
    public static final String ROOM = "Lobby";

    private static final Logger LOG = LoggerFactory.getLogger(DemoSeeder.class);

    private final String nodeId;
    private final boolean enabled;
    private final Supplier<DirectoryService> directory;

    /**
     * @param nodeId the node's identity for log lines
     * @param enabled {@code demo.seed}
     * @param directory the directory service, available once the databases have started
     */
    public DemoSeeder(String nodeId, boolean enabled, Supplier<DirectoryService> directory) {
        this.nodeId = Objects.requireNonNull(nodeId, "nodeId");
        this.enabled = enabled;
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    @Override
    public String name() {
        return "demo seed";
    }

    @Override
    public void start() {
        if (!enabled) {
            LOG.info("{} - demo.seed=false: no demo category or room created", nodeId);
            return;
        }
        DirectoryService service = directory.get();
        if (!service.listCategories().isEmpty()) {
            LOG.debug("{} - categories exist: no demo seed", nodeId);
            return;
        }
        service.newCategory(CategorySpec.named(CATEGORY)
                .withDescription("Demo category: everyone may join its rooms.")
                .withAllowed(Set.of(Principal.everyone())));
        service.newRoom(RoomSpec.of(ROOM, CATEGORY)
                .withPrivacy(Privacy.OPEN)
                .withDescription("Demo room: open to everyone.")
                .withTopic("Welcome to pchat"));
        LOG.info("{} - empty database: created demo category {} (allowed: everyone) with open room {} "
                + "(set demo.seed=false to skip)", nodeId, CATEGORY, ROOM);
    }

    @Override
    public Optional<String> endpoint() {
        return Optional.empty();
    }

    @Override
    public void stop() {
        // nothing held
    }
}
