package org.pchat.server.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Shared case-insensitive parsing of the directory's text-valued enums. */
final class TextEnums {

    private TextEnums() {
    }

    static <E extends Enum<E>> E parse(String what, String text, E[] values, Function<E, String> textOf) {
        if (text != null) {
            String wanted = text.trim().toLowerCase(Locale.ROOT);
            for (E value : values) {
                if (textOf.apply(value).equals(wanted)) {
                    return value;
                }
            }
        }
        String accepted = Arrays.stream(values).map(textOf).collect(Collectors.joining("|"));
        throw DirectoryException.invalid(what + " '" + text + "' is not one of " + accepted);
    }
}
