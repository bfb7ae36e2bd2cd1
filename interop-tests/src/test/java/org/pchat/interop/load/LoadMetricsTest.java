package org.pchat.interop.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import org.junit.jupiter.api.Test;

/** The delivery ledger's latencies by the class of the room posted to. */
class LoadMetricsTest {

    @Test
    void aDeliveryCountsInTheLatencyOfItsRoomsClassAndInTheOverallOne() {
        LoadMetrics metrics = new LoadMetrics(false);
        metrics.posted(1, 0, LoadDriver.classOf("large"), new BitSet(), 2, 1_000_000);

        metrics.delivered(1, 1, 1_000_000, 251_000_000);

        assertThat(metrics.delivery.getTotalCount()).isEqualTo(1);
        assertThat(metrics.deliveryByClass[2].getTotalCount()).isEqualTo(1);
        assertThat(metrics.deliveryByClass[2].getMaxValue()).isBetween(249_000L, 251_000L);
        assertThat(metrics.deliveryByClass[0].getTotalCount() + metrics.deliveryByClass[1].getTotalCount())
                .isZero();
    }

    @Test
    void aPostInARoomOfNoModelClassCountsOnlyInTheOverallLatency() {
        LoadMetrics metrics = new LoadMetrics(false);
        metrics.posted(1, 0, LoadDriver.classOf("hot"), new BitSet(), 1, 0);

        metrics.delivered(1, 1, 0, 5_000_000);

        assertThat(metrics.delivery.getTotalCount()).isEqualTo(1);
        for (var byClass : metrics.deliveryByClass) {
            assertThat(byClass.getTotalCount()).isZero();
        }
    }
}
