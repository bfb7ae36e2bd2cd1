package org.pchat.sip;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** The application side in tests: records every callback; answers requests with 200 unless told otherwise. */
final class RecordingApp implements SipRequestHandler, SipEndpointListener {

    record Termination(DialogHandle dialog, TerminationReason reason) {
    }

    record Failure(DialogHandle dialog, String method, RequestOutcome outcome) {
    }

    final BlockingQueue<IncomingRequest> requests = new LinkedBlockingQueue<>();
    final List<IncomingRequest> delivered = new CopyOnWriteArrayList<>();
    final List<Termination> terminations = new CopyOnWriteArrayList<>();
    final List<Failure> failures = new CopyOnWriteArrayList<>();
    volatile Consumer<IncomingRequest> answer = in -> in.respond(200);

    @Override
    public void onRequest(IncomingRequest request) {
        delivered.add(request);
        requests.add(request);
        answer.accept(request);
    }

    @Override
    public void onDialogTerminated(DialogHandle dialog, TerminationReason reason) {
        terminations.add(new Termination(dialog, reason));
    }

    @Override
    public void onRequestFailed(DialogHandle dialog, String method, RequestOutcome outcome) {
        failures.add(new Failure(dialog, method, outcome));
    }

    /** Forgets everything recorded and answers 200 again (for tests sharing one endpoint). */
    void reset() {
        requests.clear();
        delivered.clear();
        terminations.clear();
        failures.clear();
        answer = in -> in.respond(200);
    }

    IncomingRequest awaitRequest(String method) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            IncomingRequest next = requests.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (next != null && next.method().equals(method)) {
                return next;
            }
        }
        throw new AssertionError("no " + method + " delivered to the application within 10 s");
    }

    long deliveredCount(String method) {
        return delivered.stream().filter(r -> r.method().equals(method)).count();
    }
}
