package com.positionlab.engine.limits;

/** Where a sizing chain records the limits that bound, in the order they applied. */
public interface Bindings {

    /** Records a limit that changed the size from {@code before} to {@code after}, and why. */
    void bind(String name, double before, double after, String why);
}
