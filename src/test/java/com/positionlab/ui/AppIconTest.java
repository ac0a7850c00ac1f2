package com.positionlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;

import javax.imageio.ImageIO;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The window icon is in the jar in the sizes the window asks for (copied from packaging/icons, drawn from
 * assets/icon.svg), square and not blank.
 */
class AppIconTest {

    @ParameterizedTest
    @ValueSource(ints = {16, 32, 64, 256})
    void eachSizeTheWindowUsesIsInTheJar(int size) throws IOException {
        try (InputStream in = PositionLabApp.class.getResourceAsStream("icons/positionlab-" + size + ".png")) {
            assertThat(in).as("icon %d", size).isNotNull();
            BufferedImage image = ImageIO.read(in);
            assertThat(image.getWidth()).isEqualTo(size);
            assertThat(image.getHeight()).isEqualTo(size);
            // The middle is drawn (the tile), the corner is transparent (rounded).
            assertThat(image.getRGB(size / 2, size / 2) >>> 24).isEqualTo(255);
            assertThat(image.getRGB(0, 0) >>> 24).isLessThan(64);
        }
    }
}
