package com.positionlab.domain;

/** A trading strategy whose closed trades give its edge. */
public record Strategy(String id, String name, String description) {
}
