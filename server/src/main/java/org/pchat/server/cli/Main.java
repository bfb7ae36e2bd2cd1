package org.pchat.server.cli;

/** Placeholder entry point; replaced by the picocli launcher. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        // placeholder
    }
}
