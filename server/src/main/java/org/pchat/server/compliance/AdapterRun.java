package org.pchat.server.compliance;

import java.util.Objects;

/** What one export run did for one adapter. */
public sealed interface AdapterRun permits AdapterRun.Exported, AdapterRun.Failed {

    /** The adapter's name. */
    String adapter();

    /**
     * The adapter exported everything there was.
     *
     * @param adapter    the adapter
     * @param events     events exported in this run
     * @param files      files written in this run
     * @param checkpoint its checkpoint after the run (0: nothing exported yet)
     */
    record Exported(String adapter, long events, int files, long checkpoint) implements AdapterRun {
        public Exported {
            Objects.requireNonNull(adapter, "adapter");
        }
    }

    /**
     * The adapter stopped; what it finished is checkpointed, the next run goes on from there.
     *
     * @param adapter the adapter
     * @param cause   why, one line
     */
    record Failed(String adapter, String cause) implements AdapterRun {
        public Failed {
            Objects.requireNonNull(adapter, "adapter");
            Objects.requireNonNull(cause, "cause");
        }
    }
}
