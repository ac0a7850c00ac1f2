package com.positionlab.ui.task;

import com.positionlab.engine.task.Progress;

/** A unit of background work: computes a value, reporting progress and honouring cancellation. */
@FunctionalInterface
public interface Work<T> {
    T run(Progress progress) throws Exception;
}
