package com.positionlab.ui.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.positionlab.domain.Instrument;
import com.positionlab.domain.PriceBar;
import com.positionlab.domain.Side;
import com.positionlab.engine.sizing.SizingMethod;
import com.positionlab.service.sizing.PositionSizingRequest;
import com.positionlab.service.sizing.PositionSizingResponse;
import com.positionlab.service.sizing.PositionSizingResponse.MethodComparison;
import com.positionlab.service.sizing.PositionSizingResponse.OptimalPosition;
import com.positionlab.service.sizing.RuleService;
import com.positionlab.service.sizing.SizingRule;
import com.positionlab.store.Database;
import com.positionlab.store.Store;
import com.positionlab.testing.RecordingNotifier;
import com.positionlab.testing.RuleBuilder;
import com.positionlab.testing.ScriptedDialogs;
import com.positionlab.testing.TestStores;
import com.positionlab.ui.common.WorkspaceChanges;
import com.positionlab.ui.task.SyncTaskRunner;

/**
 * The Rules view model on the starter rules: validation as the user types (Save disabled with the reason, and
 * enabled again once fixed), saving, what the user typed kept after a refused save, method-specific fields,
 * confirmations before deleting or discarding, copies, enabling, import and export, and the preview.
 */
class RulesViewModelTest {

    private static final String P = "sizing_parameters.";

    @TempDir
    Path dir;

    private Database db;
    private Store store;
    private RuleService service;
    private RulesViewModel model;
    private final RecordingNotifier notifier = new RecordingNotifier();
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final List<PositionSizingRequest> sized = new ArrayList<>();

    @BeforeEach
    void setUp() {
        db = TestStores.memory();
        store = new Store(db);
        service = new RuleService(store);
        service.ensureDefaults();
        store.instruments().saveAll(List.of(new Instrument("ACME", "Acme", "Industrials", "USD", BigDecimal.ONE, null)));
        store.prices().saveAll(List.of(PriceBar.close("ACME", LocalDate.of(2025, 1, 2), 40.0),
                PriceBar.close("ACME", LocalDate.of(2025, 1, 3), 50.0)));
        SyncTaskRunner runner = new SyncTaskRunner();
        RulePreviewModel preview = new RulePreviewModel(new com.positionlab.service.workspace.WorkspaceService(store), this::fakeSizing, runner);
        model = new RulesViewModel(service, preview, runner, notifier, dialogs, new WorkspaceChanges());
        model.refresh();
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    /** Stands in for the sizing service: 10 units of whatever it is asked, and two methods compared. */
    private PositionSizingResponse fakeSizing(PositionSizingRequest r) {
        sized.add(r);
        String method = r.sizingParameters().sizingMethod().name();
        OptimalPosition p = new OptimalPosition("p", r.tradingDecision().instrumentId(), "LONG", BigDecimal.TEN,
                BigDecimal.valueOf(500), 0.05, "USD", method, 0.8, null);
        List<MethodComparison> comparison = List.of(
                new MethodComparison("KELLY_CRITERION", BigDecimal.TEN, BigDecimal.valueOf(500), 0.05, 0.07,
                        List.of("max_position_size"), null),
                new MethodComparison("EQUAL_WEIGHT", BigDecimal.ONE, BigDecimal.valueOf(50), 0.005, 0.005, List.of(), null));
        return new PositionSizingResponse("s", p, null, null, List.of(), null, null, comparison, List.of(), 1.0);
    }

    @Test
    void theFirstRuleIsOpenedWithItsFractionsInPercent() {
        assertThat(model.rules()).hasSize(5);
        assertThat(model.editingProperty().get().ruleName()).isEqualTo("Quarter Kelly");
        assertThat(model.editor().field(P + "kelly_multiplier").get()).isEqualTo("0.25");
        assertThat(model.editor().field(P + "max_kelly_fraction").get()).isEqualTo("50");
        assertThat(model.editor().field(P + "max_position_size").get()).isEqualTo("10");
        assertThat(model.editor().field(P + "confidence_level").get()).isEqualTo("95");
        assertThat(model.editor().canSaveProperty().get()).isTrue();
        assertThat(model.editor().dirtyProperty().get()).isFalse();
        assertThat(model.editor().unit(P + "max_position_size")).isEqualTo("% of equity");
    }

    @Test
    void anInvalidValueDisablesSaveWithTheReasonAndFixingItEnablesSave() {
        model.editor().field(P + "confidence_level").set("100");
        assertThat(model.editor().errors()).containsOnlyKeys(P + "confidence_level");
        assertThat(model.editor().errors().get(P + "confidence_level")).isEqualTo("must be above 0 and below 100, got 100");
        assertThat(model.editor().canSaveProperty().get()).isFalse();
        assertThat(model.editor().saveHintProperty().get()).isEqualTo("Fix 1 field to save: Confidence level");
        assertThat(model.editor().problems()).singleElement().asString().isEqualTo("Confidence level: must be above 0 and below 100, got 100");

        model.editor().field(P + "confidence_level").set("99");
        assertThat(model.editor().errors()).isEmpty();
        assertThat(model.editor().problems()).isEmpty();
        assertThat(model.editor().canSaveProperty().get()).isTrue();
        assertThat(model.editor().saveHintProperty().get()).isEmpty();
        assertThat(model.editor().dirtyProperty().get()).isTrue();
    }

    @Test
    void textThatIsNotANumberIsNamedAndKept() {
        model.editor().field(P + "max_position_size").set("ten");
        assertThat(model.editor().errors().get(P + "max_position_size"))
                .isEqualTo("\"ten\" is not a number");
        assertThat(model.editor().field(P + "max_position_size").get()).isEqualTo("ten");
        model.editor().field(P + "lookback_period").set("25.5");
        assertThat(model.editor().errors().get(P + "lookback_period")).isEqualTo("\"25.5\" is not a whole number");
        assertThat(model.editor().saveHintProperty().get()).isEqualTo("Fix 2 fields to save: Max position, Lookback");
        model.save();
        assertThat(notifier.infos).isEmpty();
    }

    @Test
    void crossFieldProblemsAreShownOnTheDependentField() {
        model.editor().field(P + "min_position_size").set("15");
        assertThat(model.editor().errors()).containsOnlyKeys(P + "min_position_size");
        model.editor().field(P + "max_position_size").set("20");
        assertThat(model.editor().errors()).isEmpty();
    }

    @Test
    void savingStoresTheRuleWithPercentagesAsFractions() {
        model.editor().field(P + "max_position_size").set("12.5");
        model.editor().field("risk_constraints.max_sector_weight").set("30%");
        model.save();
        SizingRule stored = service.find("quarter-kelly").orElseThrow();
        assertThat(stored.parameters().maxPositionSize()).isEqualTo(0.125);
        assertThat(stored.constraints().maxSectorWeight()).isEqualTo(0.3);
        assertThat(model.editor().dirtyProperty().get()).isFalse();
        assertThat(model.editor().field(P + "max_position_size").get()).isEqualTo("12.5");
        assertThat(notifier.infos).singleElement().asString().startsWith("Rule saved");
    }

    @Test
    void aSaveRefusedByTheServiceKeepsWhatTheUserTyped() {
        model.editor().field("rule_name").set("Brand new");
        model.editor().field(P + "kelly_multiplier").set("0.3");
        service.save(RuleBuilder.valid().named("brand NEW").build());
        model.save();
        assertThat(model.editor().field("rule_name").get()).isEqualTo("Brand new");
        assertThat(model.editor().field(P + "kelly_multiplier").get()).isEqualTo("0.3");
        assertThat(model.editor().errors().get("rule_name")).contains("already the name of another rule");
        assertThat(model.editor().canSaveProperty().get()).isFalse();
        assertThat(notifier.errors).singleElement().asString().startsWith("Rule not saved").contains("Your input is kept");
        assertThat(service.find("quarter-kelly").orElseThrow().ruleName()).isEqualTo("Quarter Kelly");
    }

    @Test
    void aNewRuleNeedsANameAndIsStoredWithANewId() {
        model.newRule();
        assertThat(model.editingProperty().get()).isNull();
        assertThat(model.editor().titleProperty().get()).isEqualTo("New rule");
        assertThat(model.editor().canSaveProperty().get()).isFalse();
        // Nothing typed yet: no error beside the blank name, only the hint.
        assertThat(model.editor().errors()).isEmpty();
        assertThat(model.editor().problems()).isEmpty();
        assertThat(model.editor().saveHintProperty().get()).isEqualTo("Fill in Name to save");
        model.editor().field("rule_name").set("x");
        model.editor().field("rule_name").set("");
        assertThat(model.editor().errors()).as("typed in and emptied: now it is an error").containsKey("rule_name");
        model.editor().field("rule_name").set("Half Kelly");
        model.editor().methodProperty().set(SizingMethod.KELLY_CRITERION);
        model.editor().field(P + "kelly_multiplier").set("0.5");
        model.save();
        assertThat(model.editingProperty().get().ruleId()).isEqualTo("half-kelly");
        assertThat(model.rules()).hasSize(6);
        assertThat(service.find("half-kelly").orElseThrow().parameters().kellyMultiplier()).isEqualTo(0.5);
    }

    @Test
    void fieldsOfOtherMethodsAreHiddenAndNotStored() {
        model.editor().field(P + "kelly_multiplier").set("7");
        assertThat(model.editor().canSaveProperty().get()).isFalse();
        model.editor().methodProperty().set(SizingMethod.RISK_PARITY);
        assertThat(model.editor().appliesProperty(P + "kelly_multiplier").get()).isFalse();
        assertThat(model.editor().appliesProperty(P + "max_position_size").get()).isTrue();
        assertThat(model.editor().canSaveProperty().get()).isTrue();
        model.save();
        SizingRule stored = service.find("quarter-kelly").orElseThrow();
        assertThat(stored.parameters().sizingMethod()).isEqualTo(SizingMethod.RISK_PARITY);
        assertThat(stored.parameters().kellyMultiplier()).isNull();
        assertThat(model.editor().appliesProperty(P + "monte_carlo_scenarios").get()).isFalse();
        model.editor().riskModelProperty().set(com.positionlab.engine.riskmodel.RiskModel.MONTE_CARLO);
        assertThat(model.editor().appliesProperty(P + "monte_carlo_scenarios").get()).isTrue();
    }

    @Test
    void deleteAsksFirstAndDoesNothingWhenDeclined() {
        dialogs.confirmations.add(false);
        model.delete();
        assertThat(dialogs.asked).singleElement().asString()
                .startsWith("Delete rule: Delete the sizing rule \"Quarter Kelly\"");
        assertThat(service.list()).hasSize(5);
        assertThat(model.editingProperty().get().ruleId()).isEqualTo("quarter-kelly");

        dialogs.confirmations.add(true);
        model.delete();
        assertThat(service.find("quarter-kelly")).isEmpty();
        assertThat(model.rules()).hasSize(4);
        assertThat(model.editingProperty().get().ruleName()).isEqualTo("2% fixed");
    }

    @Test
    void openingAnotherRuleAsksBeforeDiscardingChanges() {
        model.editor().field(P + "kelly_multiplier").set("0.5");
        SizingRule other = model.rules().get(1);
        dialogs.confirmations.add(false);
        assertThat(model.open(other)).isFalse();
        assertThat(model.editor().field(P + "kelly_multiplier").get()).isEqualTo("0.5");
        dialogs.confirmations.add(true);
        assertThat(model.open(other)).isTrue();
        assertThat(model.editingProperty().get().ruleName()).isEqualTo("2% fixed");
        assertThat(model.editor().field(P + "fixed_percentage").get()).isEqualTo("2");
        assertThat(dialogs.asked).hasSize(2);
    }

    @Test
    void revertPutsTheStoredValuesBack() {
        model.editor().field(P + "kelly_multiplier").set("0.9");
        model.revert();
        assertThat(model.editor().field(P + "kelly_multiplier").get()).isEqualTo("0.25");
        assertThat(model.editor().dirtyProperty().get()).isFalse();
    }

    @Test
    void aCopyIsStoredAndOpened() {
        model.duplicate();
        assertThat(model.editingProperty().get().ruleName()).isEqualTo("Quarter Kelly (copy)");
        assertThat(model.rules()).hasSize(6);
    }

    @Test
    void aRuleIsDisabledAndEnabledAtOnce() {
        model.setActive(model.editingProperty().get(), false);
        assertThat(service.find("quarter-kelly").orElseThrow().active()).isFalse();
        assertThat(model.editor().activeProperty().get()).isFalse();
        assertThat(model.rules().get(0).active()).isFalse();
        model.setActive(model.editingProperty().get(), true);
        assertThat(service.find("quarter-kelly").orElseThrow().active()).isTrue();
    }

    @Test
    void rulesAreExportedAndABadImportIsRefusedWhole() throws Exception {
        Path out = dir.resolve("rules.json");
        dialogs.files.add(out);
        model.exportRules();
        assertThat(Files.readString(out)).contains("\"Quarter Kelly\"");
        assertThat(notifier.infos).singleElement().asString().startsWith("Rules exported: 5 rules");

        Path bad = Files.writeString(dir.resolve("bad.json"), "[{\"rule_name\": \"Ok\", \"sizing_parameters\": "
                + "{\"sizing_method\": \"EQUAL_WEIGHT\"}}, {\"rule_name\": \"\", \"sizing_parameters\": "
                + "{\"sizing_method\": \"EQUAL_WEIGHT\"}}]");
        dialogs.files.add(bad);
        model.importRules();
        assertThat(notifier.errors).singleElement().asString().startsWith("Nothing imported").contains("[1].rule_name");
        assertThat(service.list()).hasSize(5);

        Path good = Files.writeString(dir.resolve("good.json"), "[{\"rule_name\": \"Equal\", \"sizing_parameters\": "
                + "{\"sizing_method\": \"EQUAL_WEIGHT\"}}]");
        model.importRules(good);
        assertThat(model.rules()).extracting(SizingRule::ruleName).contains("Equal");
    }

    @Test
    void thePreviewSizesTheEditedRuleOnTheLastClose() {
        RulePreviewModel preview = model.preview();
        assertThat(preview.instrumentProperty().get().id()).isEqualTo("ACME");
        assertThat(preview.entryPriceProperty().get()).isEqualTo("50");
        assertThat(preview.stopPriceProperty().get()).isEqualTo("47.5");
        PositionSizingRequest last = sized.get(sized.size() - 1);
        assertThat(last.tradingDecision().entryPrice()).isEqualTo(50.0);
        assertThat(last.tradingDecision().direction()).isEqualTo(Side.LONG);
        assertThat(last.portfolioState()).as("the store's default portfolio").isNull();
        assertThat(last.sizingParameters().kellyMultiplier()).isEqualTo(0.25);
        assertThat(preview.responseProperty().get().optimalPosition().recommendedSize()).isEqualTo(BigDecimal.TEN);
        assertThat(preview.comparison()).hasSize(2);

        int afterOpening = sized.size();
        model.editor().field("rule_name").set("Quarter Kelly, renamed");
        assertThat(sized).as("a new name sizes nothing again").hasSize(afterOpening);

        model.editor().field(P + "kelly_multiplier").set("0.5");
        assertThat(sized.get(sized.size() - 1).sizingParameters().kellyMultiplier()).as("unsaved edits").isEqualTo(0.5);

        int before = sized.size();
        model.editor().field(P + "kelly_multiplier").set("5");
        assertThat(sized).hasSize(before);
        assertThat(preview.statusProperty().get()).isEqualTo("Fix the rule to preview it.");

        preview.directionProperty().set(Side.SHORT);
        assertThat(preview.stopPriceProperty().get()).isEqualTo("52.5");
    }

    @Test
    void withoutTheSizingEngineThePreviewSaysSo() {
        RulePreviewModel preview = new RulePreviewModel(new com.positionlab.service.workspace.WorkspaceService(store), null, new SyncTaskRunner());
        preview.refresh();
        preview.ruleChanged(service.list().get(0));
        assertThat(preview.available()).isFalse();
        assertThat(preview.statusProperty().get()).isEqualTo("Preview needs the sizing engine");
    }
}
