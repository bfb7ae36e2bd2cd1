package org.pchat.server.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Identity and limits of one chat node.
 *
 * @param nodeId the node's name in logs and in the pool; unique per pool
 * @param sipDomain the SIP domain users sign in with ({@code sip:alice@example.com}); also the digest realm
 * @param dataDir where embedded databases and files live; absolute
 * @param limits what clients may send or ask for
 */
public record NodeConfig(String nodeId, String sipDomain, Path dataDir, ChatLimits limits) {

    public static final ConfigKey<String> NODE_ID = ConfigKey.of("node.id",
            ValueType.matching("a node id", "1-63 letters, digits, '-' or '_', starting with a letter or digit",
                    Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,62}")),
            "node1", "This node's name in logs and in the pool; every node of a pool needs its own.");
    public static final ConfigKey<String> SIP_DOMAIN = ConfigKey.of("sip.domain", ValueType.domain("a SIP domain"),
            "example.com", "The SIP domain users sign in with; also the digest realm.");
    public static final ConfigKey<Path> DATA_DIR = ConfigKey.of("data.dir", ValueType.path("a directory"),
            Path.of("data"), "Where the embedded databases and files live; relative to the working directory.");

    public NodeConfig {
        NODE_ID.check(nodeId);
        SIP_DOMAIN.check(sipDomain);
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(limits, "limits");
        if (!dataDir.isAbsolute()) {
            throw new ConfigException(DATA_DIR.name() + "=" + dataDir + " is not an absolute path");
        }
    }

    /** The keys this record is built from; its limits have their own. */
    public static List<ConfigKey<?>> keys() {
        return List.of(NODE_ID, SIP_DOMAIN, DATA_DIR);
    }

    static NodeConfig from(Settings settings) {
        return new NodeConfig(settings.get(NODE_ID), settings.get(SIP_DOMAIN), settings.path(DATA_DIR).orElseThrow(),
                ChatLimits.from(settings));
    }
}
