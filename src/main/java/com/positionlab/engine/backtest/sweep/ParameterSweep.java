package com.positionlab.engine.backtest.sweep;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import com.positionlab.engine.InvalidParameterException;
import com.positionlab.engine.task.CancelledException;
import com.positionlab.engine.task.Progress;

/**
 * Runs a function over a list of parameter points on a fixed number of threads and returns the results in the
 * order of the points. Each point is computed on its own, so the results are the same whatever the thread
 * count, provided the function is deterministic and shares no mutable state between points (a backtest of one
 * point shares only the immutable {@link com.positionlab.engine.backtest.PriceHistory}).
 *
 * <p>Each run starts its own pool of {@code threads} daemon threads and shuts it down before returning, whether
 * it completes, fails or is cancelled; the calling thread only waits. Progress is the fraction of points done,
 * reported from the worker threads as each point completes.
 *
 * <p>Cancellation: once {@code progress} reports cancelled (or the calling thread is interrupted), points not
 * started are not started, running points are interrupted and, with {@link #runCancellable}, also see the
 * cancellation through the {@link Progress} they are given; the run throws {@link CancelledException} within
 * a poll of {@value #POLL_MILLIS} ms plus the time a running point takes to notice. A point that throws stops the
 * run the same way, and the run throws {@link SweepPointException} naming that point, with its exception as the
 * cause (when several points fail before the others have stopped, the first of them in the order of the points).
 */
public final class ParameterSweep {

    /** Upper bound on the number of threads. */
    public static final int MAX_THREADS = 256;
    static final long POLL_MILLIS = 10;
    private static final long SHUTDOWN_SECONDS = 10;

    /** A point's computation that checks the sweep's cancellation (pass {@code guard} on to a backtest). */
    @FunctionalInterface
    public interface CancellableFunction<P, R> {
        /**
         * @param point the parameter point
         * @param guard cancelled once the sweep stops; its progress updates are ignored
         */
        R apply(P point, Progress guard);
    }

    private ParameterSweep() {
    }

    /** {@code function} over {@code points} on {@code threads} threads, in [1, {@value #MAX_THREADS}]. */
    public static <P, R> List<R> run(List<P> points, Function<? super P, ? extends R> function, int threads,
            Progress progress) {
        if (function == null) {
            throw new InvalidParameterException("function", "must be given");
        }
        return runCancellable(points, (point, guard) -> function.apply(point), threads, progress);
    }

    /**
     * {@code function} over {@code points} on {@code threads} threads, in [1, {@value #MAX_THREADS}]; each call is
     * given a {@link Progress} that reports the sweep's cancellation.
     *
     * @return one result per point, in the order of the points (an unmodifiable list; nulls allowed)
     * @throws SweepPointException naming the point whose computation threw
     * @throws CancelledException  when cancelled
     */
    public static <P, R> List<R> runCancellable(List<P> points, CancellableFunction<? super P, ? extends R> function,
            int threads, Progress progress) {
        if (points == null) {
            throw new InvalidParameterException("points", "must be given");
        }
        if (function == null) {
            throw new InvalidParameterException("function", "must be given");
        }
        if (threads < 1 || threads > MAX_THREADS) {
            throw new InvalidParameterException("threads", "must be in [1, " + MAX_THREADS + "], got " + threads);
        }
        if (progress == null) {
            throw new InvalidParameterException("progress", "must be given (Progress.NONE for none)");
        }
        progress.checkCancelled();
        if (points.isEmpty()) {
            progress.update(1, "parameter sweep: no points");
            return List.of();
        }
        List<P> copy = new ArrayList<>(points);
        Run<P, R> run = new Run<>(copy, function, progress);
        Pool pool = new Pool(Math.min(threads, copy.size()));
        try {
            List<Future<R>> futures = new ArrayList<>(copy.size());
            for (int k = 0; k < copy.size(); k++) {
                int index = k;
                futures.add(pool.executor.submit(() -> run.compute(index)));
            }
            pool.executor.shutdown();
            Object[] results = new Object[copy.size()];
            for (int k = 0; k < results.length; k++) {
                results[k] = run.await(futures.get(k));
            }
            @SuppressWarnings("unchecked")
            List<R> list = (List<R>) Collections.unmodifiableList(Arrays.asList(results));
            return list;
        } finally {
            run.stop.set(true);
            pool.shutDown();
        }
    }

    /** One sweep's shared state: the points, the stop flag and the first failure. */
    private static final class Run<P, R> {
        private final List<P> points;
        private final CancellableFunction<? super P, ? extends R> function;
        private final Progress progress;
        private final AtomicBoolean stop = new AtomicBoolean();
        private final Guard guard;
        private final AtomicReference<SweepPointException> failure = new AtomicReference<>();
        private final Object lock = new Object();
        private int done;

        Run(List<P> points, CancellableFunction<? super P, ? extends R> function, Progress progress) {
            this.points = points;
            this.function = function;
            this.progress = progress;
            this.guard = new Guard(progress, stop);
        }

        /** Point {@code index}'s result, on a worker thread; a failure is recorded and stops the sweep. */
        R compute(int index) {
            guard.checkCancelled();
            R result;
            try {
                result = function.apply(points.get(index), guard);
            } catch (CancelledException e) {
                throw e;
            } catch (RuntimeException | Error e) {
                SweepPointException failed = new SweepPointException(index, points.get(index), e);
                failure.accumulateAndGet(failed, (a, b) -> a == null || b.index() < a.index() ? b : a);
                stop.set(true);
                throw e;
            }
            synchronized (lock) {
                done++;
                progress.update((double) done / points.size(), "parameter sweep: " + done + " of "
                        + points.size() + " points");
            }
            return result;
        }

        /** Waits for one point on the calling thread, polling for cancellation and for a failure elsewhere. */
        R await(Future<R> future) {
            while (true) {
                SweepPointException failed = failure.get();
                if (failed != null) {
                    throw failed;
                }
                if (progress.isCancelled() || Thread.currentThread().isInterrupted()) {
                    stop.set(true);
                    throw new CancelledException();
                }
                try {
                    return future.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    // not done yet: look for cancellation or a failure, then wait again
                } catch (InterruptedException e) {
                    stop.set(true);
                    Thread.currentThread().interrupt();
                    throw new CancelledException();
                } catch (ExecutionException e) {
                    if (failure.get() == null && e.getCause() instanceof CancelledException cancelled) {
                        stop.set(true);
                        throw cancelled;
                    }
                    // a failure: recorded before the worker rethrew it, reported at the top of the loop
                }
            }
        }
    }

    /** A fixed pool of daemon threads that remembers its threads, so that shutting down can wait for them. */
    private static final class Pool {
        final List<Thread> threads = new CopyOnWriteArrayList<>();
        final ExecutorService executor;

        Pool(int size) {
            AtomicInteger count = new AtomicInteger();
            executor = Executors.newFixedThreadPool(size, r -> {
                Thread t = new Thread(r, "parameter-sweep-" + count.incrementAndGet());
                t.setDaemon(true);
                threads.add(t);
                return t;
            });
        }

        /**
         * Interrupts running points and waits for every thread to end (a point that ignores interrupts for
         * {@value #SHUTDOWN_SECONDS} s is left running).
         */
        void shutDown() {
            executor.shutdownNow();
            try {
                if (executor.awaitTermination(SHUTDOWN_SECONDS, TimeUnit.SECONDS)) {
                    for (Thread t : threads) {
                        t.join(TimeUnit.SECONDS.toMillis(SHUTDOWN_SECONDS)); // its task is over: it is exiting
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The caller's cancellation, also set once the sweep stops; progress of single points is not forwarded. */
    private record Guard(Progress progress, AtomicBoolean stop) implements Progress {
        @Override
        public void update(double fraction, String message) {
        }

        @Override
        public boolean isCancelled() {
            return stop.get() || progress.isCancelled();
        }
    }
}
