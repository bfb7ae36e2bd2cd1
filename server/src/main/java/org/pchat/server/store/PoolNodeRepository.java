package org.pchat.server.store;

import static org.pchat.db.content.Tables.POOL_NODES;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jooq.DSLContext;
import org.pchat.db.content.tables.records.PoolNodesRecord;
import org.pchat.server.domain.NodeRole;
import org.pchat.server.domain.PoolNode;

/** The pool's registered nodes and their heartbeats. */
public final class PoolNodeRepository {

    private final DSLContext dsl;

    public PoolNodeRepository(DSLContext dsl) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
    }

    /** This repository bound to a caller's transaction. */
    public PoolNodeRepository in(DSLContext tx) {
        return new PoolNodeRepository(tx);
    }

    /** Registers a node or replaces its registration. */
    public void save(PoolNode node) {
        dsl.transaction(c -> {
            PoolNodesRecord row = c.dsl().selectFrom(POOL_NODES).where(POOL_NODES.NODE_ID.eq(node.nodeId()))
                    .forUpdate().fetchOptional()
                    .orElseGet(() -> c.dsl().newRecord(POOL_NODES));
            row.setNodeId(node.nodeId());
            row.setHost(node.host());
            row.setSipPort(node.sipPort());
            row.setPoolPort(node.poolPort());
            row.setHttpPort(node.httpPort());
            row.setNodeRole(node.role().text());
            row.setStartedAt(Times.toDb(node.startedAt()));
            row.setLastSeen(Times.toDb(node.lastSeen()));
            row.store();
        });
    }

    /** Records a heartbeat; false for an unknown node. */
    public boolean heartbeat(String nodeId, Instant at) {
        return dsl.update(POOL_NODES).set(POOL_NODES.LAST_SEEN, Times.toDb(at))
                .where(POOL_NODES.NODE_ID.eq(nodeId)).execute() == 1;
    }

    /** Changes a node's role; false for an unknown node. */
    public boolean setRole(String nodeId, NodeRole role) {
        return dsl.update(POOL_NODES).set(POOL_NODES.NODE_ROLE, role.text())
                .where(POOL_NODES.NODE_ID.eq(nodeId)).execute() == 1;
    }

    /** One node. */
    public Optional<PoolNode> find(String nodeId) {
        return dsl.selectFrom(POOL_NODES).where(POOL_NODES.NODE_ID.eq(nodeId)).fetchOptional(PoolNodeRepository::toNode);
    }

    /** Every node, by id. */
    public List<PoolNode> list() {
        return dsl.selectFrom(POOL_NODES).orderBy(POOL_NODES.NODE_ID).fetch(PoolNodeRepository::toNode);
    }

    /** Nodes whose last heartbeat is at or after {@code since}. */
    public List<PoolNode> seenSince(Instant since) {
        return dsl.selectFrom(POOL_NODES).where(POOL_NODES.LAST_SEEN.ge(Times.toDb(since)))
                .orderBy(POOL_NODES.NODE_ID).fetch(PoolNodeRepository::toNode);
    }

    /** Removes a node; false for an unknown node. */
    public boolean remove(String nodeId) {
        return dsl.deleteFrom(POOL_NODES).where(POOL_NODES.NODE_ID.eq(nodeId)).execute() == 1;
    }

    private static PoolNode toNode(PoolNodesRecord r) {
        return new PoolNode(r.getNodeId(), r.getHost(), r.getSipPort(), r.getPoolPort(), r.getHttpPort(),
                NodeRole.parse(r.getNodeRole()), Times.fromDb(r.getStartedAt()), Times.fromDb(r.getLastSeen()));
    }
}
