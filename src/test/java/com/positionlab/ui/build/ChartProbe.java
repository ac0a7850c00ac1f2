package com.positionlab.ui.build;

import javafx.geometry.Point2D;

/** Where the frontier chart draws a point of its curve, on screen, for UI tests that hover and click it. */
public final class ChartProbe {

    private ChartProbe() {
    }

    /**
     * The screen position of the curve point at {@code fraction} (0 the lowest return, 1 the highest) of the
     * curve's points, or null while nothing is plotted.
     */
    public static Point2D curvePoint(FrontierChart chart, double fraction) {
        AxesPainter.Layout layout = chart.drawnLayout();
        FrontierData data = chart.data();
        if (layout == null || data.curveVolatility().length == 0) {
            return null;
        }
        int k = (int) Math.round(fraction * (data.curveVolatility().length - 1));
        double x = layout.transform().screenX(data.curveVolatility()[k]) + chart.snappedLeftInset();
        double y = layout.transform().screenY(data.curveReturn()[k]) + chart.snappedTopInset();
        return chart.localToScreen(x, y);
    }
}
