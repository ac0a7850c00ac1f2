package com.positionlab.store;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Backs a file database up at a fixed interval while a long-running process (the workstation, {@code serve})
 * has it open, when its data changed since the last backup ({@link Database#backupIfChanged()}). A
 * failed backup is reported once per distinct message, not at every tick. Closing cancels the ticks to
 * come and waits at most {@link #STOP_WAIT} for a backup that is being written.
 */
public final class PeriodicBackup implements AutoCloseable {

    /** The interval used by the workstation and {@code serve}. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(15);
    /** Longest a {@link #close()} waits for a running backup. */
    public static final Duration STOP_WAIT = Duration.ofSeconds(3);

    private static final Logger LOG = LoggerFactory.getLogger(PeriodicBackup.class);

    private final Database db;
    private final Consumer<String> onFailure;
    private final ScheduledExecutorService timer;
    private String lastFailure;

    private PeriodicBackup(Database db, Consumer<String> onFailure) {
        this.db = db;
        this.onFailure = onFailure;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "positionlab-backup");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Starts backing {@code db} up every {@code interval} (nothing is scheduled for an in-memory database).
     *
     * @param onFailure told, once per distinct message, when a backup could not be written
     */
    public static PeriodicBackup start(Database db, Duration interval, Consumer<String> onFailure) {
        Objects.requireNonNull(db, "db");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("backup interval must be positive, got " + interval);
        }
        PeriodicBackup backup = new PeriodicBackup(db, Objects.requireNonNull(onFailure, "onFailure"));
        if (db.isFileBased()) {
            long ms = interval.toMillis();
            backup.timer.scheduleWithFixedDelay(backup::tick, ms, ms, TimeUnit.MILLISECONDS);
        }
        return backup;
    }

    private void tick() {
        try {
            db.backupIfChanged().ifPresent(p -> LOG.info("Wrote the periodic backup {}", p));
            lastFailure = null;
        } catch (RuntimeException e) {
            String message = e.getMessage();
            if (!Objects.equals(message, lastFailure)) {
                lastFailure = message;
                LOG.warn("Periodic backup failed (reported once until it succeeds): {}", message);
                onFailure.accept(message);
            }
        }
    }

    @Override
    public void close() {
        // cancels the periodic task; no interrupt: an interrupted H2 file channel closes the whole database
        timer.shutdown();
        try {
            if (!timer.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("A periodic backup was still being written after {} s; it is abandoned and its temporary "
                        + "file removed at the next open", STOP_WAIT.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
