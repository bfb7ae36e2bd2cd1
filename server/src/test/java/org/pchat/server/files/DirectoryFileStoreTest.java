package org.pchat.server.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryFileStoreTest {

    private static final UUID ROOM = UUID.fromString("094f5a4a-c492-4f6b-91c2-385eba134fd3");

    @TempDir
    Path root;

    @Test
    void partialFileIsInvisibleUntilCommittedThenLivesUnderRoomGuid() throws Exception {
        DirectoryFileStore store = new DirectoryFileStore(root);
        String name = FileNames.unique("a.txt");
        FileStore.Partial partial = store.begin(ROOM, name);
        try (OutputStream out = partial.append()) {
            out.write("hello".getBytes(StandardCharsets.UTF_8));
        }

        assertThatThrownBy(() -> store.open(ROOM, name)).isInstanceOf(NoSuchFileException.class);
        partial.commit();

        assertThat(root.resolve(ROOM.toString()).resolve(name)).hasContent("hello");
        try (InputStream in = store.open(ROOM, name)) {
            assertThat(in.readAllBytes()).isEqualTo("hello".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(store.size(ROOM, name)).isEqualTo(5);
    }

    @Test
    void abortedPartialLeavesNothing() throws Exception {
        DirectoryFileStore store = new DirectoryFileStore(root);
        FileStore.Partial partial = store.begin(ROOM, FileNames.unique("b.bin"));
        try (OutputStream out = partial.append()) {
            out.write(new byte[1000]);
        }

        partial.abort();

        try (Stream<Path> files = Files.walk(root)) {
            assertThat(files.filter(Files::isRegularFile)).isEmpty();
        }
    }

    @Test
    void resumedPartialAppendsAcrossInstances() throws Exception {
        String name = FileNames.unique("c.txt");
        try (OutputStream out = new DirectoryFileStore(root).begin(ROOM, name).append()) {
            out.write("ab".getBytes(StandardCharsets.UTF_8));
        }
        DirectoryFileStore other = new DirectoryFileStore(root);
        FileStore.Partial resumed = other.resume(ROOM, name);
        try (OutputStream out = resumed.append()) {
            out.write("cd".getBytes(StandardCharsets.UTF_8));
        }
        resumed.commit();

        assertThat(root.resolve(ROOM.toString()).resolve(name)).hasContent("abcd");
    }

    @Test
    void namesOutsideTheStoreAreRefused() throws Exception {
        DirectoryFileStore store = new DirectoryFileStore(root);

        assertThatThrownBy(() -> store.open(ROOM, "../../etc/passwd")).isInstanceOf(FileException.class)
                .hasMessageContaining("not a stored file name");
        assertThatThrownBy(() -> store.begin(ROOM, "x/../../y")).isInstanceOf(FileException.class);
    }
}
