package org.pchat.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class LogLevelsTest {
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final Logger project = (Logger) LoggerFactory.getLogger("org.pchat");
    private Level rootBefore;
    private Level projectBefore;

    @BeforeEach
    void remember() {
        rootBefore = root.getLevel();
        projectBefore = project.getLevel();
    }

    @AfterEach
    void restore() {
        root.setLevel(rootBefore);
        project.setLevel(projectBefore);
    }

    @Test
    void adminCommandsLogWarningsOnly() {
        LogLevels.logback().forAdminCommand(false);

        assertThat(root.getLevel()).isEqualTo(Level.WARN);
        assertThat(project.getEffectiveLevel()).isEqualTo(Level.WARN);
    }

    @Test
    void verboseAdminCommandsLogTheProjectAtDebug() {
        LogLevels.logback().forAdminCommand(true);

        assertThat(project.getEffectiveLevel()).isEqualTo(Level.DEBUG);
    }

    @Test
    void serverLogsAtInfo() {
        LogLevels.logback().forServer(false);

        assertThat(root.getLevel()).isEqualTo(Level.INFO);
        assertThat(project.getEffectiveLevel()).isEqualTo(Level.INFO);
    }
}
