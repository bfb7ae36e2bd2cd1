package org.pchat.server.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.pchat.sip.RequestOutcome;
import org.pchat.xccos.model.ChanUri;
import org.pchat.xccos.model.Notice;
import org.pchat.xccos.model.XccosElement;

/** The per-session queue of server INFOs: one in flight, notices batched behind it, everything else alone. */
class OutboundInfoQueueTest {

    private static final ChanUri ROOM = ChanUri.of("example.com", "room");

    /** Records every INFO sent and leaves it unanswered until the test answers it. */
    private final List<String> sent = new ArrayList<>();
    private final List<CompletableFuture<RequestOutcome>> answers = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();
    private final InfoBacklog backlog = new InfoBacklog();

    private OutboundInfoQueue queue(int capacity, int batchLimit) {
        return new OutboundInfoQueue(body -> {
            sent.add(new String(body, StandardCharsets.UTF_8));
            CompletableFuture<RequestOutcome> answer = new CompletableFuture<>();
            answers.add(answer);
            return answer;
        }, OutboundInfoQueueTest::encode, capacity, 1, batchLimit, backlog, failures::add);
    }

    /** A body listing its elements: "part:u1 part:u2" or "reply:r1". */
    private static byte[] encode(List<XccosElement> elements) {
        return elements.stream().map(e -> e instanceof Notice n ? "part:" + n.toString().replaceAll(".*(u\\d+).*", "$1")
                : "reply:" + e).collect(Collectors.joining(" ")).getBytes(StandardCharsets.UTF_8);
    }

    private static List<XccosElement> notice(String user) {
        return List.of(Notice.part(ROOM, "sip:" + user + "@example.com"));
    }

    private void answerOk() {
        answers.get(sent.size() - 1).complete(new RequestOutcome.Success(200));
    }

    @Test
    void noticesWaitingBehindAnInfoInFlightLeaveTogetherInOneInfo() {
        OutboundInfoQueue queue = queue(10, 32);

        queue.offer(notice("u1"), true);
        queue.offer(notice("u2"), true);
        queue.offer(notice("u3"), true);
        queue.offer(notice("u4"), true);
        assertThat(sent).containsExactly("part:u1");
        assertThat(queue.queued()).isEqualTo(1);

        answerOk();

        assertThat(sent).containsExactly("part:u1", "part:u2 part:u3 part:u4");
    }

    @Test
    void aBatchHoldsAtMostTheBatchLimitOfNotices() {
        OutboundInfoQueue queue = queue(10, 2);
        queue.offer(notice("u1"), true);
        for (int i = 2; i <= 6; i++) {
            queue.offer(notice("u" + i), true);
        }

        assertThat(queue.queued()).isEqualTo(3);
        answerOk();
        answerOk();
        answerOk();
        assertThat(sent).containsExactly("part:u1", "part:u2 part:u3", "part:u4 part:u5", "part:u6");
    }

    @Test
    void otherElementsTravelAloneAndEverythingKeepsItsOrder() {
        OutboundInfoQueue queue = queue(10, 32);
        queue.offer(notice("u1"), true);
        queue.offer(notice("u2"), true);
        queue.offer(notice("u3"), false);
        queue.offer(notice("u4"), true);
        queue.offer(notice("u5"), true);

        answerOk();
        answerOk();
        answerOk();

        assertThat(sent).containsExactly("part:u1", "part:u2", "part:u3", "part:u4 part:u5");
    }

    @Test
    void theCapacityCountsInfosSoABurstOfNoticesFitsWhereSingleInfosWouldNot() {
        OutboundInfoQueue queue = queue(2, 32);
        queue.offer(notice("u0"), true);

        for (int i = 1; i <= 40; i++) {
            assertThat(queue.offer(notice("u" + i), true)).as("notice %d", i).isTrue();
        }
        assertThat(queue.offer(notice("u41"), false)).as("a third INFO").isFalse();
        assertThat(queue.queued()).isEqualTo(2);
    }

    @Test
    void aRejectedInfoClosesTheQueueAndReportsOnce() {
        OutboundInfoQueue queue = queue(10, 32);
        queue.offer(notice("u1"), true);
        queue.offer(notice("u2"), true);

        answers.get(0).complete(new RequestOutcome.Failed("connection lost"));

        assertThat(failures).containsExactly("server INFO not sent: connection lost");
        assertThat(queue.isClosed()).isTrue();
        assertThat(queue.offer(notice("u3"), true)).isFalse();
        assertThat(sent).containsExactly("part:u1");
    }

    @Test
    void theNodesBacklogCountsEachInfoFromQueuedUntilAnswered() {
        OutboundInfoQueue queue = queue(10, 32);
        queue.offer(notice("u1"), true);
        queue.offer(notice("u2"), true);
        queue.offer(notice("u3"), true);
        queue.offer(notice("u4"), false);
        assertThat(backlog.count()).as("one in flight, a batch of two notices, a reply").isEqualTo(3);

        answerOk();
        assertThat(backlog.count()).isEqualTo(2);
        answerOk();
        answerOk();
        assertThat(backlog.count()).isZero();
    }

    @Test
    void closingDropsTheQueuedInfosFromTheBacklogAndTheOneInFlightLeavesWhenAnswered() {
        OutboundInfoQueue queue = queue(10, 32);
        queue.offer(notice("u1"), false);
        queue.offer(notice("u2"), false);
        queue.offer(notice("u3"), false);

        queue.close();
        assertThat(backlog.count()).as("the INFO in flight").isEqualTo(1);
        answerOk();
        assertThat(backlog.count()).isZero();
    }

    @Test
    void aFailedInfoTakesItselfAndEveryQueuedInfoOutOfTheBacklog() {
        OutboundInfoQueue queue = queue(10, 32);
        queue.offer(notice("u1"), false);
        queue.offer(notice("u2"), false);

        answers.get(0).complete(new RequestOutcome.TimedOut("INFO", 32_000));

        assertThat(backlog.count()).isZero();
        assertThat(queue.offer(notice("u3"), false)).isFalse();
        assertThat(backlog.count()).isZero();
    }
}
