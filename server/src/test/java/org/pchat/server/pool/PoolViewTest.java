package org.pchat.server.pool;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pchat.server.config.PoolRole;

/** Roles and promotion as every member computes them (members addressed by strings here). */
class PoolViewTest {

    private final PoolView<String> view = new PoolView<>();

    @Test
    void aStandbyIsPromotedByTheLeaderWhenAnActiveNodeLeaves() {
        view.members(List.of("a", "b", "s"));
        view.status("a", node("a", PoolRole.ACTIVE));
        view.status("b", node("b", PoolRole.ACTIVE));
        view.status("s", node("s", PoolRole.STANDBY));
        assertThat(view.wantedActive()).isEqualTo(2);
        assertThat(view.promotion("a")).isEmpty();

        view.members(List.of("a", "s"));

        assertThat(view.promotion("s")).as("only the leader promotes").isEmpty();
        assertThat(view.promotion("a")).contains("s");
        assertThat(view.promotion("a")).as("one promotion at a time").isEmpty();
    }

    @Test
    void theNextChatNodeLeadsWhenTheLeaderDiesAndObserversNeverLead() {
        view.members(List.of("proxy", "a", "b", "s"));
        view.status("proxy", NodeStatus.observer("proxy", MemberKind.PROXY));
        view.status("a", node("a", PoolRole.ACTIVE));
        view.status("b", node("b", PoolRole.ACTIVE));
        view.status("s", node("s", PoolRole.STANDBY));
        assertThat(view.leads("a")).isTrue();
        assertThat(view.leads("proxy")).isFalse();

        view.members(List.of("proxy", "b", "s"));

        assertThat(view.leads("b")).isTrue();
        assertThat(view.promotion("b")).contains("s");
    }

    @Test
    void aDemotedOrDrainedNodeIsNotReplacedAutomatically() {
        view.members(List.of("a", "b", "s"));
        view.status("a", node("a", PoolRole.ACTIVE));
        view.status("b", node("b", PoolRole.ACTIVE));
        view.status("s", node("s", PoolRole.STANDBY));

        view.status("b", new NodeStatus("b", MemberKind.NODE, "h", 5070, 0, PoolRole.ACTIVE, PoolRole.ACTIVE, true,
                0));

        assertThat(view.wantedActive()).isEqualTo(1);
        assertThat(view.promotion("a")).isEmpty();
    }

    @Test
    void aPendingPromotionEndsWhenTheStandbyServesOrLeaves() {
        view.members(List.of("a", "b", "s1", "s2"));
        view.status("a", node("a", PoolRole.ACTIVE));
        view.status("b", node("b", PoolRole.ACTIVE));
        view.status("s1", node("s1", PoolRole.STANDBY));
        view.status("s2", node("s2", PoolRole.STANDBY));
        view.members(List.of("a", "s1", "s2"));
        assertThat(view.promotion("a")).contains("s1");

        view.members(List.of("a", "s2"));

        assertThat(view.promotion("a")).as("s1 left before serving: try the next").contains("s2");
        view.status("s2", node("s2", PoolRole.ACTIVE));
        assertThat(view.promotion("a")).isEmpty();
        assertThat(view.statuses()).extracting(NodeStatus::nodeId).containsExactly("a", "s2");
    }

    @Test
    void aNewActiveNodeRaisesTheWantedCount() {
        view.members(List.of("a"));
        view.status("a", node("a", PoolRole.ACTIVE));
        view.members(List.of("a", "c"));
        view.status("c", node("c", PoolRole.ACTIVE));

        assertThat(view.wantedActive()).isEqualTo(2);
    }

    @Test
    void statusFromAMemberNotInTheViewIsIgnored() {
        view.members(List.of("a"));
        view.status("ghost", node("ghost", PoolRole.ACTIVE));

        assertThat(view.statuses()).isEmpty();
        assertThat(view.member("ghost")).isEmpty();
    }

    private static NodeStatus node(String id, PoolRole role) {
        return new NodeStatus(id, MemberKind.NODE, "127.0.0.1", 5070, 8080, role, role, false, 0);
    }
}
