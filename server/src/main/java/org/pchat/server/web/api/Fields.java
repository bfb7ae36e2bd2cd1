package org.pchat.server.web.api;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.pchat.server.domain.DirectoryException;
import org.pchat.server.domain.Principal;
import org.pchat.server.domain.UserUris;
import org.pchat.server.web.http.ApiException;

/** Reads request fields into domain values; a bad value is a 422 problem naming the field. */
final class Fields {

    private Fields() {
    }

    /** A required, non-blank text field. */
    static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ApiException.invalid(field, field + " is required");
        }
        return value;
    }

    /** A required value of any type. */
    static <T> T required(String field, T value) {
        if (value == null) {
            throw ApiException.invalid(field, field + " is required");
        }
        return value;
    }

    /** Principals ({@code sip:…}, {@code domain:…}, {@code everyone}). */
    static Set<Principal> principals(String field, List<String> values) {
        return parse(field, () -> {
            Set<Principal> parsed = new LinkedHashSet<>();
            for (String value : values) {
                parsed.add(Principal.parse(value));
            }
            return parsed;
        });
    }

    /** User URIs, normalized. */
    static Set<String> users(String field, List<String> values) {
        return parse(field, () -> {
            Set<String> parsed = new LinkedHashSet<>();
            for (String value : values) {
                parsed.add(UserUris.normalize(value));
            }
            return parsed;
        });
    }

    /** Parses with the domain's parser; its INVALID message becomes the problem detail for the field. */
    static <T> T parse(String field, Supplier<T> parser) {
        try {
            return parser.get();
        } catch (DirectoryException e) {
            if (e.kind() == DirectoryException.Kind.INVALID) {
                throw ApiException.invalid(field, e.getMessage());
            }
            throw e;
        }
    }

    /** Runs a directory operation, naming {@code field} when the directory rejects a value. */
    static <T> T directory(String field, Supplier<T> operation) {
        return parse(field, operation);
    }
}
