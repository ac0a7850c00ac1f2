package com.positionlab.domain;

/** Direction of a trade or a position. */
public enum Side {
    LONG, SHORT
}
