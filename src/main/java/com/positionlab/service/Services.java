package com.positionlab.service;

import com.positionlab.engine.task.Progress;
import com.positionlab.service.imports.ImportService;
import com.positionlab.service.portfolio.PortfolioService;
import com.positionlab.service.sizing.PositionSizingService;
import com.positionlab.service.sizing.RuleLookup;
import com.positionlab.service.sizing.RuleService;
import com.positionlab.service.workspace.WorkspaceService;
import com.positionlab.store.Database;
import com.positionlab.store.Store;

/**
 * The use cases over one open workspace. The UI, the CLI and the API build one of these and call the
 * same services, so a result is the same wherever it is asked for.
 */
public record Services(Database database, Store store, PortfolioService portfolio, WorkspaceService workspace,
                       ImportService imports, PositionSizingService sizing, RuleService rules) implements AutoCloseable {

    /**
     * Opens the database at {@code jdbcUrl} and, on first start, creates the demo workspace; a workspace
     * without sizing rules (one made before rules existed, or whose rules were all deleted) gets the starter
     * rules. Imports write a backup when they stored rows; long-running callers also run a
     * {@link com.positionlab.store.PeriodicBackup}, and {@link #close()} backs up what changed.
     */
    public static Services open(String jdbcUrl, Progress progress) {
        progress.update(0.0, "Opening workspace");
        Database db = Database.open(jdbcUrl);
        try {
            Store store = new Store(db);
            Services s = new Services(db, store, new PortfolioService(store), new WorkspaceService(store),
                    new ImportService(store), new PositionSizingService(store, RuleLookup.of(store)), new RuleService(store));
            s.workspace().ensureInitialised(progress);
            s.rules().ensureDefaults();
            return s;
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /**
     * Closes the database, which writes a backup when the data changed since the last one of this session
     * and compacts a file that is mostly free space (file databases); a session that changed nothing and
     * grew little closes at once.
     */
    @Override
    public void close() {
        try {
            sizing.close();
        } finally {
            database.close();
        }
    }
}
