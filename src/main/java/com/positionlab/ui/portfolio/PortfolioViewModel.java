package com.positionlab.ui.portfolio;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import com.positionlab.domain.Instrument;
import com.positionlab.domain.PriceBar;
import com.positionlab.service.ValidationException;
import com.positionlab.service.portfolio.CorrelationMatrix;
import com.positionlab.service.portfolio.HoldingRow;
import com.positionlab.service.portfolio.PortfolioService;
import com.positionlab.service.portfolio.PortfolioSnapshot;
import com.positionlab.ui.common.Dialogs;
import com.positionlab.ui.StartupMilestones;
import com.positionlab.ui.common.ErrorMessages;
import com.positionlab.ui.common.Notifier;
import com.positionlab.ui.common.WorkspaceChanges;
import com.positionlab.ui.task.TaskRunner;
import com.positionlab.report.Report;
import com.positionlab.report.kinds.ReportContext;
import com.positionlab.report.kinds.ReportKind;
import com.positionlab.service.portfolio.PortfolioJson;
import com.positionlab.ui.common.ReportButton;
import java.util.function.Function;

/**
 * State and commands of the Portfolio view: the valued holdings, the selected instrument's price
 * history, the holdings' correlations, and the holding and cash editors with their validation.
 */
public final class PortfolioViewModel {

    private final PortfolioService service;
    private final TaskRunner runner;
    private final Notifier notifier;
    private final Dialogs dialogs;
    private final WorkspaceChanges changes;

    private final ReadOnlyObjectWrapper<PortfolioSnapshot> snapshot = new ReadOnlyObjectWrapper<>();
    private final ObservableList<HoldingRow> holdings = FXCollections.observableArrayList();
    private final ObservableList<Instrument> instrumentChoices = FXCollections.observableArrayList();
    /** Counts reloads: a reload's results are shown only while it is the newest. */
    private long refreshes;
    private final ReadOnlyObjectWrapper<CorrelationMatrix> correlation =
            new ReadOnlyObjectWrapper<>(CorrelationMatrix.empty());
    private final ObjectProperty<HoldingRow> selected = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<List<PriceBar>> priceHistory = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();

    private final StringProperty editInstrument = new SimpleStringProperty("");
    private final StringProperty editQuantity = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper instrumentError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper quantityError = new ReadOnlyStringWrapper("");
    private final StringProperty cashText = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper cashError = new ReadOnlyStringWrapper("");
    private final BooleanBinding canSave;

    private String portfolioId;

    public PortfolioViewModel(PortfolioService service, TaskRunner runner, Notifier notifier, Dialogs dialogs,
                              WorkspaceChanges changes) {
        this.service = service;
        this.runner = runner;
        this.notifier = notifier;
        this.dialogs = dialogs;
        this.changes = changes;
        editQuantity.addListener((o, a, b) -> quantityError.set(checkQuantity(b)));
        editInstrument.addListener((o, a, b) -> instrumentError.set(""));
        cashText.addListener((o, a, b) -> cashError.set(""));
        selected.addListener((o, a, b) -> onSelected(b));
        canSave = Bindings.createBooleanBinding(() -> !editInstrument.get().isBlank() && !editQuantity.get().isBlank()
                && quantityError.get().isEmpty() && !loading.get(), editInstrument, editQuantity, quantityError, loading);
        changes.revisionProperty().addListener((o, a, b) -> refresh());
    }

    // ---- state -------------------------------------------------------------------------------

    public ReadOnlyObjectProperty<PortfolioSnapshot> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }

    public ObservableList<HoldingRow> holdings() {
        return holdings;
    }

    public ObservableList<Instrument> instrumentChoices() {
        return instrumentChoices;
    }

    public ReadOnlyObjectProperty<CorrelationMatrix> correlationProperty() {
        return correlation.getReadOnlyProperty();
    }

    public ObjectProperty<HoldingRow> selectedProperty() {
        return selected;
    }

    public ReadOnlyObjectProperty<List<PriceBar>> priceHistoryProperty() {
        return priceHistory.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public StringProperty editInstrumentProperty() {
        return editInstrument;
    }

    public StringProperty editQuantityProperty() {
        return editQuantity;
    }

    public ReadOnlyStringProperty instrumentErrorProperty() {
        return instrumentError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty quantityErrorProperty() {
        return quantityError.getReadOnlyProperty();
    }

    public StringProperty cashTextProperty() {
        return cashText;
    }

    public ReadOnlyStringProperty cashErrorProperty() {
        return cashError.getReadOnlyProperty();
    }

    public BooleanBinding canSaveProperty() {
        return canSave;
    }

    // ---- commands ----------------------------------------------------------------------------

    /**
     * Reloads the portfolio in the background, then its correlations and the instrument list: the holdings
     * show as soon as they are read. Only the newest reload's results are shown.
     */
    public void refresh() {
        long run = ++refreshes;
        String known = portfolioId;
        loading.set(true);
        String keep = selected.get() == null ? null : selected.get().instrumentId();
        runner.submit("Loading portfolio", p -> service.snapshot(known != null ? known
                : service.defaultPortfolio().id()), s -> {
                    if (run != refreshes) {
                        return;
                    }
                    loading.set(false);
                    portfolioId = s.portfolioId();
                    snapshot.set(s);
                    holdings.setAll(s.holdings());
                    cashText.set(s.cash().toPlainString());
                    Optional<HoldingRow> again = holdings.stream().filter(h -> h.instrumentId().equals(keep))
                            .findFirst();
                    selected.set(again.orElse(holdings.isEmpty() ? null : holdings.get(0)));
                    if (!holdings.isEmpty()) {
                        // Shown at the next pulse (a frame later); a view model does not schedule on the toolkit.
                        StartupMilestones.reached("portfolio on screen");
                    }
                    loadAround(run, s.portfolioId());
                }, e -> {
                    loading.set(false);
                    notifier.error("Could not load the portfolio", ErrorMessages.describe(e));
                    loadAround(run, null);
                });
    }

    /**
     * The instrument list and the holdings' correlations, read once the holdings are shown: started earlier,
     * they competed with the holdings for the two cores and delayed the first view. Without a portfolio
     * ({@code id} null, its reading failed) only the instruments.
     */
    private void loadAround(long run, String id) {
        runner.submit("Loading instruments", p -> service.holdableInstruments(), instrumentChoices::setAll,
                e -> notifier.error("Could not load the instruments", ErrorMessages.describe(e)));
        if (id == null) {
            return;
        }
        runner.submit("Computing correlations", p -> service.holdingsCorrelation(id, PortfolioService.LOOKBACK_DAYS),
                c -> {
                    if (run == refreshes) {
                        correlation.set(c);
                    }
                }, e -> notifier.error("Could not compute the correlations", ErrorMessages.describe(e)));
    }

    /** The portfolio on screen, as a report to make from what `portfolio` prints (Export…). */
    public Function<ReportContext, Report> report() {
        PortfolioSnapshot shown = snapshot.get();
        return context -> ReportKind.PORTFOLIO.build(ReportButton.json(PortfolioJson.of(shown)), context);
    }

    /** Clears the editor for a new holding. */
    public void startNew() {
        selected.set(null);
        editInstrument.set("");
        editQuantity.set("");
        instrumentError.set("");
        quantityError.set("");
    }

    /** Saves the holding in the editor; a field error is shown beside its field and the text is kept. */
    public void saveHolding() {
        String instrument = editInstrument.get();
        String quantity = editQuantity.get();
        runner.submit("Saving holding", p -> service.saveHolding(portfolioId, instrument, quantity), h -> {
            notifier.info("Holding saved", h.instrumentId() + ": " + h.quantity().toPlainString());
            changes.changed();
        }, this::showSaveError);
    }

    /** Removes the selected holding after confirmation. */
    public void removeSelected() {
        HoldingRow row = selected.get();
        if (row == null || !dialogs.confirm("Remove holding", "Remove " + row.quantity().toPlainString() + " "
                + row.instrumentId() + " from the portfolio?", "Remove")) {
            return;
        }
        runner.submit("Removing holding", p -> {
            service.removeHolding(portfolioId, row.instrumentId());
            return row.instrumentId();
        }, id -> {
            notifier.info("Holding removed", id);
            startNew();
            changes.changed();
        }, e -> notifier.error("Could not remove the holding", ErrorMessages.describe(e)));
    }

    /** Saves the cash balance typed in the cash field. */
    public void saveCash() {
        String text = cashText.get();
        runner.submit("Saving cash", p -> service.setCash(portfolioId, text), cash -> changes.changed(),
                this::showSaveError);
    }

    private void showSaveError(Throwable e) {
        if (e instanceof ValidationException v) {
            switch (v.field()) {
                case "quantity" -> quantityError.set(v.reason());
                case "instrument" -> instrumentError.set(v.reason());
                case "cash" -> cashError.set(v.reason());
                default -> notifier.error("Not saved", v.getMessage());
            }
        } else {
            notifier.error("Not saved", ErrorMessages.describe(e) + ". Your input is kept; try again.");
        }
    }

    private void onSelected(HoldingRow row) {
        if (row == null) {
            priceHistory.set(List.of());
            return;
        }
        editInstrument.set(row.instrumentId());
        editQuantity.set(row.quantity().toPlainString());
        runner.submit("Loading prices of " + row.instrumentId(), p -> service.priceHistory(row.instrumentId()),
                bars -> {
                    if (selected.get() == row) {
                        priceHistory.set(bars);
                    }
                }, e -> notifier.error("Could not load prices of " + row.instrumentId(), ErrorMessages.describe(e)));
    }

    /** Immediate check of the quantity text while typing; the service checks lot size on save. */
    static String checkQuantity(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        try {
            BigDecimal q = new BigDecimal(text.strip().replace(",", "").replace("_", ""));
            return q.signum() == 0 ? "must not be zero (remove the holding instead)" : "";
        } catch (NumberFormatException e) {
            return "\"" + text.strip() + "\" is not a number";
        }
    }
}
