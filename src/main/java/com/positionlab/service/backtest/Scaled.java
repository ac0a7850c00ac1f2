package com.positionlab.service.backtest;

import com.positionlab.engine.task.Progress;

/** Part {@code k} of {@code of} equal parts of a task's progress; cancelled when the task is. */
record Scaled(Progress whole, int k, int of) implements Progress {

    static Progress part(Progress whole, int k, int of) {
        return of == 1 ? whole : new Scaled(whole, k, of);
    }

    @Override
    public void update(double fraction, String message) {
        whole.update((k + Math.max(0, Math.min(1, fraction))) / of, message);
    }

    @Override
    public boolean isCancelled() {
        return whole.isCancelled();
    }
}
