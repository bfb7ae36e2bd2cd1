package org.pchat.server.web.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * An RFC 9457 problem details body ({@code application/problem+json}): what went wrong, for which request, and
 * when a request field is at fault, which one.
 *
 * @param type     a URI naming the kind of problem ({@code urn:pchat:problem:<slug>})
 * @param title    a short summary of the kind of problem
 * @param status   the HTTP status code
 * @param detail   the reason, naming the value seen and the rule or limit
 * @param instance the request path
 * @param field    the request field at fault, or {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, String field) {

    /** The media type of problem bodies (RFC 9457 §3). */
    public static final String MEDIA_TYPE = "application/problem+json";

    public Problem {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(detail, "detail");
    }
}
