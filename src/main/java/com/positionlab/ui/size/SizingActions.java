package com.positionlab.ui.size;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

import com.positionlab.io.AtomicFile;
import com.positionlab.service.Json;
import com.positionlab.service.sizing.PositionSizingRequest;
import com.positionlab.service.sizing.PositionSizingResponse;
import com.positionlab.service.sizing.SizingAcceptance;
import com.positionlab.ui.common.Dialogs;
import com.positionlab.ui.common.ErrorMessages;
import com.positionlab.ui.common.Formats;
import com.positionlab.ui.common.Notifier;
import com.positionlab.ui.common.WorkspaceChanges;
import com.positionlab.ui.task.TaskRunner;

/** What the ticket does with a result: accept it into the history (and the holdings), or export it as JSON. */
final class SizingActions {

    private final SizingAcceptance acceptance;
    private final TaskRunner runner;
    private final Notifier notifier;
    private final Dialogs dialogs;
    private final WorkspaceChanges changes;
    private final WorkspaceChanges accepted;

    SizingActions(SizingAcceptance acceptance, TaskRunner runner, Notifier notifier, Dialogs dialogs,
                  WorkspaceChanges changes, WorkspaceChanges accepted) {
        this.acceptance = acceptance;
        this.runner = runner;
        this.notifier = notifier;
        this.dialogs = dialogs;
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
    void exportJson(PositionSizingResponse r) {
        String name = "sizing-" + r.optimalPosition().instrumentId() + "-" + r.sizingId().substring(0, 8) + ".json";
        Optional<Path> target = dialogs.chooseFileToSave("Export sizing as JSON", name, "JSON files", "*.json");
        target.ifPresent(path -> runner.submit("Exporting the sizing", p -> {
            AtomicFile.writeText(path, w -> w.write(Json.mapper().writeValueAsString(r)));
            return path;
        }, written -> notifier.info("Sizing exported", "Written to " + written), e -> notifier.error(
                "Sizing not exported", ErrorMessages.describe(e) + ". Choose another folder or file name.")));
    }
}
