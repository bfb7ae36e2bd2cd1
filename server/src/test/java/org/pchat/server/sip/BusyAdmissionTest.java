package org.pchat.server.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** When a node refuses new sessions: INFOs owed over the limit, or a room lane more than half full. */
class BusyAdmissionTest {

    private final InfoBacklog infos = new InfoBacklog();
    private final AtomicInteger lane = new AtomicInteger();
    private final BusyAdmission admission = new BusyAdmission("node7", infos, 3, lane::get, 10, 5);

    private void owe(int n) {
        for (int i = 0; i < n; i++) {
            infos.added();
        }
    }

    @Test
    void underBothLimitsANewSessionIsTaken() {
        owe(3);
        lane.set(10);

        assertThat(admission.refusal()).isEmpty();
    }

    @Test
    void moreInfosOwedThanTheLimitRefusesNamingTheCountTheLimitAndTheNode() {
        owe(4);

        assertThat(admission.refusal()).hasValue("busy: 4 server INFOs owed exceed admissionBacklog 3 (node node7)");
    }

    @Test
    void aRoomLaneHoldingMoreThanItsLimitRefuses() {
        lane.set(11);

        assertThat(admission.refusal()).hasValue(
                "busy: a room lane holds 11 waiting tasks, more than 10 (node node7)");
    }

    @Test
    void sessionsAreTakenAgainOnceTheNodeIsBackUnderItsLimits() {
        owe(5);
        assertThat(admission.refusal()).isPresent();

        infos.removed(2);

        assertThat(admission.refusal()).isEmpty();
    }
}
