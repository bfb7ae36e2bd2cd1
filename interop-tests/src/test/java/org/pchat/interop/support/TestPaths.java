package org.pchat.interop.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * Where the suite finds what it drives and where it writes: the server jar, the sipp scenarios, and
 * per-test log and data directories under the module's {@code target/}. Failsafe passes {@code pchat.jar},
 * {@code pchat.scenarios} and {@code pchat.target}; when a test runs outside Maven the module-relative
 * defaults apply.
 */
public final class TestPaths {

    private TestPaths() {
    }

    /** The module's build directory. */
    public static Path target() {
        return Path.of(System.getProperty("pchat.target", "target")).toAbsolutePath();
    }

    /** The runnable server jar; fails when it has not been built. */
    public static Path pchatJar() {
        Path jar = Path.of(System.getProperty("pchat.jar", "../server/target/pchat.jar")).toAbsolutePath().normalize();
        if (!Files.isRegularFile(jar)) {
            throw new AssertionError("Expected the server jar at " + jar + " (but it is missing): build it with "
                    + "'mvn -B -o -q -pl server -am package -DskipTests'");
        }
        return jar;
    }

    /** A sipp scenario file from {@code src/test/resources/sipp}; fails when it is missing. */
    public static Path scenario(String relativePath) {
        Path dir = Path.of(System.getProperty("pchat.scenarios", "src/test/resources/sipp")).toAbsolutePath();
        Path file = dir.resolve(relativePath).normalize();
        if (!Files.isRegularFile(file)) {
            throw new AssertionError("Expected the sipp scenario " + file + " (but it is missing)");
        }
        return file;
    }

    /** {@code target/it-logs/<testName>/}, created. */
    public static Path logDir(String testName) {
        return createDirectories(target().resolve("it-logs").resolve(testName));
    }

    /** A fresh data directory {@code target/it-data/<testName>-<random>/} (not created: the server creates it). */
    public static Path newDataDir(String testName) {
        createDirectories(target().resolve("it-data"));
        return target().resolve("it-data").resolve(testName + "-" + UUID.randomUUID().toString().substring(0, 8));
    }

    static Path createDirectories(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }
}
