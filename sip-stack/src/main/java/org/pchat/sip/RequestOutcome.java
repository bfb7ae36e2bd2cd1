package org.pchat.sip;

import java.util.Objects;
import javax.sip.message.Response;

/**
 * How a request the endpoint sent ended. The future returned by {@link DialogHandle} always completes
 * normally with one of these; it never completes exceptionally.
 */
public sealed interface RequestOutcome {

    /** True only for {@link Success}. */
    default boolean isSuccess() {
        return this instanceof Success;
    }

    /**
     * A 2xx final response. Only its status is kept: an in-dialog INFO's 2xx carries nothing else the
     * application reads, and the node does not parse the 2xx of the INFOs it sends directly (see
     * {@code DirectRequests}).
     */
    record Success(int statusCode) implements RequestOutcome {
        public Success {
            if (statusCode < 200 || statusCode > 299) {
                throw new IllegalArgumentException("status " + statusCode + " is not a 2xx");
            }
        }
    }

    /**
     * A non-2xx final response (3xx-6xx). A 487 or 481 to an in-dialog request means the peer dropped the
     * dialog (xccos.md §2.2): the application should drop it too.
     */
    record Rejected(Response response) implements RequestOutcome {
        public Rejected {
            Objects.requireNonNull(response, "response");
        }

        public int statusCode() {
            return response.getStatusCode();
        }
    }

    /** No final response within 64*T1 (RFC 3261 §17.1.2.2 Timer F). */
    record TimedOut(String method, long timeoutMillis) implements RequestOutcome {
    }

    /** Not sent, or the transport failed (connection gone, dialog already terminated, endpoint closed). */
    record Failed(String reason) implements RequestOutcome {
        public Failed {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
