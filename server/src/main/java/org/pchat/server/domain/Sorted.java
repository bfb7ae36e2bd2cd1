package org.pchat.server.domain;

import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/** Immutable, deterministically ordered set copies for the domain records. */
final class Sorted {

    private Sorted() {
    }

    static <T> Set<T> copyOf(Collection<? extends T> values, Function<T, String> key, String what) {
        Objects.requireNonNull(values, what);
        Set<T> sorted = new LinkedHashSet<>();
        values.stream()
                .map(v -> Objects.requireNonNull(v, what + " element"))
                .sorted(Comparator.comparing(key))
                .forEach(sorted::add);
        return Collections.unmodifiableSet(sorted);
    }
}
