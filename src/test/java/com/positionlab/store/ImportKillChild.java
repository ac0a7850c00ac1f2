package com.positionlab.store;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import com.positionlab.engine.task.Progress;
import com.positionlab.service.imports.ImportKind;
import com.positionlab.service.imports.ImportOptions;
import com.positionlab.service.imports.ImportService;

/**
 * Child process of {@link ImportKillTest}: imports a price file into the workspace at {@code args[0]}
 * and prints {@code SAVING} once parsing is done and the rows start going to the store, then
 * {@code DONE rowsNew} when the import returned.
 */
public final class ImportKillChild {

    private ImportKillChild() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        try (Database db = Database.open(args[0])) {
            Progress progress = new Progress() {
                @Override
                public void update(double fraction, String message) {
                    if (message.startsWith("Saving")) {
                        out.println("SAVING");
                    }
                }

                @Override
                public boolean isCancelled() {
                    return false;
                }
            };
            int rowsNew = new ImportService(new Store(db)).importFile(Path.of(args[1]), ImportKind.PRICES,
                    ImportOptions.defaults().creatingInstruments(), progress).rowsNew();
            out.println("DONE " + rowsNew);
        }
    }
}
