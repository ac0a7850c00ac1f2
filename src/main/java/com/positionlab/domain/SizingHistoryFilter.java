package com.positionlab.domain;

/** Which accepted sizings to list; null fields do not filter. {@code text} matches instrument or method. */
public record SizingHistoryFilter(String instrumentId, String sizingMethod, String text, int limit) {

    public static SizingHistoryFilter latest(int limit) {
        return new SizingHistoryFilter(null, null, null, limit);
    }
}
