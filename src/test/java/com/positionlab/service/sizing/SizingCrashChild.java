package com.positionlab.service.sizing;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import com.positionlab.engine.sizing.SizingMethod;
import com.positionlab.store.Database;
import com.positionlab.store.Store;

/**
 * Child process of {@link KilledServiceLosesNoAcknowledgedEventTest}: opens the workspace given as the
 * first argument and sizes from {@code THREADS} threads forever through {@link PositionSizingService},
 * printing {@code ACK sizingId} once {@code size} has returned (so every printed id was acknowledged).
 */
public final class SizingCrashChild {

    static final int THREADS = 6;

    private SizingCrashChild() {
    }

    public static void main(String[] args) throws Exception {
        Database db = Database.open(args[0]);
        PositionSizingService service = new PositionSizingService(new Store(db));
        PositionSizingRequest request = PositionSizingServiceTest.selfContained(SizingMethod.FIXED_PERCENTAGE);
        PrintStream out = System.out;
        out.println("START");
        out.flush();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            Thread thread = new Thread(() -> {
                while (true) {
                    String id = service.size(request).sizingId();
                    synchronized (out) {
                        out.println("ACK " + id);
                        out.flush();
                    }
                }
            }, "sizer-" + t);
            thread.start();
            threads.add(thread);
        }
        for (Thread t : threads) {
            t.join();
        }
    }
}
