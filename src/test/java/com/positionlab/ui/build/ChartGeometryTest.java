package com.positionlab.ui.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.positionlab.ui.build.ChartGeometry.Hit;
import com.positionlab.ui.build.ChartGeometry.Occupancy;
import com.positionlab.ui.build.ChartGeometry.Rect;
import com.positionlab.ui.build.ChartGeometry.Transform;
import com.positionlab.ui.build.ChartGeometry.Window;

/** The frontier chart's geometry, without JavaFX: ticks, the transform, zoom and pan, picking, placement. */
class ChartGeometryTest {

    /** Screen and data round trips: pixels are exact to well below a pixel, fractions to 1e-12. */
    private static final double PIXEL = 1e-9;
    private static final double FRACTION = 1e-12;

    private static final Rect PLOT = new Rect(50, 20, 800, 500);
    private static final Window WINDOW = new Window(0.05, 0.45, -0.02, 0.18);

    @Test
    void niceTicksForSeveralRanges() {
        assertThat(ChartGeometry.ticks(0, 1, 5)).containsExactly(0, 0.2, 0.4, 0.6, 0.8, 1);
        assertThat(ChartGeometry.ticks(0.053, 0.447, 8)).containsExactly(0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4);
        assertThat(ChartGeometry.ticks(-0.023, 0.181, 5)).containsExactly(0.0, 0.05, 0.1, 0.15);
        assertThat(ChartGeometry.ticks(0.1012, 0.1047, 4)).containsExactly(0.102, 0.103, 0.104);
        assertThat(ChartGeometry.ticks(3, 470, 5)).containsExactly(100, 200, 300, 400);
        assertThat(ChartGeometry.ticks(-0.05, 0.33, 3)).as("a finer step when its ticks still fit")
                .containsExactly(0.0, 0.1, 0.2, 0.3);
        assertThat(ChartGeometry.ticks(0.3, 0.3, 5)).as("an empty range").isEmpty();
    }

    @Test
    void tickValuesAreRoundMultiplesOfTheStep() {
        double[] ticks = ChartGeometry.ticks(0.12, 0.41, 6);
        assertThat(ticks).containsExactly(0.15, 0.2, 0.25, 0.3, 0.35, 0.4);
        assertThat(ticks[0] * 100).isEqualTo(15.0);
        assertThat(ChartGeometry.ticks(0.2, 0.4, 10)).contains(0.3);
    }

    @ParameterizedTest
    @CsvSource({"0.7, 1", "1, 1", "1.01, 2", "2.5, 5", "5, 5", "7.3, 10", "0.013, 0.02", "380, 500"})
    void stepsAreOneTwoOrFiveTimesAPowerOfTen(double raw, double nice) {
        assertThat(ChartGeometry.niceStep(raw)).isCloseTo(nice, within(nice * 1e-12));
    }

    @Test
    void percentLabelsCarryTheDecimalsTheStepNeeds() {
        assertThat(ChartGeometry.percentDecimals(0.05)).isZero();
        assertThat(ChartGeometry.percentDecimals(0.01)).isZero();
        assertThat(ChartGeometry.percentDecimals(0.005)).isEqualTo(1);
        assertThat(ChartGeometry.percentDecimals(0.002)).isEqualTo(1);
        assertThat(ChartGeometry.percentDecimals(0.0005)).isEqualTo(2);
        assertThat(ChartGeometry.percentLabel(0.125, 1)).isEqualTo("12.5");
        assertThat(ChartGeometry.percentLabel(0.12, 0)).isEqualTo("12");
        assertThat(ChartGeometry.percentLabel(-0.05, 0)).isEqualTo("-5");
        assertThat(ChartGeometry.percentLabel(-0.0, 1)).isEqualTo("0.0");
        assertThat(ChartGeometry.percentLabel(-1e-17, 0)).isEqualTo("0");
    }

    @Test
    void transformMapsTheWindowOntoThePlotWithReturnUpwards() {
        Transform t = new Transform(WINDOW, PLOT);
        assertThat(t.screenX(0.05)).isCloseTo(50, within(PIXEL));
        assertThat(t.screenX(0.45)).isCloseTo(850, within(PIXEL));
        assertThat(t.screenY(-0.02)).isCloseTo(520, within(PIXEL));
        assertThat(t.screenY(0.18)).isCloseTo(20, within(PIXEL));
        assertThat(t.dataX(t.screenX(0.2))).isCloseTo(0.2, within(FRACTION));
        assertThat(t.dataY(t.screenY(0.07))).isCloseTo(0.07, within(FRACTION));
    }

    @Test
    void zoomAroundAPointKeepsThatPointFixed() {
        Transform t = new Transform(WINDOW, PLOT);
        double px = 312.5;
        double py = 141.25;
        double volatility = t.dataX(px);
        double expectedReturn = t.dataY(py);
        for (double factor : new double[] {0.8, 1.25, 0.1}) {
            Transform z = t.zoom(factor, px, py);
            assertThat(z.screenX(volatility)).isCloseTo(px, within(PIXEL));
            assertThat(z.screenY(expectedReturn)).isCloseTo(py, within(PIXEL));
            assertThat(z.window().xSpan()).isCloseTo(WINDOW.xSpan() * factor, within(FRACTION));
            assertThat(z.window().ySpan()).isCloseTo(WINDOW.ySpan() * factor, within(FRACTION));
        }
    }

    @Test
    void panMovesTheContentWithTheDrag() {
        Transform t = new Transform(WINDOW, PLOT);
        Transform panned = t.pan(40, -25);
        assertThat(panned.screenX(0.2)).isCloseTo(t.screenX(0.2) + 40, within(PIXEL));
        assertThat(panned.screenY(0.1)).isCloseTo(t.screenY(0.1) - 25, within(PIXEL));
        assertThat(panned.window().xSpan()).isCloseTo(WINDOW.xSpan(), within(FRACTION));
    }

    @Test
    void nearestPointInterpolatesTheReturnExactly() {
        // Screen points of a polyline; the values are the returns at its vertices.
        double[] xs = {100, 200, 300};
        double[] ys = {400, 300, 300};
        double[] returns = {0.02, 0.06, 0.10};
        Hit onFirst = ChartGeometry.nearest(xs, ys, returns, 150, 350, 40);
        assertThat(onFirst.value()).isCloseTo(0.04, within(FRACTION));
        assertThat(onFirst.distance()).isCloseTo(0, within(PIXEL));
        // 10 px above the second segment, a quarter along it.
        Hit above = ChartGeometry.nearest(xs, ys, returns, 225, 290, 40);
        assertThat(above.value()).isCloseTo(0.07, within(FRACTION));
        assertThat(above.x()).isCloseTo(225, within(PIXEL));
        assertThat(above.y()).isCloseTo(300, within(PIXEL));
        assertThat(above.distance()).isCloseTo(10, within(PIXEL));
        // Beyond the end the end point is nearest.
        assertThat(ChartGeometry.nearest(xs, ys, returns, 320, 300, 40).value()).isCloseTo(0.10, within(FRACTION));
    }

    @Test
    void interpolationInPixelsIsExactInData() {
        double[] vol = {0.10, 0.12, 0.20};
        double[] ret = {0.03, 0.06, 0.11};
        Transform t = new Transform(WINDOW, PLOT);
        double[] xs = new double[3];
        double[] ys = new double[3];
        for (int i = 0; i < 3; i++) {
            xs[i] = t.screenX(vol[i]);
            ys[i] = t.screenY(ret[i]);
        }
        double r = 0.06 + 0.3 * (0.11 - 0.06);
        double v = 0.12 + 0.3 * (0.20 - 0.12);
        Hit hit = ChartGeometry.nearest(xs, ys, ret, t.screenX(v), t.screenY(r), 40);
        assertThat(hit.value()).isCloseTo(r, within(FRACTION));
    }

    @Test
    void farFromTheCurveOrNoCurveGivesNull() {
        double[] xs = {100, 200};
        double[] ys = {400, 300};
        double[] returns = {0.02, 0.06};
        // (179, 379) is 29 * sqrt(2) = 41.0 px off the segment's middle, (178, 378) 39.6 px.
        assertThat(ChartGeometry.nearest(xs, ys, returns, 179, 379, 40)).isNull();
        assertThat(ChartGeometry.nearest(xs, ys, returns, 178, 378, 40).value()).isCloseTo(0.04, within(FRACTION));
        assertThat(ChartGeometry.nearest(new double[0], new double[0], new double[0], 0, 0, 40)).isNull();
        assertThat(ChartGeometry.nearest(new double[] {5}, new double[] {5}, new double[] {0.3}, 8, 9, 40).value())
                .isEqualTo(0.3);
    }

    @Test
    void fitPadsTheDataAndIncludesFarPoints() {
        Window w = ChartGeometry.fit(new double[] {0.10, 0.20, 0.90}, new double[] {0.05, 0.08, -0.10}, 0.02);
        assertThat(w.xMin()).isCloseTo(0.10 - 0.8 * ChartGeometry.FIT_PADDING, within(FRACTION));
        assertThat(w.xMax()).isCloseTo(0.90 + 0.8 * ChartGeometry.FIT_PADDING, within(FRACTION));
        assertThat(w.yMin()).isCloseTo(-0.10 - 0.18 * ChartGeometry.FIT_PADDING, within(FRACTION));
        Window one = ChartGeometry.fit(new double[] {0.2, Double.NaN}, new double[] {0.1, Double.NaN}, 0.02);
        assertThat(one.xMin()).isCloseTo(0.19, within(FRACTION));
        assertThat(one.xMax()).isCloseTo(0.21, within(FRACTION));
        assertThat(one.yMin()).isCloseTo(0.09, within(FRACTION));
        assertThat(one.yMax()).isCloseTo(0.11, within(FRACTION));
        assertThat(ChartGeometry.fit(new double[0], new double[0], 0.02)).isEqualTo(new Window(0, 0.02, 0, 0.02));
    }

    @Test
    void readoutBoxFlipsLeftAndUpNearTheEdgesAndStaysInThePlot() {
        Rect free = ChartGeometry.readoutBox(200, 100, 120, 60, 14, PLOT);
        assertThat(free).isEqualTo(new Rect(214, 114, 120, 60));
        Rect corner = ChartGeometry.readoutBox(840, 510, 120, 60, 14, PLOT);
        assertThat(corner).isEqualTo(new Rect(840 - 14 - 120, 510 - 14 - 60, 120, 60));
        Rect huge = ChartGeometry.readoutBox(60, 30, 900, 600, 14, PLOT);
        assertThat(huge.x()).isEqualTo(PLOT.x());
        assertThat(huge.y()).isEqualTo(PLOT.y());
        for (double px = PLOT.x(); px <= PLOT.right(); px += 37) {
            for (double py = PLOT.y(); py <= PLOT.bottom(); py += 23) {
                assertThat(PLOT.encloses(ChartGeometry.readoutBox(px, py, 150, 70, 14, PLOT))).isTrue();
            }
        }
    }

    @Test
    void occupancyRefusesOverlappingLabels() {
        Occupancy taken = new Occupancy();
        assertThat(taken.takeIfFree(new Rect(0, 0, 30, 12))).isTrue();
        assertThat(taken.takeIfFree(new Rect(29, 11, 30, 12))).isFalse();
        assertThat(taken.takeIfFree(new Rect(30, 0, 30, 12))).as("touching is not overlapping").isTrue();
        for (int i = 0; i < 200; i++) {
            taken.take(new Rect(1000 + i * 40, 0, 30, 12));
        }
        assertThat(taken.isFree(new Rect(1000 + 199 * 40 + 5, 5, 5, 5))).isFalse();
        assertThat(taken.isFree(new Rect(0, 13, 500, 5))).isTrue();
    }
}
