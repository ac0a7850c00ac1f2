package com.positionlab.api;

import com.positionlab.service.sizing.StoreWriteHealth;
import com.positionlab.service.workspace.WorkspaceService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the workspace a cheap question (how many instruments it holds) to tell whether it answers, and
 * reports {@code DEGRADED} while the writes sizing must make fail (disk full, file not writable): the
 * reason is the one {@link StoreWriteHealth} recorded, and it turns {@code UP} once a write succeeds.
 */
final class HealthCheck {

    private static final Logger LOG = LoggerFactory.getLogger(HealthCheck.class);

    private final WorkspaceService workspace;
    private final StoreWriteHealth writes;

    HealthCheck(WorkspaceService workspace, StoreWriteHealth writes) {
        this.workspace = workspace;
        this.writes = writes;
    }

    HealthReport.StoreHealth store() {
        String writeProblem = writes.problem().orElse(null);
        if (writeProblem != null) {
            return new HealthReport.StoreHealth("DEGRADED", "the workspace cannot be written, so sizings are "
                    + "refused: " + writeProblem);
        }
        try {
            int instruments = workspace.instrumentCount();
            return new HealthReport.StoreHealth("UP", instruments + " instruments");
        } catch (RuntimeException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            LOG.warn("Health check: the workspace does not answer: {}", why);
            LOG.debug("Health check failure", e);
            return new HealthReport.StoreHealth("DOWN", "the workspace does not answer: " + why);
        }
    }
}
