package com.positionlab.service;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

import com.positionlab.config.SettingsFile;
import com.positionlab.engine.task.Progress;
import com.positionlab.service.imports.ImportService;
import com.positionlab.service.kelly.EdgeService;
import com.positionlab.service.kelly.KellyService;
import com.positionlab.service.optimize.OptimizationHistory;
import com.positionlab.service.kelly.StrategyKellyConfigService;
import com.positionlab.service.kelly.StrategySizingService;
import com.positionlab.service.portfolio.PortfolioService;
import com.positionlab.service.sizing.EventRetention;
import com.positionlab.service.sizing.PositionSizingService;
import com.positionlab.service.sizing.RuleLookup;
import com.positionlab.service.sizing.RuleService;
import com.positionlab.service.sizing.SizingAcceptance;
import com.positionlab.service.sizing.StoreWriteHealth;
import com.positionlab.service.workspace.WorkspaceService;
import com.positionlab.store.Database;
import com.positionlab.store.PeriodicBackup;
import com.positionlab.store.Store;

/**
 * The composition root: every use case over one open workspace, built once. The workstation's view models,
 * the CLI's commands and the API's endpoints receive their services from here and build none, so a result
 * is the same wherever it is asked for; none of them touches the store. The calculators that need no
 * workspace are in {@link #calculators()} (and {@link Calculators#create()} without one).
 */
public final class Services implements AutoCloseable {

    /** How often a long-running caller backs the workspace up while it changes. */
    public static final Duration BACKUP_INTERVAL = PeriodicBackup.DEFAULT_INTERVAL;

    /** Background work over the workspace that runs until it is closed. */
    @FunctionalInterface
    public interface Running extends AutoCloseable {
        @Override
        void close();
    }

    private final Database database;
    private final Store store;
    private final Calculators calculators = Calculators.create();
    private final PortfolioService portfolio;
    private final WorkspaceService workspace;
    private final ImportService imports;
    private final PositionSizingService sizing;
    private final RuleService rules;
    private final KellyService kelly;
    private final EdgeService edge;
    private final StrategySizingService strategySizing;
    private final StrategyKellyConfigService strategySettings;
    private final OptimizationHistory optimizations;
    private final com.positionlab.service.build.PortfolioBuilder builder;

    private Services(Database database, ImportService.Backup importBackup) {
        this.database = database;
        this.store = new Store(database);
        this.portfolio = new PortfolioService(store);
        this.workspace = new WorkspaceService(store);
        this.imports = new ImportService(store, importBackup);
        this.sizing = new PositionSizingService(store, RuleLookup.of(store), new StoreWriteHealth());
        this.rules = new RuleService(store);
        this.kelly = new KellyService(store);
        this.edge = new EdgeService(store);
        this.strategySizing = new StrategySizingService(store);
        this.strategySettings = new StrategyKellyConfigService(store);
        this.optimizations = new OptimizationHistory(store, calculators.optimize(), calculators.frontier());
        this.builder = new com.positionlab.service.build.PortfolioBuilder(optimizations, portfolio, workspace,
                calculators.allocate(), new com.positionlab.service.build.UniverseLists(store));
    }

    /** Rebalancing trades sized under the stored limits and accepted into the history and holdings. */
    public com.positionlab.service.build.RebalanceSizing rebalanceSizing() {
        return new com.positionlab.service.build.RebalanceSizing(sizing, rules);
    }

    /** Backtests over the workspace's prices and strategies' trades (and prices files). */
    public com.positionlab.service.backtest.BacktestService backtests() {
        return new com.positionlab.service.backtest.BacktestService(calculators.optimize(),
                new com.positionlab.service.optimize.WorkspacePrices(store), id -> store.trades().trades(id));
    }

    /** Backtests run and stored in the workspace, listed and reloaded by the Backtest view. */
    public com.positionlab.service.backtest.BacktestHistory backtestHistory() {
        return new com.positionlab.service.backtest.BacktestHistory(store, backtests());
    }

    /** The "Build a portfolio" use case: frontier, candidates and rebalancing trades over the workspace. */
    public com.positionlab.service.build.PortfolioBuilder builder() {
        return builder;
    }

    /**
     * Opens the database at {@code jdbcUrl} for the workstation: on first start it puts the demo workspace
     * in place (the bundled {@link com.positionlab.service.workspace.DemoImage}, or created), and a
     * workspace without sizing rules (one made before rules existed, or whose rules were all deleted) gets
     * the starter rules. Imports write a backup when they stored rows; {@link #close()} backs
     * up what changed.
     */
    public static Services open(String jdbcUrl, Progress progress) {
        progress.update(0.0, "Opening workspace");
        com.positionlab.service.workspace.DemoImage.installIfNew(jdbcUrl);
        Services s = openExisting(jdbcUrl, ImportService.Backup.AFTER_EACH_IMPORT);
        try {
            s.workspace().ensureInitialised(progress);
            s.rules().ensureDefaults();
            return s;
        } catch (RuntimeException e) {
            s.close();
            throw e;
        }
    }

    /**
     * Opens the database at {@code jdbcUrl} as it is (the CLI and the API): nothing is created in it.
     *
     * @param importBackup when imports back up the workspace: at once, or when it closes (a command that
     *                     closes it right after)
     */
    public static Services openExisting(String jdbcUrl, ImportService.Backup importBackup) {
        Database db = Database.open(jdbcUrl);
        try {
            return new Services(db, importBackup);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /**
     * The services over a database the caller opened (tests); {@link #close()} closes it. Nothing is created
     * in it, and imports back up at once.
     */
    public static Services over(Database database) {
        return new Services(database, ImportService.Backup.AFTER_EACH_IMPORT);
    }

    /** The user's settings in {@code file}, which need no workspace (the theme is read before one opens). */
    public static UserSettings userSettings(Path file) {
        return new UserSettings(new SettingsFile(file));
    }

    /** Optimisations and frontiers, stored for the workspace's portfolios. */
    public OptimizationHistory optimizations() {
        return optimizations;
    }

    public Calculators calculators() {
        return calculators;
    }

    public PortfolioService portfolio() {
        return portfolio;
    }

    public WorkspaceService workspace() {
        return workspace;
    }

    public ImportService imports() {
        return imports;
    }

    public PositionSizingService sizing() {
        return sizing;
    }

    public SizingAcceptance acceptance() {
        return sizing.acceptance();
    }

    public RuleService rules() {
        return rules;
    }

    /** Kelly calculations kept in the workspace's history (the Kelly Lab, {@code kelly --db}). */
    public KellyService kelly() {
        return kelly;
    }

    public EdgeService edge() {
        return edge;
    }

    public StrategySizingService strategySizing() {
        return strategySizing;
    }

    public StrategyKellyConfigService strategySettings() {
        return strategySettings;
    }

    /** Writes the workspace's backup now (file workspaces); returns where, or empty for one in memory. */
    public Optional<Path> backup() {
        return database.backup();
    }

    /** The one-line notice when opening restored a damaged file from its backup. */
    public Optional<String> restoreNotice() {
        return database.restoreNotice();
    }

    /** The JDBC URL of the open workspace, with the settings PositionLab adds. */
    public String url() {
        return database.url();
    }

    /** Backs the workspace up every {@code interval} while it changes, until the returned handle is closed. */
    public Running startPeriodicBackup(Duration interval, Consumer<String> onFailure) {
        return PeriodicBackup.start(database, interval, onFailure)::close;
    }

    /**
     * Writes the backup of a file workspace when its data changed since the last one of this session (a
     * demo created, starter rules added, a restore); returns where, or empty when nothing was written.
     */
    public Optional<Path> backupIfChanged() {
        return database.isFileBased() ? database.backupIfChanged() : Optional.empty();
    }

    /** Deletes events and accepted sizings beyond {@code policy} now and then, until it is closed. */
    public EventRetention startRetention(EventRetention.Policy policy, Duration firstPass, Duration period) {
        return new EventRetention(store, policy, Clock.systemUTC()).start(firstPass, period);
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
