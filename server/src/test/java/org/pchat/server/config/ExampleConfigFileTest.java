package org.pchat.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docs/pchat.example.properties documents every key, and its example values are valid. */
class ExampleConfigFileTest {
    private static final Path EXAMPLE = Path.of("..", "docs", "pchat.example.properties");

    @TempDir
    Path workingDir;

    private List<String> lines() throws IOException {
        return Files.readAllLines(EXAMPLE);
    }

    @Test
    void everyKeyIsDocumented() throws IOException {
        List<String> lines = lines();

        assertThat(ConfigCatalog.standard().keys()).allSatisfy(key -> assertThat(lines)
                .as("a line '#%s=…' in %s", key.name(), EXAMPLE)
                .anyMatch(line -> line.startsWith("#" + key.name() + "=")));
    }

    @Test
    void everyDocumentedKeyExists() throws IOException {
        ConfigCatalog catalog = ConfigCatalog.standard();

        assertThat(lines()).filteredOn(line -> line.matches("#[a-z][a-z0-9.-]*=.*"))
                .allSatisfy(line -> assertThat(catalog.byName(line.substring(1, line.indexOf('=')))).isPresent());
    }

    @Test
    void fileAsShippedLoadsToTheDefaults() {
        PchatConfig config = new ConfigLoader(ConfigCatalog.standard(), Map.of(), workingDir)
                .load(new ConfigRequest(Optional.of(EXAMPLE.toAbsolutePath()), Optional.empty(), List.of()));

        assertThat(config.effective().entries()).allSatisfy(entry -> assertThat(entry.origin())
                .isNotInstanceOf(Origin.File.class));
    }

    @Test
    void everyExampleValueIsValidWhenUncommented() throws IOException {
        List<String> uncommented = lines().stream()
                .filter(line -> line.matches("#[a-z][a-z0-9.-]*=.*"))
                .map(line -> line.substring(1))
                .toList();
        Path file = Files.write(workingDir.resolve("pchat.properties"), uncommented);

        PchatConfig config = new ConfigLoader(ConfigCatalog.standard(), Map.of(), workingDir)
                .load(ConfigRequest.none());

        assertThat(config.effective().file()).contains(file);
        assertThat(config.database().contentUrl()).startsWith("jdbc:postgresql:");
    }
}
