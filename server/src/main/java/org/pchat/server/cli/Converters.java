package org.pchat.server.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Function;
import org.pchat.server.domain.DirectoryException;
import org.pchat.server.domain.Invitations;
import org.pchat.server.domain.Principal;
import org.pchat.server.domain.Privacy;
import org.pchat.server.domain.RoomType;
import org.pchat.server.domain.UserUris;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * picocli converters from option text to domain values. They reuse the domain's own parsing, so
 * the CLI reports the same message as every other path ("privacy 'public' is not one of open|closed|secret").
 */
final class Converters {

    private Converters() {
    }

    /** A comma-separated list of principals; the empty string is the empty list. */
    record PrincipalList(Set<Principal> values) {
        PrincipalList {
            values = Set.copyOf(values);
        }
    }

    /** A comma-separated list of user URIs, normalized; the empty string is the empty list. */
    record UserList(Set<String> values) {
        UserList {
            values = Set.copyOf(values);
        }
    }

    static final class PrivacyConverter implements ITypeConverter<Privacy> {
        @Override
        public Privacy convert(String value) {
            return domain(value, Privacy::parse);
        }
    }

    static final class RoomTypeConverter implements ITypeConverter<RoomType> {
        @Override
        public RoomType convert(String value) {
            return domain(value, RoomType::parse);
        }
    }

    static final class InvitationsConverter implements ITypeConverter<Invitations> {
        @Override
        public Invitations convert(String value) {
            return domain(value, Invitations::parse);
        }
    }

    static final class PrincipalListConverter implements ITypeConverter<PrincipalList> {
        @Override
        public PrincipalList convert(String value) {
            return new PrincipalList(items(value, Principal::parse));
        }
    }

    static final class UserListConverter implements ITypeConverter<UserList> {
        @Override
        public UserList convert(String value) {
            return new UserList(items(value, UserUris::normalize));
        }
    }

    /** An ISO date ({@code 2024-05-01}, midnight UTC) or date-time with offset ({@code 2024-05-01T12:00:00Z}). */
    static final class InstantConverter implements ITypeConverter<Instant> {
        @Override
        public Instant convert(String value) {
            String text = value.trim();
            try {
                if (text.length() == 10) {
                    return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
                }
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e) {
                throw new TypeConversionException("'" + value + "' is not a date (2024-05-01, midnight UTC) "
                        + "or a date-time with offset (2024-05-01T12:00:00Z)");
            }
        }
    }

    private static <T> Set<T> items(String value, Function<String, T> parse) {
        Set<T> items = new LinkedHashSet<>();
        if (value.isBlank()) {
            return items;
        }
        for (String item : Arrays.asList(value.split(",", -1))) {
            items.add(domain(item.trim(), parse));
        }
        return items;
    }

    private static <T> T domain(String value, Function<String, T> parse) {
        try {
            return parse.apply(value);
        } catch (DirectoryException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
