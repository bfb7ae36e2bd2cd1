package org.pchat.server.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads a new password from the first line of standard input ({@code --password-stdin}) or from a
 * no-echo prompt asked twice. There is deliberately no {@code --password} flag: it would end up in
 * shell history and in the process list.
 */
final class PasswordInput {
    private static final int MAX_LENGTH = 1024;

    private final InputStream stdin;
    private final PasswordPrompt prompt;

    PasswordInput(InputStream stdin, PasswordPrompt prompt) {
        this.stdin = Objects.requireNonNull(stdin, "stdin");
        this.prompt = Objects.requireNonNull(prompt, "prompt");
    }

    /**
     * Reads the password of {@code userUri}. The caller wipes the returned array.
     *
     * @throws UsageException when the password is empty, too long, mistyped or there is no terminal to ask on
     */
    char[] read(String userUri, boolean fromStdin) {
        char[] password = fromStdin ? firstLineOfStdin(userUri) : prompted(userUri);
        if (password.length == 0) {
            throw new UsageException("the password for " + userUri + " is empty");
        }
        return password;
    }

    private char[] firstLineOfStdin(String userUri) {
        Reader reader = new InputStreamReader(stdin, StandardCharsets.UTF_8);
        char[] buffer = new char[MAX_LENGTH + 1];
        int length = 0;
        try {
            int c = reader.read();
            while (c != -1 && c != '\n' && length < buffer.length) {
                buffer[length++] = (char) c;
                c = reader.read();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the password for " + userUri + " from stdin", e);
        }
        if (length > MAX_LENGTH) {
            Arrays.fill(buffer, '\0');
            throw new UsageException("the password for " + userUri + " on stdin is longer than " + MAX_LENGTH
                    + " characters");
        }
        if (length > 0 && buffer[length - 1] == '\r') {
            length--;
        }
        char[] password = Arrays.copyOf(buffer, length);
        Arrays.fill(buffer, '\0');
        return password;
    }

    private char[] prompted(String userUri) {
        char[] first = ask("Password for " + userUri + ": ", userUri);
        char[] second = ask("Repeat the password: ", userUri);
        try {
            if (!Arrays.equals(first, second)) {
                Arrays.fill(first, '\0');
                throw new UsageException("the two passwords typed for " + userUri + " differ");
            }
            return first;
        } finally {
            Arrays.fill(second, '\0');
        }
    }

    private char[] ask(String text, String userUri) {
        Optional<char[]> answer = prompt.read(text);
        return answer.orElseThrow(() -> new UsageException("no terminal to ask for the password of " + userUri
                + "; pipe it in with --password-stdin"));
    }
}
