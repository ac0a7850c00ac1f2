package com.positionlab.ui.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import javafx.event.Event;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;

import com.positionlab.ui.build.ChartGeometry.Rect;
import com.positionlab.ui.build.ChartGeometry.Transform;
import com.positionlab.ui.build.ChartGeometry.Window;
import com.positionlab.ui.build.ChartInks.Ink;
import com.positionlab.ui.build.FrontierChart.Kind;
import com.positionlab.ui.build.FrontierChart.Marker;
import com.positionlab.ui.shell.Theme;

/**
 * The frontier chart on the headless JavaFX platform (Monocle): it draws, takes the theme's colours, reports
 * the curve point under the pointer and under a click, pans without selecting and zooms about the pointer.
 * Mouse events are fired at the chart directly, in its own coordinates (it sits at the scene's origin).
 */
class FrontierChartTest {

    /** Returns interpolated along the curve agree to rounding; a pixel of slack for a pointer a little off. */
    private static final double EXACT = 1e-12;
    private static final double PIXEL = 1e-6;

    @BeforeAll
    static void startFx() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    private static <T> T fx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(30, TimeUnit.SECONDS);
    }

    /** A chart of {@code width} x {@code height} px alone in a scene with {@code theme}'s stylesheet, laid out. */
    private static FrontierChart chartIn(Theme theme, double width, double height) {
        FrontierChart chart = new FrontierChart();
        Scene scene = new Scene(new StackPane(chart), width, height, theme.background());
        scene.getStylesheets().add(theme == Theme.DARK ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
        return chart;
    }

    private static void layOut(FrontierChart chart) {
        chart.getScene().getRoot().applyCss();
        chart.getScene().getRoot().layout();
    }

    /** A straight frontier from (10%, 4%) to (30%, 14%) in 20 segments: return = 0.04 + (vol - 0.10) / 2. */
    private static void showLine(FrontierChart chart) {
        double[] vol = new double[21];
        double[] ret = new double[21];
        for (int i = 0; i <= 20; i++) {
            vol[i] = 0.10 + 0.01 * i;
            ret[i] = 0.04 + 0.005 * i;
        }
        chart.setData(vol, ret, List.of(new Marker("AAA", 0.35, 0.02, Kind.ASSET)), 0.02, 0.4);
        layOut(chart);
    }

    private static void mouse(FrontierChart chart, javafx.event.EventType<MouseEvent> type, double x, double y,
                              int clicks, boolean still) {
        boolean down = type == MouseEvent.MOUSE_PRESSED || type == MouseEvent.MOUSE_DRAGGED;
        MouseButton button = type == MouseEvent.MOUSE_MOVED ? MouseButton.NONE : MouseButton.PRIMARY;
        Event.fireEvent(chart, new MouseEvent(type, x, y, x, y, button, clicks, false, false, false, false, down, false,
                false, false, false, still, null));
    }

    private static void click(FrontierChart chart, double x, double y) {
        mouse(chart, MouseEvent.MOUSE_PRESSED, x, y, 1, true);
        mouse(chart, MouseEvent.MOUSE_RELEASED, x, y, 1, true);
        mouse(chart, MouseEvent.MOUSE_CLICKED, x, y, 1, true);
    }

    @Test
    void drawsFiveHundredAssetsOverTheBackground() throws Exception {
        fx(() -> {
            FrontierChart chart = chartIn(Theme.LIGHT, 800, 500);
            FrontierSample.of(500, 300, 2000, 3).showIn(chart);
            PixelReader pixels = chart.getScene().snapshot(null).getPixelReader();
            int drawn = 0;
            for (int y = 0; y < 500; y += 2) {
                for (int x = 0; x < 800; x += 2) {
                    drawn += pixels.getColor(x, y).equals(Color.WHITE) ? 0 : 1;
                }
            }
            assertThat(drawn).as("pixels drawn of 100,000 sampled").isBetween(5_000, 60_000);
            assertThat(chart.drawnLayout().plot().width()).isGreaterThan(650);
            return null;
        });
    }

    @Test
    void theLabelsOfPortfoliosOnTopOfOneAnotherAreStackedApartInThePlot() throws Exception {
        fx(() -> {
            FrontierChart chart = chartIn(Theme.LIGHT, 900, 560);
            double[] vol = {0.10, 0.15, 0.20, 0.30};
            double[] ret = {0.04, 0.07, 0.09, 0.11};
            List<Marker> markers = new ArrayList<>();
            String[] names = {"Minimum volatility", "Equal risk (ERC)", "Hierarchical risk parity",
                "Maximum diversification", "Robust (box)", "Current"};
            for (int i = 0; i < names.length; i++) {
                markers.add(new Marker(names[i], 0.16 + 0.0004 * i, 0.075 + 0.0002 * i,
                        i == names.length - 1 ? Kind.CURRENT : Kind.CANDIDATE));
            }
            chart.setData(vol, ret, markers, 0.02, 0.4);
            layOut(chart);
            List<Rect> labels = chart.drawnLabels();
            assertThat(labels).hasSize(names.length);
            for (int i = 0; i < labels.size(); i++) {
                assertThat(chart.drawnLayout().plot().encloses(labels.get(i))).isTrue();
                for (int j = 0; j < i; j++) {
                    assertThat(labels.get(i).overlaps(labels.get(j))).as("%s and %s", labels.get(i), labels.get(j))
                            .isFalse();
                }
            }
            return null;
        });
    }

    @Test
    void assetLabelsNeverOverlapAndStayInThePlot() throws Exception {
        fx(() -> {
            for (int assets : new int[] {500, 41}) {
                FrontierChart chart = chartIn(Theme.LIGHT, 1000, 650);
                FrontierSample.of(assets, 300, 0, 11).showIn(chart);
                layOut(chart);
                List<Rect> labels = chart.drawnLabels();
                assertThat(labels.size()).as("labels drawn for %d assets", assets).isGreaterThan(assets == 500 ? 120 : 30);
                for (int i = 0; i < labels.size(); i++) {
                    assertThat(chart.drawnLayout().plot().encloses(labels.get(i))).isTrue();
                    for (int j = 0; j < i; j++) {
                        assertThat(labels.get(i).overlaps(labels.get(j))).as("%s and %s", labels.get(i), labels.get(j))
                                .isFalse();
                    }
                }
            }
            return null;
        });
    }

    @Test
    void tickLabelsNeverOverlapNorLeaveTheChartAtAnySize() throws Exception {
        fx(() -> {
            TextWidths widths = new TextWidths();
            javafx.scene.text.Font font = javafx.scene.text.Font.font(12);
            double tickHeight = widths.height(font);
            Window[] windows = {new Window(0.0512, 0.7012, -0.0321, 0.3312), new Window(0.1, 0.1003, 0.05, 0.0501),
                new Window(0.5, 14.5, -3, 9)};
            for (Window window : windows) {
                for (int width = 200; width <= 1400; width += 50) {
                    for (int height = 150; height <= 900; height += 150) {
                        AxesPainter.Layout layout = AxesPainter.layout(width, height, 30, window, font, font, widths);
                        Transform t = layout.transform();
                        assertThat(layout.xTicks().length).isGreaterThanOrEqualTo(1);
                        assertThat(layout.yTicks().length).isGreaterThanOrEqualTo(2);
                        double previousRight = Double.NEGATIVE_INFINITY;
                        for (double x : layout.xTicks()) {
                            double w = widths.width(ChartGeometry.percentLabel(x, layout.xDecimals()), font);
                            double left = t.screenX(x) - w / 2;
                            assertThat(left).as("x label at %s, %d px wide", x, width).isGreaterThan(previousRight);
                            assertThat(left + w).isLessThanOrEqualTo(width);
                            previousRight = left + w;
                        }
                        double previousTop = Double.POSITIVE_INFINITY;
                        for (double y : layout.yTicks()) {
                            double top = t.screenY(y) - tickHeight / 2;
                            assertThat(top + tickHeight).as("y label at %s, %d px high", y, height).isLessThan(previousTop);
                            assertThat(top).isGreaterThanOrEqualTo(0);
                            previousTop = top;
                        }
                        String widest = ChartGeometry.percentLabel(layout.yTicks()[0], layout.yDecimals());
                        assertThat(t.plot().x()).isGreaterThan(widths.width(widest, font) + tickHeight);
                    }
                }
            }
            return null;
        });
    }

    @Test
    void drawsTheCurveInTheThemesAccentColour() throws Exception {
        fx(() -> {
            FrontierChart chart = chartIn(Theme.DARK, 800, 500);
            showLine(chart);
            PixelReader pixels = chart.getScene().snapshot(null).getPixelReader();
            Transform t = chart.drawnLayout().transform();
            Color onCurve = pixels.getColor((int) t.screenX(0.155), (int) t.screenY(0.0675));
            Color offCurve = pixels.getColor((int) t.screenX(0.155), (int) t.screenY(0.0675) + 25);
            assertThat(distance(onCurve, Color.web("#58a6ff"))).as("on the curve: %s", onCurve).isLessThan(0.2);
            assertThat(distance(offCurve, Theme.DARK.background())).as("beside it: %s", offCurve).isLessThan(0.2);
            return null;
        });
    }

    @Test
    void takesItsColoursFromTheTheme() throws Exception {
        fx(() -> {
            FrontierChart light = chartIn(Theme.LIGHT, 400, 300);
            FrontierChart dark = chartIn(Theme.DARK, 400, 300);
            layOut(light);
            layOut(dark);
            assertThat(light.inks().get(Ink.TEXT)).isEqualTo(Color.web("#24292f"));
            assertThat(dark.inks().get(Ink.TEXT)).isEqualTo(Color.web("#c9d1d9"));
            assertThat(dark.inks().get(Ink.CURVE)).isEqualTo(Color.web("#58a6ff"));
            assertThat(dark.inks().get(Ink.BACKGROUND)).isEqualTo(Theme.DARK.background());
            return null;
        });
    }

    @Test
    void hoverReportsTheInterpolatedReturnOfTheNearestCurvePointAndNullFarAway() throws Exception {
        fx(() -> {
            FrontierChart chart = chartIn(Theme.LIGHT, 800, 500);
            List<Double> hovered = new ArrayList<>();
            chart.setOnHover(hovered::add);
            showLine(chart);
            Transform t = chart.drawnLayout().transform();
            // Exactly on the curve, a third of the way along a segment between vertices.
            double vol = 0.173 + 0.01 / 3;
            double expected = 0.04 + (vol - 0.10) / 2;
            mouse(chart, MouseEvent.MOUSE_MOVED, t.screenX(vol), t.screenY(expected), 0, false);
            assertThat(hovered).hasSize(1);
            assertThat(hovered.get(0)).isCloseTo(expected, within(EXACT + PIXEL * t.window().ySpan()));
            // Far from the curve inside the plot, then out of the plot: one null, not two.
            mouse(chart, MouseEvent.MOUSE_MOVED, t.screenX(0.30), t.screenY(0.05), 0, false);
            mouse(chart, MouseEvent.MOUSE_EXITED, -5, -5, 0, false);
            assertThat(hovered).hasSize(2);
            assertThat(hovered.get(1)).isNull();
            return null;
        });
    }

    @Test
    void aClickSelectsTheNearestCurvePointButADragPansInstead() throws Exception {
        fx(() -> {
            FrontierChart chart = chartIn(Theme.LIGHT, 800, 500);
            List<Double> selected = new ArrayList<>();
            chart.setOnSelect(selected::add);
            showLine(chart);
            Transform t = chart.drawnLayout().transform();
            double x = t.screenX(0.20);
            double y = t.screenY(0.09) - 10; // 10 px above the curve
            click(chart, x, y);
            assertThat(selected).hasSize(1);
            assertThat(selected.get(0)).isBetween(0.09, 0.095);

            double before = t.dataX(x);
            mouse(chart, MouseEvent.MOUSE_PRESSED, x, y, 1, true);
            mouse(chart, MouseEvent.MOUSE_DRAGGED, x + 30, y, 0, false);
            mouse(chart, MouseEvent.MOUSE_DRAGGED, x + 60, y + 20, 0, false);
            mouse(chart, MouseEvent.MOUSE_RELEASED, x + 60, y + 20, 1, false);
            mouse(chart, MouseEvent.MOUSE_CLICKED, x + 60, y + 20, 1, false);
            layOut(chart);
            assertThat(selected).as("a drag selects nothing").hasSize(1);
            Transform panned = chart.drawnLayout().transform();
            assertThat(panned.screenX(before)).as("the content moved with the pointer").isCloseTo(x + 60, within(PIXEL));
            assertThat(panned.screenY(t.dataY(y))).isCloseTo(y + 20, within(PIXEL));

            mouse(chart, MouseEvent.MOUSE_CLICKED, x, y, 2, true);
            layOut(chart);
            assertThat(chart.drawnLayout().transform().window()).as("a double click fits again").isEqualTo(t.window());
            return null;
        });
    }

    @Test
    void theWheelZoomsAboutThePointer() throws Exception {
        fx(() -> {
            FrontierChart chart = chartIn(Theme.LIGHT, 800, 500);
            showLine(chart);
            Transform t = chart.drawnLayout().transform();
            double x = 300;
            double y = 200;
            double vol = t.dataX(x);
            double ret = t.dataY(y);
            Event.fireEvent(chart, new ScrollEvent(ScrollEvent.SCROLL, x, y, x, y, false, false, false, false, false,
                    false, 0, 40, 0, 40, ScrollEvent.HorizontalTextScrollUnits.NONE, 0,
                    ScrollEvent.VerticalTextScrollUnits.NONE, 0, 0, null));
            layOut(chart);
            Transform zoomed = chart.drawnLayout().transform();
            assertThat(zoomed.window().xSpan()).isLessThan(t.window().xSpan() * 0.9);
            assertThat(zoomed.screenX(vol)).isCloseTo(x, within(PIXEL));
            assertThat(zoomed.screenY(ret)).isCloseTo(y, within(PIXEL));
            return null;
        });
    }

    @Test
    void aMessageReplacesThePlotAndHoverReportsNothing() throws Exception {
        fx(() -> {
            FrontierChart chart = chartIn(Theme.LIGHT, 600, 400);
            List<Double> hovered = new ArrayList<>();
            chart.setOnHover(hovered::add);
            showLine(chart);
            chart.showMessage("Choose at least two instruments");
            layOut(chart);
            assertThat(chart.drawnLayout()).isNull();
            mouse(chart, MouseEvent.MOUSE_MOVED, 300, 200, 0, false);
            assertThat(hovered).isEmpty();
            return null;
        });
    }

    @Test
    void aShownChartRedrawsByItselfAfterChanges() throws Exception {
        FrontierChart chart = fx(() -> {
            FrontierChart c = chartIn(Theme.LIGHT, 640, 420);
            Stage stage = new Stage();
            stage.setScene(c.getScene());
            stage.show();
            return c;
        });
        try {
            fx(() -> {
                showLineLater(chart);
                return null;
            });
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> chart.drawnLayout() != null));
            Transform before = fx(() -> chart.drawnLayout().transform());
            fx(() -> {
                mouse(chart, MouseEvent.MOUSE_PRESSED, 300, 200, 1, true);
                mouse(chart, MouseEvent.MOUSE_DRAGGED, 350, 200, 0, false);
                return null;
            });
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                    () -> fx(() -> chart.drawnLayout().transform().window().xMin() < before.window().xMin()));
        } finally {
            fx(() -> {
                chart.getScene().getWindow().hide();
                return null;
            });
        }
    }

    /** {@link #showLine} without laying the chart out: the next pulse must draw it. */
    private static void showLineLater(FrontierChart chart) {
        chart.setData(new double[] {0.1, 0.2, 0.3}, new double[] {0.04, 0.09, 0.14}, List.of(), Double.NaN, Double.NaN);
    }

    private static double distance(Color a, Color b) {
        return Math.abs(a.getRed() - b.getRed()) + Math.abs(a.getGreen() - b.getGreen()) + Math.abs(a.getBlue() - b.getBlue());
    }
}
