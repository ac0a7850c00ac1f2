package com.positionlab.ui.size;

import java.util.function.Consumer;

import com.positionlab.service.sizing.PositionSizingRequest;
import com.positionlab.service.sizing.PositionSizingResponse;
import com.positionlab.service.sizing.SizingAcceptance;
import com.positionlab.ui.common.ErrorMessages;
import com.positionlab.ui.common.Formats;
import com.positionlab.ui.common.Notifier;
import com.positionlab.ui.common.WorkspaceChanges;
import com.positionlab.ui.task.TaskRunner;

/** What the ticket does with a result: accept it into the history (and the holdings). */
final class SizingActions {

    private final SizingAcceptance acceptance;
    private final TaskRunner runner;
    private final Notifier notifier;
    private final WorkspaceChanges changes;
    private final WorkspaceChanges accepted;

    SizingActions(SizingAcceptance acceptance, TaskRunner runner, Notifier notifier, WorkspaceChanges changes,
                  WorkspaceChanges accepted) {
        this.acceptance = acceptance;
        this.runner = runner;
        this.notifier = notifier;
        this.changes = changes;
        this.accepted = accepted;
    }

    /** Accepts {@code r} in the background; {@code onAccepted} gets it back once it is stored. */
    void accept(PositionSizingRequest q, PositionSizingResponse r, boolean updateHoldings,
                Consumer<PositionSizingResponse> onAccepted) {
        var p = r.optimalPosition();
        String what = Formats.quantity(p.recommendedSize()) + " " + p.instrumentId() + " " + p.direction() + " ("
                + p.sizingMethodUsed() + ", " + Formats.money(p.recommendedNotional(), p.currency()) + ")";
        runner.submit("Accepting the sizing of " + p.instrumentId(), x -> {
            acceptance.accept(q, r, updateHoldings);
            return r;
        }, ok -> {
            onAccepted.accept(ok);
            notifier.info("Sizing accepted", what + " is in the history" + (updateHoldings
                    && p.recommendedSize().signum() > 0 ? "; the holding is updated." : "."));
            accepted.changed();
            if (updateHoldings) {
                changes.changed();
            }
        }, e -> notifier.error("Sizing not accepted", ErrorMessages.describe(e)));
    }

    /** Asks for a file and writes {@code r} there as JSON, whole or not at all. */
}
