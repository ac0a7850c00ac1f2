package com.positionlab.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.application.Platform;
import javafx.scene.control.Slider;
import javafx.scene.control.TableView;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;


/**
 * How long a Kelly Lab slider move takes to reach the screen: from the slider's new value to the first
 * pulse that lays out the new results, and to the pulse after it (drawn). Headless (Monocle, software
 * rendering), on the demo workspace's default inputs (10,000 paths of 250 bets). A measurement, not a check:
 * tagged "benchmark", so the normal build skips it; run it with {@code bench/slider/run.sh}.
 */
@org.junit.jupiter.api.Tag("benchmark")
class KellySliderLatencyTest extends FxRobot {
    @TempDir
    Path dataDir;
    private PositionLabApp app;

    @BeforeEach
    void start() throws Exception {
        app = HeadlessWorkstation.start(dataDir);
    }

    @AfterEach
    void stop() throws Exception {
        HeadlessWorkstation.stop(app);
    }

    @Test
    void sliderMovesReachTheScreen() throws Exception {
        clickOn("#nav-kelly");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !lookup("#kelly-fractions").queryAs(TableView.class).getItems().isEmpty());
        Slider slider = lookup("#kelly-fraction-slider").queryAs(Slider.class);
        var scene = slider.getScene();
        List<Double> drawn = new ArrayList<>();
        int warmUp = 8;
        for (int i = 0; i < warmUp + 40; i++) {
            double v = 0.3 + 0.1 * (i % 14);
            long[] t = new long[4];
            java.util.concurrent.CountDownLatch shown = new java.util.concurrent.CountDownLatch(1);
            var table = lookup("#kelly-fractions").queryAs(TableView.class);
            Object before = table.getItems().isEmpty() ? null : table.getItems().get(0);
            Runnable[] pulse = new Runnable[1];
            pulse[0] = () -> {
                Object now = table.getItems().isEmpty() ? null : table.getItems().get(0);
                if (now != before && t[2] == 0) {
                    t[2] = System.nanoTime();
                } else if (t[2] != 0) {
                    t[3] = System.nanoTime();
                    scene.removePostLayoutPulseListener(pulse[0]);
                    shown.countDown();
                }
            };
            Platform.runLater(() -> {
                scene.addPostLayoutPulseListener(pulse[0]);
                t[0] = System.nanoTime();
                slider.setValue(v);
                t[1] = System.nanoTime();
            });
            shown.await(20, TimeUnit.SECONDS);
            if (i >= warmUp) {
                drawn.add((t[3] - t[0]) / 1e6);
            }
            Thread.sleep(300);
        }
        java.util.Collections.sort(drawn);
        System.out.printf("slider move to new charts drawn, %d moves: median %.0f ms, 90th percentile %.0f ms, "
                + "max %.0f ms%n", drawn.size(), drawn.get(drawn.size() / 2), drawn.get((int) (drawn.size() * 0.9)),
                drawn.get(drawn.size() - 1));
    }
}
