package com.positionlab.ui.rules;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
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
import com.positionlab.domain.Side;
import com.positionlab.service.ValidationException;
import com.positionlab.service.sizing.PositionSizingRequest;
import com.positionlab.service.sizing.PositionSizingRequest.SizingParameters;
import com.positionlab.service.sizing.PositionSizingRequest.TradingDecision;
import com.positionlab.service.sizing.PositionSizingResponse;
import com.positionlab.service.sizing.PositionSizingResponse.MethodComparison;
import com.positionlab.service.sizing.SizingRanges;
import com.positionlab.service.sizing.SizingRule;
import com.positionlab.service.workspace.WorkspaceService;
import com.positionlab.ui.common.ErrorMessages;
import com.positionlab.ui.common.FieldReader;
import com.positionlab.ui.task.LatestRun;
import com.positionlab.ui.task.TaskRunner;

/**
 * The preview of the Rules view: the rule being edited (saved or not) applied to one trade on the current
 * portfolio (the workspace's default), with every method side by side. The trade is an instrument, a
 * direction, an entry price (default: the last close) and a stop (default: 5% away from the entry). A new
 * preview starts whenever the rule or the trade changes; while one runs, only the latest change waits.
 */
public final class RulePreviewModel {

    /** Sizes a decision by the request's method and, in the response's comparison, by every method. */
    @FunctionalInterface
    public interface Sizer {
        PositionSizingResponse sizeAllMethods(PositionSizingRequest request);
    }

    /** Distance of the default stop from the entry, as a fraction of the entry price. */
    static final double DEFAULT_STOP_DISTANCE = 0.05;
    static final String NO_ENGINE = "Preview needs the sizing engine";

    private final WorkspaceService workspace;
    private final Sizer sizer;
    private final TaskRunner runner;
    private final LatestRun previews;

    private final ObservableList<Instrument> instruments = FXCollections.observableArrayList();
    private final ObjectProperty<Instrument> instrument = new SimpleObjectProperty<>();
    private final ObjectProperty<Side> direction = new SimpleObjectProperty<>(Side.LONG);
    private final StringProperty entryPrice = new SimpleStringProperty("");
    private final StringProperty stopPrice = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<PositionSizingResponse> response = new ReadOnlyObjectWrapper<>();
    private final ObservableList<MethodComparison> comparison = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final Map<String, Double> lastCloses = new HashMap<>();

    private SizingRule rule;
    private boolean filling;

    /** {@code sizer} null: the sizing engine is not available, and the preview says so. */
    public RulePreviewModel(WorkspaceService workspace, Sizer sizer, TaskRunner runner) {
        this.workspace = workspace;
        this.sizer = sizer;
        this.runner = runner;
        this.previews = new LatestRun(runner, Duration.ZERO, LatestRun.WhileRunning.WAIT);
        instrument.addListener((o, a, b) -> {
            fillPrices();
            update();
        });
        direction.addListener((o, a, b) -> {
            fillPrices();
            update();
        });
        entryPrice.addListener((o, a, b) -> {
            if (!filling) {
                update();
            }
        });
        stopPrice.addListener((o, a, b) -> {
            if (!filling) {
                update();
            }
        });
        status.set(sizer == null ? NO_ENGINE : "");
    }

    // ---- state -------------------------------------------------------------------------------

    public boolean available() {
        return sizer != null;
    }

    public ObservableList<Instrument> instruments() {
        return instruments;
    }

    public ObjectProperty<Instrument> instrumentProperty() {
        return instrument;
    }

    public ObjectProperty<Side> directionProperty() {
        return direction;
    }

    /** Entry price per unit, in the instrument's currency; set to the last close when the instrument changes. */
    public StringProperty entryPriceProperty() {
        return entryPrice;
    }

    /** Stop price per unit (fixed-risk sizing needs it); set 5% away from the entry when the trade changes. */
    public StringProperty stopPriceProperty() {
        return stopPrice;
    }

    /** The rule's sizing of the trade; null before the first preview or when it cannot be sized. */
    public ReadOnlyObjectProperty<PositionSizingResponse> responseProperty() {
        return response.getReadOnlyProperty();
    }

    /** Every method's size for the same trade. */
    public ObservableList<MethodComparison> comparison() {
        return comparison;
    }

    /** What the preview is doing, or why it shows nothing. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return previews.busyProperty();
    }

    // ---- commands ----------------------------------------------------------------------------

    /** Reloads the instruments and their last closes; keeps the chosen instrument, or picks the first. */
    public void refresh() {
        runner.submit("Loading instruments", p -> {
            List<Instrument> all = workspace.instruments();
            Map<String, PriceBar> latest = workspace.latestPrices(all.stream().map(Instrument::id).toList());
            return new Loaded(all, latest);
        }, loaded -> {
            lastCloses.clear();
            loaded.latest().forEach((id, bar) -> lastCloses.put(id, bar.close()));
            Instrument keep = instrument.get();
            instruments.setAll(loaded.instruments());
            Instrument next = keep == null ? null : loaded.instruments().stream()
                    .filter(i -> i.id().equals(keep.id())).findFirst().orElse(null);
            if (next == null && !loaded.instruments().isEmpty()) {
                next = loaded.instruments().stream().filter(i -> lastCloses.containsKey(i.id())).findFirst()
                        .orElse(loaded.instruments().get(0));
            }
            instrument.set(next);
            if (next == null) {
                status.set(sizer == null ? NO_ENGINE : "Add instruments with prices to preview a rule.");
            }
        }, e -> status.set("Could not load the instruments: " + ErrorMessages.describe(e)));
    }

    /**
     * The rule to preview; null when the form has a problem (the preview then says so). Sizes again only
     * when the rule's parameters or constraints differ from the last ones (not for a new name, say).
     */
    public void ruleChanged(SizingRule rule) {
        boolean same = rule != null && this.rule != null && sameSizing(rule, this.rule);
        this.rule = rule;
        if (!same || response.get() == null && !previews.busyProperty().get()) {
            update();
        }
    }

    private static boolean sameSizing(SizingRule a, SizingRule b) {
        SizingParameters p = a.parameters();
        SizingParameters q = b.parameters();
        if (!Objects.equals(a.constraints(), b.constraints()) || (p == null) != (q == null)) {
            return false;
        }
        return p == null || Arrays.equals(p.tradeReturns(), q.tradeReturns())
                && Objects.equals(withoutReturns(p), withoutReturns(q));
    }

    private static SizingParameters withoutReturns(SizingParameters p) {
        return new SizingParameters(p.sizingMethod(), p.riskModel(), p.confidenceLevel(), p.lookbackPeriod(),
                p.maxPositionSize(), p.minPositionSize(), p.volatilityTarget(), p.fixedPercentage(), p.riskPerTrade(),
                p.kellyMultiplier(), p.maxKellyFraction(), p.optimalFFraction(), null, p.horizonDays(),
                p.cornishFisher(), p.monteCarloScenarios(), p.seed());
    }

    /** Sizes the trade again with the current rule. */
    public void update() {
        if (sizer == null) {
            status.set(NO_ENGINE);
            return;
        }
        PositionSizingRequest request = request();
        if (request == null) {
            previews.cancel(); // a preview of the rule before it broke must not show up later
            return;
        }
        status.set("Sizing " + request.tradingDecision().instrumentId() + " with every method…");
        previews.request("Previewing rule", p -> sizer.sizeAllMethods(request), r -> {
            response.set(r);
            comparison.setAll(r.comparison() == null ? List.of() : r.comparison());
            status.set("");
        }, e -> {
            response.set(null);
            comparison.clear();
            status.set(e instanceof ValidationException v ? "Cannot size this trade: " + v.getMessage()
                    : "Preview failed: " + ErrorMessages.describe(e));
        });
    }

    /** The request for the current rule and trade; null (with the reason in the status) when there is none. */
    private PositionSizingRequest request() {
        Instrument i = instrument.get();
        if (rule == null) {
            status.set("Fix the rule to preview it.");
            response.set(null);
            comparison.clear();
            return null;
        }
        if (i == null) {
            status.set("Choose an instrument to preview the rule.");
            return null;
        }
        Map<String, String> typed = new HashMap<>();
        typed.put("entry", entryPrice.get());
        typed.put("stop", stopPrice.get());
        Map<String, String> errors = new LinkedHashMap<>();
        FieldReader fields = new FieldReader(typed, errors);
        Double entry = fields.number("entry", true, SizingRanges.PRICE, "");
        Double stop = fields.number("stop", false, SizingRanges.PRICE, "");
        if (errors.containsKey("entry")) {
            status.set("Entry price: " + errors.get("entry") + ". Type an entry price above 0 to preview the rule.");
            return null;
        }
        if (errors.containsKey("stop")) {
            status.set("Stop price: " + errors.get("stop") + ". Fix it or leave it blank to preview the rule.");
            return null;
        }
        TradingDecision decision = new TradingDecision("rule-preview", i.id(), direction.get(), entry,
                stop, null, null, null, null, null, null);
        return new PositionSizingRequest(decision, null, rule.parameters(), rule.constraints(), null, null, null);
    }

    /** Sets the entry to the last close and the stop 5% away on the losing side. */
    private void fillPrices() {
        Instrument i = instrument.get();
        Double close = i == null ? null : lastCloses.get(i.id());
        if (close == null) {
            filling = true;
            entryPrice.set("");
            stopPrice.set("");
            filling = false;
            return;
        }
        double stop = close * (direction.get() == Side.SHORT ? 1 + DEFAULT_STOP_DISTANCE : 1 - DEFAULT_STOP_DISTANCE);
        filling = true;
        try {
            entryPrice.set(plain(close));
            stopPrice.set(plain(stop));
        } finally {
            filling = false;
        }
    }

    private static String plain(double v) {
        return new BigDecimal(v).setScale(2, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
    }

    private record Loaded(List<Instrument> instruments, Map<String, PriceBar> latest) {
    }
}
