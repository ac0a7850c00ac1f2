package com.positionlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.geometry.VerticalDirection;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import atlantafx.base.controls.Notification;

import com.positionlab.config.DataPaths;
import com.positionlab.ui.common.PriceChart;
import com.positionlab.ui.shell.MainViewModel;
import com.positionlab.ui.shell.Page;
import com.positionlab.ui.shell.Theme;

/**
 * Starts the whole workstation headless on a fresh database (so on the demo workspace), visits every
 * view by mouse and by keyboard, and checks that each shows its data and no error appears.
 */
class WorkstationUiTest extends FxRobot {

    @TempDir
    Path dataDir;

    private PositionLabApp app;

    @BeforeEach
    void start() throws Exception {
        FxToolkit.registerPrimaryStage();
        AppConfig config = new AppConfig(new DataPaths(dataDir), "jdbc:h2:mem:ui-" + UUID.randomUUID(), Theme.LIGHT);
        app = (PositionLabApp) FxToolkit.setupApplication(() -> new PositionLabApp(config));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> app.workstation() != null
                && app.workstation().model().stateProperty().get() == MainViewModel.WorkspaceState.READY);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(() -> lookup("#holdings-table").tryQuery()
                .isPresent() && !lookup("#holdings-table").queryAs(TableView.class).getItems().isEmpty()));
    }

    /** A condition read on the JavaFX thread: a lookup from the test thread races with the scene graph changing. */
    private static boolean onFx(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        return WaitForAsyncUtils.asyncFx(condition).get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    @Test
    void pagesNotYetShownDoNoWorkUntilOpened() throws Exception {
        var services = app.workstation().model().servicesProperty().get();
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(600); // longer than the ticket's debounce
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(services.sizing().metrics().snapshot().count()).as("no sizing behind the Portfolio").isZero();
        assertThat(lookup("#kelly-view").tryQuery()).as("the Kelly Lab is not built").isEmpty();

        press(KeyCode.CONTROL, KeyCode.DIGIT4).release(KeyCode.CONTROL, KeyCode.DIGIT4);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> services.sizing().metrics().snapshot().count() > 0);
    }

    @Test
    void everyViewOpensWithItsDataAndNoError() throws Exception {
        assertThat(lookup("#holdings-table").queryAs(TableView.class).getItems()).hasSize(15);
        assertThat(lookup("DEMO DATA").tryQuery()).isPresent();

        clickOn("#nav-data");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> lookup("#instruments-table").queryAs(TableView.class).getItems().size() == 30);
        assertThat(lookup("#strategies-table").queryAs(TableView.class).getItems()).hasSize(3);

        press(KeyCode.CONTROL, KeyCode.DIGIT1).release(KeyCode.CONTROL, KeyCode.DIGIT1);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(app.workstation().model().selectedPageProperty().get()).isEqualTo(Page.PORTFOLIO);
        assertThat(lookup("#portfolio-view").query().isVisible()).isTrue();

        press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.CONTROL, KeyCode.DIGIT3);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(app.workstation().model().selectedPageProperty().get()).isEqualTo(Page.DATA);

        press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.CONTROL, KeyCode.DIGIT2);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(app.workstation().model().selectedPageProperty().get()).isEqualTo(Page.KELLY);
        clickOn("#kelly-calculate");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !lookup("#kelly-fractions").queryAs(TableView.class)
                .getItems().isEmpty());
        assertThat(lookup("#kelly-fraction").queryAs(Label.class).getText()).isEqualTo("0.2500");
        assertThat(lookup("#kelly-fractions").queryAs(TableView.class).getItems()).hasSize(3);
        clickOn("Terminal wealth (chosen f)");
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.chart.BarChart<?, ?> wealth = lookup(".histogram-chart").match(Node::isVisible)
                .queryAs(javafx.scene.chart.BarChart.class);
        assertThat(wealth.getData().get(0).getData()).hasSize(40);

        press(KeyCode.CONTROL, KeyCode.DIGIT4).release(KeyCode.CONTROL, KeyCode.DIGIT4);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(app.workstation().model().selectedPageProperty().get()).isEqualTo(Page.SIZE);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !lookup("#size-units").queryAs(Label.class).getText()
                .equals("—"));
        assertThat(lookup("#size-comparison").queryAs(TableView.class).getItems()).hasSize(7);

        press(KeyCode.CONTROL, KeyCode.DIGIT6).release(KeyCode.CONTROL, KeyCode.DIGIT6);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(app.workstation().model().selectedPageProperty().get()).isEqualTo(Page.ACTIVITY);
        assertThat(lookup("#activity-view").query().isVisible()).isTrue();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !lookup("#activity-count").queryAs(Label.class)
                .getText().equals("0"));

        press(KeyCode.CONTROL, KeyCode.DIGIT5).release(KeyCode.CONTROL, KeyCode.DIGIT5);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(app.workstation().model().selectedPageProperty().get()).isEqualTo(Page.RULES);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> lookup("#rules-table").queryAs(TableView.class).getItems().size() == 5);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> lookup("#preview-comparison").queryAs(TableView.class).getItems().size() == 7);
        assertThat(lookup("#preview-units").queryAs(Label.class).getText()).isNotEqualTo("—");

        assertThat(lookup(n -> n instanceof Notification).queryAll()).isEmpty();
    }

    @Test
    void aTradeSizedOnTheTicketAndAcceptedIsListedInActivity() throws Exception {
        clickOn("#nav-size");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !lookup("#size-units").queryAs(Label.class).getText()
                .equals("—"));
        clickOn("#size-entry").eraseText(20).write("12x");
        WaitForAsyncUtils.waitForFxEvents();
        Node error = lookup(".field-error").match(Node::isVisible).query();
        assertThat(((Label) error).getText()).isEqualTo("\"12x\" is not a number");
        assertThat(lookup("#size-accept").query().isDisabled()).isTrue();
        clickOn("#size-entry").eraseText(20).write("100");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !lookup("#size-accept").query().isDisabled());
        clickOn("#size-accept");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> lookup("#size-accept").query().isDisabled()
                && lookup(n -> n instanceof Notification).tryQuery().isPresent());

        clickOn("#nav-activity");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> lookup("#activity-history").queryAs(TableView.class)
                .getItems().size() == 1);
    }

    @Test
    void theTicketsHeadlineFiguresAreNeverCutOffAtTheDefaultWindowSize() throws Exception {
        clickOn("#nav-size");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !lookup("#size-units").queryAs(Label.class).getText()
                .equals("—"));
        // A cheap entry gives six- or seven-digit units (the ticket's default method targets 10% volatility).
        clickOn("#size-entry").eraseText(20).write("0.05");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(() -> lookup("#size-units").queryAs(Label.class)
                .getText().length() >= 7));
        for (String id : new String[] {"#size-units", "#size-notional", "#size-weight", "#size-kelly"}) {
            Label l = lookup(id).queryAs(Label.class);
            // Once laid out (a pulse after the text changed), the label is as wide as its text needs.
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> l.getWidth() >= l.prefWidth(-1) - 0.5));
        }
        assertThat(lookup("#size-units").queryAs(Label.class).getText()).matches("\\d{1,3}(,\\d{3}){2,}");
    }

    @Test
    void aRuleFieldOutOfBoundsIsDecoratedAndSaveSaysWhy() throws Exception {
        clickOn("#nav-rules");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> lookup("#rules-table").queryAs(TableView.class).getItems().size() == 5);
        doubleClickOn("#rule-confidence-level").write("100");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lookup("#rule-save").query().isDisabled()).isTrue();
        assertThat(lookup("#rule-save-hint").queryAs(Label.class).getText())
                .isEqualTo("Fix 1 field to save: Confidence level");
        assertThat(lookup("#rule-confidence-level").queryTextInputControl().getText()).isEqualTo("100");
        assertThat(lookup("#rule-problems .label").queryAs(Label.class).getText())
                .isEqualTo("Confidence level: must be above 0 and below 100, got 100");
        assertThat(lookup("#rule-confidence-level").queryAs(javafx.scene.control.TextField.class).getTooltip().getText())
                .isEqualTo("must be above 0 and below 100, got 100");
        assertThat(org.controlsfx.control.decoration.Decorator.getDecorations(lookup("#rule-confidence-level").query()))
                .as("ControlsFX error decoration").isNotEmpty();

        doubleClickOn("#rule-confidence-level").write("99");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lookup("#rule-save").query().isDisabled()).isFalse();
        clickOn("#rule-save");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> lookup("#rule-revert").query().isDisabled());
        assertThat(lookup(n -> n instanceof Notification).queryAll()).hasSize(1);
    }

    @Test
    void themeToggleSwitchesAndIsRemembered() throws Exception {
        clickOn("#theme-toggle");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(app.workstation().model().themeProperty().get()).isEqualTo(Theme.DARK);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> new com.positionlab.config.SettingsFile(
                dataDir.resolve("settings.properties")).get("theme").orElse("").equals("dark"));
        clickOn("#theme-toggle");
    }

    @Test
    void aBadQuantityIsShownBesideTheFieldAndTheTextIsKept() {
        clickOn("#holding-quantity").eraseText(12).write("12x");
        WaitForAsyncUtils.waitForFxEvents();
        Node error = lookup(".field-error").match(n -> n.isVisible()).query();
        assertThat(((Label) error).getText()).isEqualTo("\"12x\" is not a number");
        assertThat(lookup("#save-holding").query().isDisabled()).isTrue();
        assertThat(lookup("#holding-quantity").queryTextInputControl().getText()).isEqualTo("12x");
    }

    @Test
    void priceChartZoomsWithTheWheelPansByDraggingAndResetsOnDoubleClick() {
        PriceChart chart = lookup(".price-chart").queryAs(PriceChart.class);
        WaitForAsyncUtils.waitForFxEvents();
        double fullFrom = chart.visibleFrom();
        double fullTo = chart.visibleTo();
        assertThat(fullTo - fullFrom).isGreaterThan(5 * 365);

        // TestFX's glass robot sends DOWN as a positive wheel delta, which is what a real wheel turned
        // away from the user sends: zoom in.
        moveTo(chart).scroll(3, VerticalDirection.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        double zoomedSpan = chart.visibleTo() - chart.visibleFrom();
        assertThat(zoomedSpan).isLessThan(0.9 * (fullTo - fullFrom));

        double from = chart.visibleFrom();
        drag(chart).moveBy(150, 0).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(chart.visibleFrom()).as("dragging right shows earlier dates").isLessThan(from);
        assertThat(chart.visibleTo() - chart.visibleFrom()).isCloseTo(zoomedSpan, org.assertj.core.data.Offset.offset(1.0));

        moveTo(chart).doubleClickOn(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(chart.visibleFrom()).isEqualTo(fullFrom);
        assertThat(chart.visibleTo()).isEqualTo(fullTo);
    }

    @Test
    void instrumentPickerFiltersAsTheUserTypes() {
        clickOn("#new-holding");
        clickOn("#holding-instrument").write("Qubit").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lookup("#holding-instrument").queryAs(org.controlsfx.control.SearchableComboBox.class).getValue())
                .asString().contains("QBIT");
    }

    @Test
    void windowIsTitledAndSized() {
        Stage stage = (Stage) lookup("#holdings-table").query().getScene().getWindow();
        assertThat(stage.getTitle()).isEqualTo("PositionLab");
        assertThat(stage.getScene().getWidth()).isEqualTo(Workstation.WIDTH);
    }
}
