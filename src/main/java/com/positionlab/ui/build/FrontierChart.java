package com.positionlab.ui.build;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

import javafx.animation.PauseTransition;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.util.Duration;

import com.positionlab.ui.build.AxesPainter.Layout;
import com.positionlab.ui.build.ChartGeometry.Hit;
import com.positionlab.ui.build.ChartGeometry.Transform;
import com.positionlab.ui.build.ChartGeometry.Window;

/**
 * The efficient frontier in the plane of annual volatility (x) and annual expected return (y), both shown in
 * percent: the frontier curve, the capital market line, a faint cloud of random portfolios, the assets as
 * small labelled dots and the notable portfolios as larger shapes, with a legend. Drawn on a canvas (two
 * layers: the data, and what follows the pointer) so that 500 assets and a curve of several hundred segments
 * stay smooth (while the view is dragged or the wheel turns, the asset labels wait). The wheel zooms about the
 * pointer, a drag pans, a double click fits the data again; moving over the curve and clicking it report the
 * expected return of the nearest curve point. The colours come from the theme through CSS ({@code frontier-chart.css}), so the chart reads on the light and the dark theme.
 */
public final class FrontierChart extends Region {

    /** What a labelled point is, which decides its look. */
    public enum Kind { ASSET, CURRENT, MIN_VOLATILITY, MAX_SHARPE, CANDIDATE, SELECTED }

    /** A labelled point: annual volatility and expected return as fractions (0.12 = 12%). */
    public record Marker(String label, double volatility, double expectedReturn, Kind kind) {
    }

    /** How far from the curve, in pixels, the pointer or a click still picks a curve point. */
    static final double PICK_DISTANCE = 40;
    /** How far the pointer must move with the button down before it is a drag (a pan), not a click, pixels. */
    private static final double DRAG_THRESHOLD = 4;
    /** The window's scale per wheel notch towards the pointer. */
    private static final double ZOOM_IN = 0.8;
    /** How far the view may zoom relative to the fitted window, each way. */
    private static final double MAX_ZOOM = 1000;
    /** How long the wheel must rest before the full drawing (with every asset label) comes back. */
    private static final Duration WHEEL_SETTLE = Duration.millis(150);
    private static final String STYLESHEET = FrontierChart.class.getResource("frontier-chart.css").toExternalForm();

    private final Canvas dataLayer = new Canvas();
    private final Canvas pointerLayer = new Canvas();
    private final ChartInks inks = new ChartInks(this);
    private final TextWidths widths = new TextWidths();
    private final FrontierPainter painter = new FrontierPainter(inks, widths);
    private final PauseTransition wheelRest = new PauseTransition(WHEEL_SETTLE);

    private FrontierData data = FrontierData.EMPTY;
    private Marker selected;
    private String message = "";
    private List<String> readout = List.of();
    private Consumer<Double> onHover = v -> { };
    private Consumer<Double> onSelect = v -> { };
    /** The data window shown; null until fitted to the data. */
    private Window window;
    /** The data layer as last drawn (its frame, the curve's screen points, the labels); null while a message shows. */
    private FrontierPainter.Drawn drawn;
    private boolean dirty = true;

    private double pointerX = Double.NaN;
    private double pointerY = Double.NaN;
    private Hit hover;
    private Double reportedHover;
    private double dragX;
    private double dragY;
    /** Whether the button is down and the pointer has moved far enough to pan; whether the last press panned. */
    private boolean dragging;
    private boolean panned;
    /** Whether the wheel turned within {@link #WHEEL_SETTLE}: the asset labels wait until it rests. */
    private boolean wheeling;

    public FrontierChart() {
        getStyleClass().add("frontier-chart");
        pointerLayer.setMouseTransparent(true);
        getChildren().addAll(dataLayer, pointerLayer);
        inks.addListener(o -> invalidate());
        addEventHandler(MouseEvent.MOUSE_MOVED, e -> movePointer(e.getX(), e.getY()));
        addEventHandler(MouseEvent.MOUSE_EXITED, e -> movePointer(Double.NaN, Double.NaN));
        addEventHandler(MouseEvent.MOUSE_PRESSED, this::onPressed);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::onDragged);
        addEventHandler(MouseEvent.MOUSE_RELEASED, this::onReleased);
        addEventHandler(MouseEvent.MOUSE_CLICKED, this::onClicked);
        addEventHandler(ScrollEvent.SCROLL, this::onScroll);
        wheelRest.setOnFinished(e -> {
            wheeling = false;
            invalidate();
        });
    }

    /**
     * The frontier curve as a polyline of (volatility, return) fractions ordered by rising return, already
     * sampled densely by the caller (exact points), and the markers; riskFreeRate and maxSharpe (a fraction
     * and a ratio; NaN for none) draw the capital market line from (0, rf) through the maximum-Sharpe point.
     * Points with a non-finite coordinate are dropped. The view is fitted to the new data; the cloud stays
     * until {@link #setCloud} or {@link #showMessage} replaces it. Asset labels are placed in the order given
     * (with more than 40 assets a label is left out where it would overlap one drawn before), so put the
     * assets that matter most first.
     *
     * @throws IllegalArgumentException if the curve's arrays differ in length
     */
    public void setData(double[] curveVolatility, double[] curveReturn, List<Marker> markers,
                        double riskFreeRate, double maxSharpe) {
        double[][] curve = FrontierData.finitePairs(curveVolatility, curveReturn);
        List<Marker> kept = new ArrayList<>();
        for (Marker m : markers) {
            if (m != null && Double.isFinite(m.volatility()) && Double.isFinite(m.expectedReturn())) {
                kept.add(m);
            }
        }
        data = new FrontierData(curve[0], curve[1], List.copyOf(kept), riskFreeRate, maxSharpe,
                data.cloudVolatility(), data.cloudReturn());
        message = "";
        window = null;
        invalidate();
    }

    /**
     * A cloud of random feasible portfolios drawn faintly behind the curve (empty arrays for none); volatility
     * and expected return as annual fractions. It does not change the view's fit.
     *
     * @throws IllegalArgumentException if the arrays differ in length
     */
    public void setCloud(double[] volatility, double[] expectedReturn) {
        double[][] cloud = FrontierData.finitePairs(volatility, expectedReturn);
        data = data.withCloud(cloud[0], cloud[1]);
        invalidate();
    }

    /** Clears everything and shows the message in the middle (e.g. "Choose at least two instruments"). */
    public void showMessage(String message) {
        data = FrontierData.EMPTY;
        selected = null;
        readout = List.of();
        window = null;
        this.message = message == null ? "" : message;
        invalidate();
    }

    /**
     * Called with the expected return (annual fraction) of the curve point nearest the pointer (in screen
     * distance), or null when the pointer leaves the plot or is farther than ~40 px from the curve; only
     * when that value changes.
     */
    public void setOnHover(Consumer<Double> onHoverReturn) {
        onHover = onHoverReturn == null ? v -> { } : onHoverReturn;
    }

    /**
     * Called with the expected return (annual fraction) of the curve point nearest a click (same rule: null
     * when the click is farther than ~40 px from the curve or outside the plot); not called for a drag (pan)
     * nor for a double click (which resets the view).
     */
    public void setOnSelect(Consumer<Double> onSelectReturn) {
        onSelect = onSelectReturn == null ? v -> { } : onSelectReturn;
    }

    /**
     * The readout drawn in a box that follows the pointer (lines of text), shown while hovering over the plot;
     * null or empty hides it. The box stays inside the plot (it flips left or up near the edges).
     */
    public void setReadout(List<String> lines) {
        readout = lines == null ? List.of() : List.copyOf(lines);
        paintPointerLayer();
    }

    /**
     * The selected portfolio, drawn as a distinct marker (whatever its kind) with a vertical guide at its
     * volatility; null clears.
     */
    public void setSelected(Marker selected) {
        this.selected = selected != null && Double.isFinite(selected.volatility())
                && Double.isFinite(selected.expectedReturn()) ? selected : null;
        invalidate();
    }

    /** Resets zoom and pan to fit the data. */
    public void resetView() {
        window = null;
        invalidate();
    }

    /** The frame as last drawn (the transform from data to pixels), or null while nothing is plotted. */
    Layout drawnLayout() {
        return drawn == null ? null : drawn.layout();
    }

    /** The boxes of the point labels as last drawn, pixels. */
    List<ChartGeometry.Rect> drawnLabels() {
        return drawn == null ? List.of() : drawn.labels();
    }

    /** The data as last set (the curve and the markers). */
    FrontierData data() {
        return data;
    }

    /** The chart's colours and font (for its CSS properties). */
    ChartInks inks() {
        return inks;
    }

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return ChartInks.cssMetaData();
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return getClassCssMetaData();
    }

    @Override
    public String getUserAgentStylesheet() {
        return STYLESHEET;
    }

    @Override
    protected double computePrefWidth(double height) {
        return 640 + snappedLeftInset() + snappedRightInset();
    }

    @Override
    protected double computePrefHeight(double width) {
        return 420 + snappedTopInset() + snappedBottomInset();
    }

    @Override
    protected double computeMinWidth(double height) {
        return 200;
    }

    @Override
    protected double computeMinHeight(double width) {
        return 150;
    }

    @Override
    protected void layoutChildren() {
        double w = Math.floor(getWidth() - snappedLeftInset() - snappedRightInset());
        double h = Math.floor(getHeight() - snappedTopInset() - snappedBottomInset());
        for (Canvas c : List.of(dataLayer, pointerLayer)) {
            c.relocate(snappedLeftInset(), snappedTopInset());
            if (c.getWidth() != w || c.getHeight() != h) {
                c.setWidth(Math.max(0, w));
                c.setHeight(Math.max(0, h));
                dirty = true;
            }
        }
        if (dirty) {
            dirty = false;
            paintDataLayer();
        }
    }

    /** Marks the data layer for redrawing at the next pulse (one redraw however many changes come before it). */
    private void invalidate() {
        dirty = true;
        setNeedsLayout(true);
    }

    private void paintDataLayer() {
        double w = dataLayer.getWidth();
        double h = dataLayer.getHeight();
        GraphicsContext gc = dataLayer.getGraphicsContext2D();
        gc.clearRect(0, 0, w, h);
        if (data.isEmpty() || w < 20 || h < 20) {
            drawn = null;
            painter.paintMessage(gc, w, h, message);
            updateHover();
            return;
        }
        if (window == null) {
            window = data.fit(selected);
        }
        drawn = painter.paintAll(gc, w, h, data, selected, window, dragging || wheeling);
        updateHover();
    }

    private void paintPointerLayer() {
        GraphicsContext gc = pointerLayer.getGraphicsContext2D();
        gc.clearRect(0, 0, pointerLayer.getWidth(), pointerLayer.getHeight());
        if (drawn == null || dragging || !plot().contains(pointerX, pointerY)) {
            return;
        }
        ReadoutPainter.paint(gc, hover, pointerX, pointerY, readout, plot(), inks.font(inks.baseSize() - 1, false),
                inks, widths);
    }

    /** The plot area as last drawn, canvas pixels; only while {@link #drawn} is set. */
    private ChartGeometry.Rect plot() {
        return drawn.layout().plot();
    }

    private void movePointer(double x, double y) {
        pointerX = x - snappedLeftInset();
        pointerY = y - snappedTopInset();
        updateHover();
    }

    /** Finds the curve point nearest the pointer, reports its return if it changed, and redraws the top layer. */
    private void updateHover() {
        hover = dragging ? null : pick(pointerX, pointerY);
        Double value = hover == null ? null : hover.value();
        if (!Objects.equals(value, reportedHover)) {
            reportedHover = value;
            onHover.accept(value);
        }
        paintPointerLayer();
    }

    /** The curve point nearest ({@code x}, {@code y}) in canvas pixels within {@link #PICK_DISTANCE}, or null. */
    private Hit pick(double x, double y) {
        if (drawn == null || !plot().contains(x, y)) {
            return null;
        }
        return ChartGeometry.nearest(drawn.curveX(), drawn.curveY(), data.curveReturn(), x, y, PICK_DISTANCE);
    }

    private void onPressed(MouseEvent e) {
        dragX = e.getX();
        dragY = e.getY();
        dragging = false;
        panned = false;
    }

    private void onDragged(MouseEvent e) {
        if (drawn == null || !e.isPrimaryButtonDown()) {
            return;
        }
        if (!dragging && Math.hypot(e.getX() - dragX, e.getY() - dragY) < DRAG_THRESHOLD) {
            return;
        }
        dragging = true;
        window = new Transform(window, plot()).pan(e.getX() - dragX, e.getY() - dragY).window();
        dragX = e.getX();
        dragY = e.getY();
        updateHover();
        invalidate();
    }

    private void onReleased(MouseEvent e) {
        panned = dragging;
        dragging = false;
        if (panned) {
            movePointer(e.getX(), e.getY());
            invalidate(); // with the asset labels left out while dragging
        }
    }

    private void onClicked(MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        if (e.getClickCount() == 2) {
            resetView();
        } else if (!panned && e.isStillSincePress() && drawn != null) {
            Hit hit = pick(e.getX() - snappedLeftInset(), e.getY() - snappedTopInset());
            onSelect.accept(hit == null ? null : hit.value());
        }
    }

    private void onScroll(ScrollEvent e) {
        if (drawn == null || e.getDeltaY() == 0) {
            return;
        }
        e.consume();
        Transform t = new Transform(window, plot());
        double x = Math.max(t.plot().x(), Math.min(e.getX() - snappedLeftInset(), t.plot().right()));
        double y = Math.max(t.plot().y(), Math.min(e.getY() - snappedTopInset(), t.plot().bottom()));
        Window zoomed = t.zoom(e.getDeltaY() > 0 ? ZOOM_IN : 1 / ZOOM_IN, x, y).window();
        Window fitted = data.fit(selected);
        double ratio = zoomed.xSpan() / fitted.xSpan();
        if (ratio < 1 / MAX_ZOOM || ratio > MAX_ZOOM) {
            return;
        }
        window = zoomed;
        wheeling = true;
        wheelRest.playFromStart();
        invalidate();
    }
}
