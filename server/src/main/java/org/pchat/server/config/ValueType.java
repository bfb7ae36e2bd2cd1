package org.pchat.server.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The type of a configuration value: how text is parsed, which typed values are allowed, and how
 * the rule is explained ("a port (1-65535)").
 *
 * @param <T> the typed value
 */
public final class ValueType<T> {
    private static final String DNS_NAME =
            "[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*";
    private static final Pattern HOST =
            Pattern.compile("\\*|[0-9]{1,3}(\\.[0-9]{1,3}){3}|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*|" + DNS_NAME);

    private final String noun;
    private final String allowed;
    private final Function<String, Optional<T>> parser;
    private final Predicate<T> accepts;
    private final Function<T, String> formatter;

    private ValueType(String noun, String allowed, Function<String, Optional<T>> parser, Predicate<T> accepts,
            Function<T, String> formatter) {
        this.noun = Objects.requireNonNull(noun, "noun");
        this.allowed = Objects.requireNonNull(allowed, "allowed");
        this.parser = Objects.requireNonNull(parser, "parser");
        this.accepts = Objects.requireNonNull(accepts, "accepts");
        this.formatter = Objects.requireNonNull(formatter, "formatter");
    }

    /** A TCP or UDP port, 1-65535, or 0 for a free port chosen when the listener binds (tests). */
    public static ValueType<Integer> port() {
        return new ValueType<>("a port", "1-65535, or 0 for any free port", ValueType::parseInt,
                v -> v >= 0 && v <= 65_535, String::valueOf);
    }

    /** An integer in {@code [min, max]}. */
    public static ValueType<Integer> integer(String noun, int min, int max) {
        if (min > max) {
            throw new IllegalArgumentException("min " + min + " > max " + max);
        }
        return new ValueType<>(noun, min + "-" + max, ValueType::parseInt, v -> v >= min && v <= max,
                String::valueOf);
    }

    /** A whole number of seconds in {@code [minSeconds, maxSeconds]}. */
    public static ValueType<Duration> seconds(int minSeconds, int maxSeconds) {
        return new ValueType<>("a number of seconds", minSeconds + "-" + maxSeconds,
                text -> parseInt(text).map(Duration::ofSeconds),
                d -> d.getSeconds() >= minSeconds && d.getSeconds() <= maxSeconds && d.getNano() == 0,
                d -> String.valueOf(d.getSeconds()));
    }

    /** {@code true} or {@code false}, in any letter case. */
    public static ValueType<Boolean> bool() {
        return new ValueType<>("a boolean", "true|false", text -> {
            if ("true".equalsIgnoreCase(text)) {
                return Optional.of(Boolean.TRUE);
            }
            if ("false".equalsIgnoreCase(text)) {
                return Optional.of(Boolean.FALSE);
            }
            return Optional.empty();
        }, v -> true, String::valueOf);
    }

    /** One of the constants of {@code type}, written in lower case. */
    public static <E extends Enum<E>> ValueType<E> choice(String noun, Class<E> type) {
        E[] constants = type.getEnumConstants();
        String allowed = Arrays.stream(constants).map(ValueType::lower).collect(Collectors.joining("|"));
        return new ValueType<>(noun, allowed,
                text -> Arrays.stream(constants).filter(c -> lower(c).equalsIgnoreCase(text)).findFirst(),
                v -> true, ValueType::lower);
    }

    /** Text matching {@code pattern} entirely; {@code allowed} explains the pattern to a person. */
    public static ValueType<String> matching(String noun, String allowed, Pattern pattern) {
        return new ValueType<>(noun, allowed, Optional::of, v -> pattern.matcher(v).matches(), Function.identity());
    }

    /** A bind address: an IPv4 or IPv6 literal, a host name, or {@code 0.0.0.0} for every interface. */
    public static ValueType<String> host() {
        return matching("a bind address", "an IP address or host name, 0.0.0.0 for all", HOST);
    }

    /** A DNS domain name such as {@code example.com}. */
    public static ValueType<String> domain(String noun) {
        return matching(noun, "a DNS name such as example.com", Pattern.compile(DNS_NAME));
    }

    /** Any text, including the empty string. */
    public static ValueType<String> text(String noun) {
        return new ValueType<>(noun, "any text", Optional::of, v -> true, Function.identity());
    }

    /** A JDBC URL. */
    public static ValueType<String> jdbcUrl() {
        return matching("a JDBC URL", "jdbc:h2:… or jdbc:postgresql:…", Pattern.compile("jdbc:(h2|postgresql):.+"));
    }

    /** A file-system path, relative paths resolved against the working directory. */
    public static ValueType<Path> path(String noun) {
        return new ValueType<>(noun, "a file-system path", text -> {
            try {
                return text.isBlank() ? Optional.empty() : Optional.of(Path.of(text));
            } catch (InvalidPathException e) {
                return Optional.empty();
            }
        }, v -> true, Path::toString);
    }

    /** An absolute {@code http} or {@code https} URL. */
    public static ValueType<URI> httpUrl(String noun) {
        return new ValueType<>(noun, "an absolute http:// or https:// URL", text -> {
            try {
                return Optional.of(new URI(text));
            } catch (URISyntaxException e) {
                return Optional.empty();
            }
        }, uri -> uri.getHost() != null
                && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme())),
                URI::toString);
    }

    /** A comma-separated list; every item must match {@code item}. Blank items are rejected. */
    public static ValueType<List<String>> list(String noun, String allowedItem, Pattern item) {
        return new ValueType<>(noun, "comma-separated " + allowedItem, text -> {
            List<String> items = new ArrayList<>();
            for (String part : text.split(",", -1)) {
                items.add(part.trim());
            }
            return Optional.of(List.copyOf(items));
        }, items -> items.stream().allMatch(i -> item.matcher(i).matches()), items -> String.join(",", items));
    }

    /** Parses {@code text}; empty if it is not a valid value of this type. */
    public Optional<T> parse(String text) {
        Objects.requireNonNull(text, "text");
        return parser.apply(text.trim()).filter(accepts);
    }

    /** Whether an already typed value is allowed. */
    public boolean accepts(T value) {
        return value != null && accepts.test(value);
    }

    /** The text form of a value, as it would be written in the properties file. */
    public String format(T value) {
        return formatter.apply(value);
    }

    /** What a valid value looks like, for example {@code a port (1-65535)}. */
    public String expectation() {
        return noun + " (" + allowed + ")";
    }

    private static Optional<Integer> parseInt(String text) {
        try {
            return Optional.of(Integer.valueOf(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String lower(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }
}
