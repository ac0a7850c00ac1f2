package com.positionlab.service.imports;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;

import com.positionlab.domain.Holding;
import com.positionlab.domain.Instrument;
import com.positionlab.domain.Portfolio;
import com.positionlab.domain.PriceBar;
import com.positionlab.domain.Trade;
import com.positionlab.domain.WorkspaceKind;
import com.positionlab.engine.task.Progress;
import com.positionlab.store.Store;
import com.positionlab.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports prices, trades or holdings from a CSV file into the store, or checks a file without storing it.
 *
 * <p>The format is recognised from the header (see {@link PriceFormats}, {@link TradeRowParser},
 * {@link HoldingRowParser}). Every data line is checked; by default nothing is stored unless every line is
 * valid, and with {@link ImportOptions#validRowsOnly()} the valid lines are stored. Storing is one
 * step per kind (prices: staged in bounded transactions and moved in once complete, so a killed import
 * leaves none of its rows) and replaces rows with the same key, so importing a file twice adds nothing.
 * After an import that stored rows, a file workspace is backed up.
 * Strategies named by trades are created when missing; instruments named by prices or trades that the
 * workspace does not know are listed in the report, and added only when the options say the trader
 * confirmed them ({@link ImportOptions#createInstruments()}): until then nothing is stored. Holdings need their
 * instruments to exist already, and their portfolio is created (no cash, USD) when missing.
 */
public final class ImportService {

    /** Most rejected lines listed in a report; {@link ImportReport#rowsRejected()} counts them all. */
    public static final int MAX_LISTED_REJECTIONS = 1000;
    /** Portfolio that holdings go to when none is given and the workspace has none. */
    public static final String DEFAULT_PORTFOLIO = "main";

    private static final Logger LOG = LoggerFactory.getLogger(ImportService.class);

    /** When the workspace is backed up after an import that stored rows. */
    public enum Backup {
        /** At once, while the workspace stays open (the workstation, the API). */
        AFTER_EACH_IMPORT,
        /** When the caller closes the workspace right after importing (the CLI): closing backs up what
         *  changed from the compacted, closed file, which costs a fraction of a backup of the open one. */
        ON_CLOSE
    }

    private final Store store;
    private final Backup backup;

    public ImportService(Store store) {
        this(store, Backup.AFTER_EACH_IMPORT);
    }

    public ImportService(Store store, Backup backup) {
        this.store = Objects.requireNonNull(store, "store");
        this.backup = Objects.requireNonNull(backup, "backup");
    }

    /**
     * Parses, checks and (when allowed by the options) stores the file.
     *
     * @throws ImportException for a problem with the whole file; nothing is stored then
     * @throws com.positionlab.engine.task.CancelledException when cancelled; nothing is stored then
     */
    public ImportReport importFile(Path file, ImportKind kind, ImportOptions options, Progress progress) {
        return run(file, kind, options, progress, true);
    }

    /** Parses and checks the file as {@link #importFile} would, and stores nothing ({@code written} false). */
    public ImportReport validate(Path file, ImportKind kind, ImportOptions options, Progress progress) {
        return run(file, kind, options, progress, false);
    }

    private ImportReport run(Path file, ImportKind kind, ImportOptions options, Progress progress,
                             boolean write) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(kind, "kind");
        ImportOptions opts = options == null ? ImportOptions.defaults() : options;
        Progress p = progress == null ? Progress.NONE : progress;
        return switch (kind) {
            case PRICES -> complete(kind, file, CsvFileParser.parse(file,
                    header -> PriceFormats.choose(header, file, opts), p, MAX_LISTED_REJECTIONS),
                    write, opts, p, store.prices()::importAll, PriceBar::instrumentId);
            case TRADES -> complete(kind, file, CsvFileParser.parse(file, TradeRowParser::new, p,
                    MAX_LISTED_REJECTIONS), write, opts, p, store.trades()::saveAll, Trade::instrumentId);
            case HOLDINGS -> complete(kind, file, CsvFileParser.parse(file,
                    header -> new HoldingRowParser(header, targetPortfolio(opts), knownInstruments()), p,
                    MAX_LISTED_REJECTIONS), write, opts, p, this::saveHoldings, null);
        };
    }

    private <T> ImportReport complete(ImportKind kind, Path file, ParsedFile<T> parsed, boolean write,
                                      ImportOptions options, Progress progress, ToIntFunction<List<T>> save,
                                      Function<T, String> instrumentOf) {
        List<String> unknown = instrumentOf == null ? List.of() : unknownInstruments(parsed.records(), instrumentOf);
        boolean allowed = (parsed.rowsRejected() == 0 || options.validRowsOnly())
                && (unknown.isEmpty() || options.createInstruments());
        boolean written = write && allowed && !parsed.records().isEmpty();
        int rowsNew = 0;
        if (written) {
            progress.checkCancelled();
            progress.update(CsvFileParser.PARSE_SHARE, "Saving " + parsed.records().size() + " rows");
            rowsNew = save.applyAsInt(parsed.records());
            // The trader's own data is in the workspace now: no longer a demo (nor empty) one.
            store.setWorkspaceKind(WorkspaceKind.USER);
            if (backup == Backup.AFTER_EACH_IMPORT) {
                backUpAfterImport(file);
            }
        }
        progress.update(1.0, written ? "Imported " + file.getFileName() : "Checked " + file.getFileName());
        return new ImportReport(kind, parsed.format(), file.toString(), parsed.rowsRead(), parsed.rowsAccepted(),
                parsed.rowsRejected(), parsed.rejected(), written, rowsNew, unknown);
    }

    /** The instruments the records name that the workspace does not know, sorted (the first 1,000). */
    private <T> List<String> unknownInstruments(List<T> records, Function<T, String> instrumentOf) {
        Set<String> named = new TreeSet<>();
        for (T r : records) {
            named.add(instrumentOf.apply(r));
        }
        Set<String> known = store.instruments().existing(named);
        named.removeAll(known);
        return named.stream().limit(MAX_LISTED_REJECTIONS).toList();
    }

    /**
     * Backs the workspace up once an import has stored rows, so that a restore never loses an import. The
     * import itself has succeeded either way: a backup that cannot be written is logged, not thrown.
     */
    private void backUpAfterImport(Path file) {
        try {
            store.database().backup();
        } catch (StoreException e) {
            LOG.warn("{} was imported, but the backup after it could not be written: {}", file, e.getMessage());
        }
    }

    /** The option's portfolio, else the first portfolio of the workspace, else {@value #DEFAULT_PORTFOLIO}. */
    private String targetPortfolio(ImportOptions options) {
        String given = options.portfolioId();
        if (given != null && !given.isBlank()) {
            return given.strip();
        }
        return store.portfolios().findAll().stream().findFirst().map(Portfolio::id).orElse(DEFAULT_PORTFOLIO);
    }

    private Set<String> knownInstruments() {
        return store.instruments().findAll().stream().map(Instrument::id).collect(Collectors.toSet());
    }

    private int saveHoldings(List<Holding> holdings) {
        holdings.stream().map(Holding::portfolioId).distinct()
                .filter(id -> store.portfolios().find(id).isEmpty())
                .forEach(id -> store.portfolios().save(new Portfolio(id, id, "USD", BigDecimal.ZERO)));
        return store.portfolios().saveHoldings(holdings);
    }
}
