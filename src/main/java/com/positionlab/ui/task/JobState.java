package com.positionlab.ui.task;

/** Lifecycle of a background job; set only by the task runner. */
public enum JobState {
    RUNNING, SUCCEEDED, FAILED, CANCELLED;

    public boolean isDone() {
        return this != RUNNING;
    }
}
