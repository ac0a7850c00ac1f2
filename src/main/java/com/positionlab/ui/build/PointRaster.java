package com.positionlab.ui.build;

import java.util.Arrays;

import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;

import com.positionlab.ui.build.ChartGeometry.Rect;
import com.positionlab.ui.build.ChartGeometry.Transform;

/**
 * The many small points of the chart as one image of the plot, which the software pipeline draws far faster
 * than thousands of shapes: the cloud of random portfolios (2 x 2 px dots that grow more opaque where they
 * pile up: opacity 1 - (1 - a)^n for n dots of opacity a) and, over it, the asset dots (anti-aliased discs).
 */
final class PointRaster {

    /** Dots on one pixel beyond which the cloud no longer darkens. */
    private static final int MAX_HITS = 255;
    /** Sub-pixel samples per axis when the disc's coverage of a pixel is measured. */
    private static final int SAMPLES = 4;

    private WritableImage image;
    private byte[] hits = new byte[0];
    private int[] argb = new int[0];
    private int width;
    private int height;

    /** The colours and sizes: the cloud's colour and per-dot opacity, the assets' colour and disc radius (px). */
    record Style(Color cloud, double cloudOpacity, Color asset, double assetRadius) {
    }

    /**
     * The image of the plot of {@code t}, to be drawn at the plot's top left, with the cloud
     * ({@code cloudX[i]}, {@code cloudY[i]}) and the assets ({@code assetX[i]}, {@code assetY[i]}), all fractions;
     * null when both are empty.
     */
    WritableImage render(double[] cloudX, double[] cloudY, double[] assetX, double[] assetY, Transform t, Style style) {
        Rect plot = t.plot();
        if (cloudX.length + assetX.length == 0 || !allocate((int) Math.ceil(plot.width()), (int) Math.ceil(plot.height()))) {
            return null;
        }
        Arrays.fill(hits, (byte) 0);
        for (int i = 0; i < cloudX.length; i++) {
            int x = (int) Math.floor(t.screenX(cloudX[i]) - plot.x()) - 1;
            int y = (int) Math.floor(t.screenY(cloudY[i]) - plot.y()) - 1;
            hit(x, y);
            hit(x + 1, y);
            hit(x, y + 1);
            hit(x + 1, y + 1);
        }
        int[] alphaOf = cloudAlphas(style.cloudOpacity());
        int cloudRgb = rgb(style.cloud());
        for (int p = 0; p < argb.length; p++) {
            argb[p] = premultiplied(alphaOf[hits[p] & 0xff], cloudRgb);
        }
        int r = (int) Math.ceil(style.assetRadius());
        int[] disc = disc(style.assetRadius(), r);
        int assetRgb = rgb(style.asset());
        for (int i = 0; i < assetX.length; i++) {
            int cx = (int) Math.floor(t.screenX(assetX[i]) - plot.x());
            int cy = (int) Math.floor(t.screenY(assetY[i]) - plot.y());
            for (int dy = -r; dy <= r; dy++) {
                for (int dx = -r; dx <= r; dx++) {
                    over(cx + dx, cy + dy, premultiplied(disc[(dy + r) * (2 * r + 1) + dx + r], assetRgb));
                }
            }
        }
        image.getPixelWriter().setPixels(0, 0, width, height, PixelFormat.getIntArgbPreInstance(), argb, 0, width);
        return image;
    }

    private boolean allocate(int w, int h) {
        if (w <= 0 || h <= 0) {
            return false;
        }
        if (image == null || w != width || h != height) {
            width = w;
            height = h;
            image = new WritableImage(w, h);
            hits = new byte[w * h];
            argb = new int[w * h];
        }
        return true;
    }

    private void hit(int x, int y) {
        if (x >= 0 && y >= 0 && x < width && y < height && (hits[y * width + x] & 0xff) < MAX_HITS) {
            hits[y * width + x]++;
        }
    }

    /** Composites the premultiplied {@code top} over the pixel at ({@code x}, {@code y}). */
    private void over(int x, int y, int top) {
        if (x < 0 || y < 0 || x >= width || y >= height || top == 0) {
            return;
        }
        int p = y * width + x;
        int keep = 255 - (top >>> 24);
        int under = argb[p];
        int out = 0;
        for (int shift = 0; shift <= 24; shift += 8) {
            int c = ((top >>> shift) & 0xff) + (((under >>> shift) & 0xff) * keep + 127) / 255;
            out |= Math.min(255, c) << shift;
        }
        argb[p] = out;
    }

    /** The alpha (0 to 255) of a cloud pixel under n dots of {@code opacity}, for n = 0 to {@link #MAX_HITS}. */
    private static int[] cloudAlphas(double opacity) {
        int[] out = new int[MAX_HITS + 1];
        for (int n = 1; n <= MAX_HITS; n++) {
            out[n] = (int) Math.round(255 * (1 - Math.pow(1 - opacity, n)));
        }
        return out;
    }

    /** The share (0 to 255) of each pixel of a (2r + 1)^2 square covered by a disc of {@code radius} px at its centre. */
    private static int[] disc(double radius, int r) {
        int side = 2 * r + 1;
        int[] out = new int[side * side];
        for (int py = 0; py < side; py++) {
            for (int px = 0; px < side; px++) {
                int inside = 0;
                for (int sy = 0; sy < SAMPLES; sy++) {
                    for (int sx = 0; sx < SAMPLES; sx++) {
                        double x = px - r + (sx + 0.5) / SAMPLES - 0.5;
                        double y = py - r + (sy + 0.5) / SAMPLES - 0.5;
                        inside += x * x + y * y <= radius * radius ? 1 : 0;
                    }
                }
                out[py * side + px] = Math.round(255f * inside / (SAMPLES * SAMPLES));
            }
        }
        return out;
    }

    private static int rgb(Color c) {
        return ((int) Math.round(c.getRed() * 255) << 16) | ((int) Math.round(c.getGreen() * 255) << 8)
                | (int) Math.round(c.getBlue() * 255);
    }

    /** An opaque {@code rgb} at {@code alpha} (0 to 255), premultiplied, as ARGB. */
    private static int premultiplied(int alpha, int rgb) {
        if (alpha == 0) {
            return 0;
        }
        int r = ((rgb >>> 16) & 0xff) * alpha / 255;
        int g = ((rgb >>> 8) & 0xff) * alpha / 255;
        int b = (rgb & 0xff) * alpha / 255;
        return (alpha << 24) | (r << 16) | (g << 8) | b;
    }
}
