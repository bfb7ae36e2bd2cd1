package org.pchat.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The load model's arithmetic: room counts, memberships, auditoriums, the model file. */
class SeedPlanTest {

    private static SeedPlan plan(int users) {
        return new SeedPlan(users, "example.com", "load", SeedPlan.lyncModel(), 0, 0);
    }

    @Test
    void fullModelHasTheLyncRoomCountsFor80000Users() {
        SeedPlan plan = plan(80_000);
        List<SeedPlan.RoomClass> classes = SeedPlan.lyncModel();

        assertThat(classes.stream().map(plan::roomCount).toList()).containsExactly(32_000, 1_067, 10);
    }

    @Test
    void everyUserIsInSixteenDistinctRoomsTwelveSmallTwoMediumTwoLarge() {
        SeedPlan plan = plan(20_000);
        int small = plan.roomCount(SeedPlan.lyncModel().get(0));
        int medium = plan.roomCount(SeedPlan.lyncModel().get(1));

        for (int u = 0; u < plan.users(); u += 997) {
            int[] rooms = plan.roomsOf(u);
            assertThat(Arrays.stream(rooms).distinct().count()).as("rooms of user %s", u).isEqualTo(16);
            assertThat(Arrays.stream(rooms).filter(r -> r < small).count()).isEqualTo(12);
            assertThat(Arrays.stream(rooms).filter(r -> r >= small && r < small + medium).count()).isEqualTo(2);
        }
    }

    @Test
    void roomsAreFilledEvenlyUpToTheirClassSize() {
        SeedPlan plan = plan(20_000);
        Map<Integer, Integer> occupancy = new HashMap<>();
        for (int u = 0; u < plan.users(); u++) {
            for (int r : plan.roomsOf(u)) {
                occupancy.merge(r, 1, Integer::sum);
            }
        }
        List<SeedPlan.PlannedRoom> rooms = plan.rooms();
        for (SeedPlan.PlannedRoom room : rooms) {
            int size = switch (room.roomClass()) {
                case "small" -> 30;
                case "medium" -> 150;
                default -> 16_000;
            };
            assertThat(occupancy.get(room.index())).as("members of %s", room.name()).isBetween(1, size);
        }
    }

    @Test
    void onePercentOfSmallRoomsAndHalfTheLargeOnesAreAuditoriumsWithPresenters() {
        List<SeedPlan.PlannedRoom> rooms = plan(80_000).rooms();

        assertThat(rooms.stream().filter(r -> r.roomClass().equals("small") && r.auditorium()).count())
                .isEqualTo(320);
        assertThat(rooms.stream().filter(r -> r.roomClass().equals("large") && r.auditorium()).count()).isEqualTo(5);
        assertThat(rooms.stream().filter(SeedPlan.PlannedRoom::auditorium)
                .allMatch(r -> r.presenters().size() == SeedPlan.PRESENTERS)).isTrue();
    }

    @Test
    void presentersOfAnAuditoriumAreMembersOfIt() {
        SeedPlan plan = plan(2_000);
        for (SeedPlan.PlannedRoom room : plan.rooms()) {
            for (int presenter : room.presenters()) {
                assertThat(plan.roomsOf(presenter)).as("rooms of presenter %s of %s", presenter, room.name())
                        .contains(room.index());
            }
        }
    }

    @Test
    void smallUserCountsShrinkTheRoomsToTheUserCount() {
        SeedPlan plan = plan(100);

        assertThat(plan.seatsPerRoom(SeedPlan.lyncModel().get(2))).isEqualTo(100);
        assertThat(plan.roomCount(SeedPlan.lyncModel().get(2))).isEqualTo(2);
        assertThat(plan.roomCount(SeedPlan.lyncModel().get(0))).isEqualTo(40);
    }

    @Test
    void modelFileListsRoomsAndEveryUsersMemberships() throws Exception {
        SeedPlan plan = new SeedPlan(10, "example.com", "load", SeedPlan.lyncModel(), 5, 100);
        List<SeedPlan.PlannedRoom> rooms = plan.rooms();
        StringWriter out = new StringWriter();

        plan.writeModel(out, rooms);

        List<String> lines = out.toString().lines().toList();
        assertThat(lines.get(0)).isEqualTo("model\tpchat-load\t1");
        assertThat(lines).contains("users\t10\tload");
        assertThat(lines.stream().filter(l -> l.startsWith("room\t")).count()).isEqualTo(rooms.size());
        assertThat(lines.stream().filter(l -> l.startsWith("room\t") && l.contains("\tload-hot\thot\t"))).hasSize(1);
        assertThat(lines.stream().filter(l -> l.startsWith("member\t")).count()).isEqualTo(10);
    }

    @Test
    void hotRoomLargerThanTheUserCountIsRefusedNamingBothValues() {
        assertThatThrownBy(() -> new SeedPlan(10, "example.com", "load", List.of(), 11, 0))
                .isInstanceOf(UsageException.class).hasMessageContaining("11").hasMessageContaining("10");
    }
}
