package com.positionlab.engine.sim.growth;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import com.positionlab.engine.task.CancelledException;
import com.positionlab.engine.task.Progress;

/**
 * Runs numbered blocks of work on a fixed number of threads: the calling thread plus {@code threads - 1}
 * helpers. Each thread owns one worker and takes the next block number until none is left. Results must not
 * depend on which worker ran which block: workers keep only integer counts (whose sums do not depend on
 * order) and write per-path values into their paths' own slots.
 *
 * <p>The helpers are daemon threads shared by every run (one fewer than the processors, at least one), started
 * once: starting threads for each run cost about a tenth of a simulation. A run asks for {@code threads - 1}
 * of them; one that is busy with another run's blocks is not waited for: its task is withdrawn if it has not
 * started by the time the caller has taken the last block.
 *
 * <p>Cancellation: every thread checks {@link Progress#checkCancelled()} between blocks (and the workers
 * inside long blocks); the first thread to fail or be cancelled stops the others, and the caller gets a
 * {@link CancelledException} (or the worker's own error).
 */
final class ParallelBlocks {

    /** One thread's share of the work. */
    interface Worker {
        /** Runs block {@code block}; calls {@code guard.checkCancelled()} now and then inside long blocks. */
        void run(int block, Progress guard);
    }

    private final int threads;

    ParallelBlocks(int threads) {
        this.threads = threads;
    }

    /** The helper threads, shared by every run and started on first use. */
    private static final class Helpers {
        static final ExecutorService POOL;

        static {
            AtomicInteger count = new AtomicInteger();
            POOL = Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors() - 1), r -> {
                Thread t = new Thread(r, "growth-simulation-" + count.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
        }

        private Helpers() {
        }
    }

    /**
     * Runs blocks {@code 0..blocks-1} and returns the workers (one per thread that was used). Reports
     * progress after each block as {@code from + (to - from) * done / blocks}.
     */
    <W extends Worker> List<W> run(int blocks, Supplier<W> newWorker, Progress progress, double from, double to,
            String message) {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        Progress guard = new Guard(progress, stop);
        int helperCount = Math.min(threads - 1, blocks - 1);
        List<Future<?>> futures = new ArrayList<>();
        List<AtomicBoolean> claims = new ArrayList<>();
        List<java.util.concurrent.atomic.AtomicReference<W>> helperWorkers = new ArrayList<>();
        for (int i = 1; i <= helperCount; i++) {
            // Whoever claims the task first owns it: the helper when it starts, or the caller once it has taken
            // the last block (then the helper, still busy elsewhere, will skip it and is not waited for).
            AtomicBoolean claim = new AtomicBoolean();
            claims.add(claim);
            java.util.concurrent.atomic.AtomicReference<W> slot = new java.util.concurrent.atomic.AtomicReference<>();
            helperWorkers.add(slot);
            futures.add(Helpers.POOL.submit(() -> {
                if (claim.compareAndSet(false, true)) {
                    // Made on the thread that fills it: its arrays start in that core's cache, not the caller's.
                    W worker = newWorker.get();
                    slot.set(worker);
                    work(worker, blocks, next, done, stop, guard, from, to, message);
                }
            }));
        }
        List<W> workers = new ArrayList<>();
        workers.add(newWorker.get());
        RuntimeException failure = null;
        try {
            work(workers.get(0), blocks, next, done, stop, guard, from, to, message);
        } catch (RuntimeException e) {
            failure = e;
        }
        for (int i = 0; i < futures.size(); i++) {
            if (claims.get(i).compareAndSet(false, true)) {
                continue; // never started: its worker ran no block
            }
            try {
                futures.get(i).get();
                workers.add(helperWorkers.get(i).get());
            } catch (ExecutionException e) {
                if (failure == null || failure instanceof CancelledException) {
                    failure = e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
                }
            } catch (InterruptedException e) {
                stop.set(true);
                Thread.currentThread().interrupt();
                failure = new CancelledException();
            }
        }
        if (failure != null) {
            throw failure;
        }
        return workers;
    }

    private static void work(Worker worker, int blocks, AtomicInteger next, AtomicInteger done, AtomicBoolean stop,
            Progress guard, double from, double to, String message) {
        try {
            for (int b = next.getAndIncrement(); b < blocks; b = next.getAndIncrement()) {
                guard.checkCancelled();
                worker.run(b, guard);
                guard.update(from + (to - from) * done.incrementAndGet() / blocks, message);
            }
        } catch (RuntimeException | Error e) {
            stop.set(true);
            throw e;
        }
    }

    /** The caller's progress, also cancelled once any thread has stopped the run. */
    private record Guard(Progress progress, AtomicBoolean stop) implements Progress {
        @Override
        public void update(double fraction, String message) {
            progress.update(fraction, message);
        }

        @Override
        public boolean isCancelled() {
            return stop.get() || progress.isCancelled();
        }
    }
}
