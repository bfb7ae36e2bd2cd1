package org.pchat.server.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.UUID;

/**
 * Where the bytes of posted files live, readable by every node of a pool (ARCHITECTURE.md §2). Files are
 * addressed by room and stored name ({@link FileNames}); an implementation must refuse any other name. A file is
 * written as a {@link Partial} first and becomes readable only when it is committed, so readers never see half
 * a file and a refused upload leaves nothing behind.
 */
public interface FileStore {

    /**
     * Starts a new partial file.
     *
     * @throws java.nio.file.FileAlreadyExistsException when a partial or a file of that name exists
     */
    Partial begin(UUID roomId, String storedName) throws IOException;

    /**
     * Continues a partial file begun earlier (chunked uploads), possibly by another node.
     *
     * @throws java.nio.file.NoSuchFileException when there is no such partial file
     */
    Partial resume(UUID roomId, String storedName) throws IOException;

    /**
     * Opens a committed file for reading; the caller closes the stream.
     *
     * @throws java.nio.file.NoSuchFileException when there is no such file
     */
    InputStream open(UUID roomId, String storedName) throws IOException;

    /**
     * The size of a committed file in bytes.
     *
     * @throws java.nio.file.NoSuchFileException when there is no such file
     */
    long size(UUID roomId, String storedName) throws IOException;

    /** Deletes a committed file; false when there was none. */
    boolean delete(UUID roomId, String storedName) throws IOException;

    /** Where the store keeps its files, for logs. */
    String describe();

    /** A file being written: invisible to readers until {@link #commit()}. */
    interface Partial {

        /** The bytes written so far. */
        long size() throws IOException;

        /** A stream appending to the partial file; the caller closes it, which flushes it to storage. */
        OutputStream append() throws IOException;

        /**
         * Publishes the file under its stored name, atomically.
         *
         * @throws java.nio.file.FileAlreadyExistsException when a committed file of that name exists
         */
        void commit() throws IOException;

        /** Deletes the partial file. Never throws: a failure is logged. */
        void abort();
    }
}
