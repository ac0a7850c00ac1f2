package com.positionlab.ui;

import com.positionlab.io.AtomicFile;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.imageio.ImageIO;

import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;

import com.positionlab.engine.task.Progress;
import com.positionlab.service.Services;
import com.positionlab.ui.shell.Page;
import com.positionlab.ui.task.FxTaskRunner;

/**
 * Renders one view of the workstation, on its workspace, to a PNG (1400 x 900 pixels unless asked
 * otherwise) without a display (JavaFX's Monocle headless platform). Used by the {@code screenshot} command.
 */
public final class Screenshot {

    private static final long SETTLE_TIMEOUT_MS = 60_000;

    private Screenshot() {
    }

    /** Selects the headless platform with a screen of {@code width} x {@code height}; before JavaFX starts. */
    public static void useHeadlessPlatform(int width, int height) {
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("prism.text", "t2k");
        System.setProperty("headless.geometry", width + "x" + height + "-32");
        System.setProperty("java.awt.headless", "true");
    }

    /** Renders {@code page} in a window of {@code width} x {@code height} to {@code out} (via a temporary file). */
    public static void render(AppConfig config, Page page, Path out, int width, int height) throws Exception {
        useHeadlessPlatform(width, height);
        AppConfig.quietJavaFxClasspathWarning();
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get(30, TimeUnit.SECONDS);
        AppConfig.restoreJavaFxWarnings();
        Platform.setImplicitExit(false);
        try (Services services = Services.open(config.jdbcUrl(), Progress.NONE)) {
            Workstation w = onFx(() -> {
                Stage stage = new Stage();
                Workstation built = Workstation.build(stage, config, new FxTaskRunner());
                stage.setWidth(width);
                stage.setHeight(height);
                built.model().attach(services, config.jdbcUrl());
                built.model().selectedPageProperty().set(page);
                stage.show();
                return built;
            });
            waitUntilIdle(w);
            WritableImage image = onFx(() -> {
                w.scene().getRoot().applyCss();
                w.scene().getRoot().layout();
                return w.scene().snapshot(null);
            });
            write(SwingFXUtils.fromFXImage(image, null), out);
            onFx(() -> {
                w.model().runner().shutdown();
                return null;
            });
        } finally {
            Platform.exit();
        }
    }

    private static void waitUntilIdle(Workstation w) throws Exception {
        long deadline = System.currentTimeMillis() + SETTLE_TIMEOUT_MS;
        int quiet = 0;
        while (quiet < 5) {
            if (System.currentTimeMillis() > deadline) {
                throw new TimeoutException("the view did not finish loading within " + SETTLE_TIMEOUT_MS / 1000 + " s");
            }
            Thread.sleep(100);
            boolean idle = onFx(() -> w.model().runningJobs().isEmpty());
            quiet = idle ? quiet + 1 : 0;
        }
    }

    private static void write(BufferedImage image, Path out) throws IOException {
        Path target = out.toAbsolutePath();
        if (target.getParent() != null) {
            Files.createDirectories(target.getParent());
        }
        AtomicFile.write(target, png -> {
            if (!ImageIO.write(image, "png", png)) {
                throw new IOException("no PNG writer available");
            }
        });
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> c) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(c.call());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        try {
            return f.get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception ex ? ex : e;
        }
    }
}
