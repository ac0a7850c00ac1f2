package com.positionlab.api;

import com.positionlab.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Asks the workspace a cheap question (how many instruments it holds) to tell whether it answers. */
final class HealthCheck {

    private static final Logger LOG = LoggerFactory.getLogger(HealthCheck.class);

    private final Store store;

    HealthCheck(Store store) {
        this.store = store;
    }

    HealthReport.StoreHealth store() {
        try {
            int instruments = store.instruments().count();
            return new HealthReport.StoreHealth("UP", instruments + " instruments");
        } catch (RuntimeException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            LOG.warn("Health check: the workspace does not answer: {}", why);
            LOG.debug("Health check failure", e);
            return new HealthReport.StoreHealth("DOWN", "the workspace does not answer: " + why);
        }
    }
}
