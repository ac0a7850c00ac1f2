package com.positionlab.engine.backtest.sweep;

/**
 * A parameter point whose computation failed, with its exception as the cause. A failure stops the sweep; when
 * several points fail before the others have stopped, it reports the first of them in the order of the points.
 */
public class SweepPointException extends RuntimeException {

    private final int index;
    private final transient Object point;

    public SweepPointException(int index, Object point, Throwable cause) {
        super("parameter point " + index + " (" + point + ") failed: " + cause, cause);
        this.index = index;
        this.point = point;
    }

    /** The failing point's position in the list of points. */
    public int index() {
        return index;
    }

    /** The failing point. */
    public Object point() {
        return point;
    }
}
