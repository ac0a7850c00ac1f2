package com.positionlab.engine.task;

/**
 * How a long computation reports progress and learns that it should stop. Plain Java: the UI adapts
 * it to its task runner, tests pass {@link #NONE}.
 */
public interface Progress {

    /** Ignores progress and is never cancelled. */
    Progress NONE = new Progress() {
        @Override
        public void update(double fraction, String message) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    };

    /** Reports the fraction done, in [0, 1], and what is being done. May be called from any thread. */
    void update(double fraction, String message);

    /** Whether the caller has asked the computation to stop. */
    boolean isCancelled();

    /**
     * Throws {@link CancelledException} when cancelled or when the current thread was interrupted.
     * Long loops call it regularly.
     */
    default void checkCancelled() {
        if (isCancelled() || Thread.currentThread().isInterrupted()) {
            throw new CancelledException();
        }
    }
}
