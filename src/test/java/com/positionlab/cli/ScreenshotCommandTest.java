package com.positionlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code screenshot} as a user would, in its own JVM (JavaFX starts once per process), and checks
 * the PNG: 1400 x 900 (or the size asked for), not blank, and dark when asked for the dark theme.
 */
@Tag("slow") // starts a JVM of its own: `mvn test -Dtest.excludedGroups=benchmark,slow` leaves it out
class ScreenshotCommandTest {

    @TempDir
    Path dir;

    @Test
    void rendersThePortfolioViewAndTheDarkDataViewAt1920x1080OnTheDemoWorkspace() throws Exception {
        String db = "jdbc:h2:file:" + dir.resolve("ws").toAbsolutePath();
        Path portfolio = dir.resolve("portfolio.png");
        Path data = dir.resolve("data.png");

        assertThat(runLauncher("screenshot", "--db", db, "--view", "portfolio", "--out", portfolio.toString())).isZero();
        assertThat(runLauncher("screenshot", "--db", db, "--view", "data", "--theme", "dark", "--size", "1920x1080",
                "--out", data.toString())).isZero();
        assertThat(runLauncher("screenshot", "--db", db, "--view", "data", "--size", "99999x1", "--out",
                data.toString())).as("a size out of range is refused before anything starts").isEqualTo(Cli.INVALID_INPUT);

        BufferedImage light = ImageIO.read(portfolio.toFile());
        assertThat(light.getWidth()).isEqualTo(1400);
        assertThat(light.getHeight()).isEqualTo(900);
        assertThat(distinctColours(light)).as("a rendered view, not a blank image").isGreaterThan(200);
        assertThat(meanLuminance(light)).isGreaterThan(0.7);

        BufferedImage dark = ImageIO.read(data.toFile());
        assertThat(dark.getWidth()).isEqualTo(1920);
        assertThat(dark.getHeight()).isEqualTo(1080);
        assertThat(meanLuminance(dark)).isLessThan(0.35);
    }

    private int runLauncher(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Dpositionlab.data.dir=" + dir.toAbsolutePath(), "-cp", System.getProperty("java.class.path"),
                "com.positionlab.Launcher"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(output).as("command output").doesNotContain("Exception");
        return p.exitValue();
    }

    private static int distinctColours(BufferedImage img) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 3) {
            for (int x = 0; x < img.getWidth(); x += 3) {
                colours.add(img.getRGB(x, y));
            }
        }
        return colours.size();
    }

    private static double meanLuminance(BufferedImage img) {
        double sum = 0;
        int n = 0;
        for (int y = 0; y < img.getHeight(); y += 4) {
            for (int x = 0; x < img.getWidth(); x += 4) {
                int rgb = img.getRGB(x, y);
                sum += (0.2126 * ((rgb >> 16) & 0xff) + 0.7152 * ((rgb >> 8) & 0xff) + 0.0722 * (rgb & 0xff)) / 255.0;
                n++;
            }
        }
        return sum / n;
    }
}
