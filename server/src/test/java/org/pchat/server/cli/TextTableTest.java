package org.pchat.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class TextTableTest {

    private static String print(TextTable table) {
        StringWriter out = new StringWriter();
        table.print(new PrintWriter(out));
        return out.toString();
    }

    @Test
    void padsColumnsToTheWidestCell() {
        TextTable table = new TextTable("name", "privacy").row("Lobby", "open").row("A much longer name", "secret");

        assertThat(print(table).lines()).containsExactly(
                "NAME                PRIVACY",
                "Lobby               open",
                "A much longer name  secret");
    }

    @Test
    void lineBreaksInCellsBecomeSpaces() {
        assertThat(print(new TextTable("topic").row("two\nlines"))).contains("two lines");
    }

    @Test
    void rowWithTheWrongNumberOfCellsIsRefused() {
        assertThatThrownBy(() -> new TextTable("a", "b").row("only one"))
                .hasMessage("row has 1 cells, the table 2 columns");
    }
}
