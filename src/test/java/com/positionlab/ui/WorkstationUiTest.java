package com.positionlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
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
import org.testfx.util.WaitForAsyncUtils;

import atlantafx.base.controls.Notification;

import com.positionlab.ui.common.PriceChart;
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
        app = HeadlessWorkstation.start(dataDir);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(() -> lookup("#holdings-table").tryQuery()
                .isPresent() && !lookup("#holdings-table").queryAs(TableView.class).getItems().isEmpty()));
    }

    /** A condition read on the JavaFX thread: a lookup from the test thread races with the scene graph changing. */
    private static boolean onFx(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        return WaitForAsyncUtils.asyncFx(condition).get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        HeadlessWorkstation.stop(app);
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
        // One row per measure, one column per simulated fraction (half, full and double Kelly) after the names.
        TableView<?> fractions = lookup("#kelly-fractions").queryAs(TableView.class);
        assertThat(fractions.getItems()).hasSize(9);
        assertThat(fractions.getColumns()).hasSize(4);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(clippedCells("#kelly-fractions")).as("results cut short").isEmpty();
        assertThat(WaitForAsyncUtils.asyncFx(() -> fractions.lookupAll(".scroll-bar").stream()
                .filter(n -> n instanceof javafx.scene.control.ScrollBar b
                        && b.getOrientation() == javafx.geometry.Orientation.HORIZONTAL && b.isVisible()).count())
                .get(10, TimeUnit.SECONDS)).as("no sideways scrolling").isZero();
        clickOn("Final wealth");
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

        press(KeyCode.CONTROL, KeyCode.DIGIT8).release(KeyCode.CONTROL, KeyCode.DIGIT8);
        assertThat(app.workstation().model().selectedPageProperty().get()).isEqualTo(Page.BACKTEST);
        // The default backtest runs on opening; Run runs it again and stores it in the history.
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> onFx(() -> !lookup("#backtest-history")
                .queryAs(TableView.class).getItems().isEmpty()));
        int stored = lookup("#backtest-history").queryAs(TableView.class).getItems().size();
        clickOn("#backtest-run");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> onFx(() -> lookup("#backtest-history")
                .queryAs(TableView.class).getItems().size() == stored + 1));
        assertThat(lookup("#backtest-statistics").queryAs(TableView.class).getItems()).hasSize(12);

        assertThat(lookup(n -> n instanceof Notification).queryAll()).isEmpty();
    }

    @Test
    void theBuildViewHoversTheFrontierSelectsAPointAndRoundsItToLots() throws Exception {
        press(KeyCode.CONTROL, KeyCode.DIGIT7).release(KeyCode.CONTROL, KeyCode.DIGIT7);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(app.workstation().model().selectedPageProperty().get()).isEqualTo(Page.BUILD);
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS,
                () -> !lookup("#build-compare").queryAs(TableView.class).getItems().isEmpty());
        com.positionlab.ui.build.FrontierChart chart = lookup(".frontier-chart")
                .queryAs(com.positionlab.ui.build.FrontierChart.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> com.positionlab.ui.build.ChartProbe.curvePoint(chart, 0.5) != null);
        javafx.geometry.Point2D middle = WaitForAsyncUtils.asyncFx(
                () -> com.positionlab.ui.build.ChartProbe.curvePoint(chart, 0.5)).get(10, TimeUnit.SECONDS);
        moveTo(middle.add(0, -20));
        moveTo(middle);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lookup("#build-figure-0").queryAs(Label.class).getText()).isEqualTo("Maximum Sharpe");
        clickOn(middle);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lookup("#build-figure-0").queryAs(Label.class).getText()).as("the clicked point is selected")
                .startsWith("Frontier at");
        clickOn("Trades");
        clickOn("#build-apply");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> !lookup("#build-trades").queryAs(TableView.class).getItems().isEmpty());
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
    void ruleNamesFitTheListAndADuplicateIsSelectedOnceMade() throws Exception {
        clickOn("#nav-rules");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> lookup("#rules-table").queryAs(TableView.class).getItems().size() == 5);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(clippedCells("#rules-table")).as("cells shown with an ellipsis").isEmpty();
        assertThat(WaitForAsyncUtils.asyncFx(() -> lookup("#rules-table .column-header .label").queryAll().stream()
                .map(n -> (Label) n).filter(l -> l.lookup(".text") instanceof javafx.scene.text.Text t
                        && !t.getText().equals(l.getText())).map(Label::getText).toList()).get(10, TimeUnit.SECONDS))
                .as("headers cut short").isEmpty();
        TableView<?> table = lookup("#rules-table").queryAs(TableView.class);
        clickOn("1% risk to stop");
        WaitForAsyncUtils.waitForFxEvents();
        clickOn("#rule-duplicate");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> onFx(() -> table.getItems().size() == 6));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> {
            Object selected = table.getSelectionModel().getSelectedItem();
            return selected != null && ((com.positionlab.service.sizing.SizingRule) selected).ruleName()
                    .equals("1% risk to stop (copy)");
        }));
        assertThat(table.getSelectionModel().getSelectedItems()).hasSize(1);
        assertThat(lookup("#rule-rule-name").queryTextInputControl().getText()).isEqualTo("1% risk to stop (copy)");
    }

    @Test
    void aStrategysSettingsShowTheirConvictionAndTierInFull() throws Exception {
        clickOn("#nav-kelly");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !lookup("#kelly-fractions").queryAs(TableView.class)
                .getItems().isEmpty());
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<Object> source = lookup("#kelly-strategy").queryAs(javafx.scene.control.ComboBox.class);
        WaitForAsyncUtils.asyncFx(() -> source.getSelectionModel().select(2)).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(() -> "STRATEGIST".equals(
                lookup("#strategy-tier").queryAs(javafx.scene.control.ComboBox.class).getValue())));
        WaitForAsyncUtils.asyncFx(() -> lookup(".titled-pane").queryAll().forEach(n ->
                ((javafx.scene.control.TitledPane) n).setExpanded(true))).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        for (String id : new String[] {"#kelly-conviction", "#strategy-tier"}) {
            // The button cell shows the value; its drawn text is the whole of it (no ellipsis).
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> lookup(id + " .list-cell").queryAll()
                    .stream().map(n -> (javafx.scene.control.Labeled) n)
                    .filter(c -> c.getText() != null && !c.getText().isEmpty())
                    .anyMatch(c -> c.lookup(".text") instanceof javafx.scene.text.Text t
                            && t.getText().equals(c.getText()))));
        }
        javafx.scene.control.ScrollPane form = lookup("#kelly-form").queryAs(javafx.scene.control.ScrollPane.class);
        assertThat(WaitForAsyncUtils.asyncFx(() -> form.getContent().minWidth(-1) - form.getViewportBounds().getWidth())
                .get(10, TimeUnit.SECONDS)).as("the Lab's form fits its panel without scrolling sideways")
                .isLessThanOrEqualTo(0.5);
    }

    /** The cells of a table whose text is drawn cut short (with an ellipsis) for lack of width. */
    private java.util.List<String> clippedCells(String tableId) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> lookup(tableId).queryAs(TableView.class).lookupAll(".table-cell").stream()
                .filter(n -> n instanceof javafx.scene.control.Labeled l && l.getText() != null && !l.getText().isEmpty())
                .map(n -> (javafx.scene.control.Labeled) n)
                .filter(l -> l.lookup(".text") instanceof javafx.scene.text.Text t && !t.getText().equals(l.getText()))
                .map(javafx.scene.control.Labeled::getText).toList()).get(10, TimeUnit.SECONDS);
    }

    @Test
    void switchingTheThemeRestylesEveryPageShownOrHidden() throws Exception {
        for (Page p : Page.values()) {
            clickOn("#nav-" + p.name().toLowerCase());
            WaitForAsyncUtils.waitForFxEvents();
        }
        for (Theme theme : new Theme[] {Theme.DARK, Theme.LIGHT, Theme.DARK}) {
            // Switched from a different page each time: the pages hidden at the switch are restyled too.
            clickOn("#nav-" + Page.values()[theme.ordinal() + 1].name().toLowerCase());
            push(KeyCode.CONTROL, KeyCode.T);
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(app.workstation().model().themeProperty().get()).isEqualTo(theme);
            assertThat(app.workstation().scene().getFill()).isEqualTo(theme.background());
            for (Page p : Page.values()) {
                clickOn("#nav-" + p.name().toLowerCase());
                WaitForAsyncUtils.waitForFxEvents();
                double background = WaitForAsyncUtils.asyncFx(() -> meanLuminance(lookup(".content").query()))
                        .get(10, TimeUnit.SECONDS);
                if (theme == Theme.DARK) {
                    assertThat(background).as(p + " in the dark theme").isLessThan(0.35);
                } else {
                    assertThat(background).as(p + " in the light theme").isGreaterThan(0.65);
                }
            }
        }
    }

    /** The mean luminance (0 black to 1 white) of the area of {@code node} in the window as drawn. */
    private static double meanLuminance(Node node) {
        javafx.scene.image.WritableImage image = node.getScene().snapshot(null);
        javafx.geometry.Bounds b = node.localToScene(node.getBoundsInLocal());
        javafx.scene.image.PixelReader px = image.getPixelReader();
        double sum = 0;
        int n = 0;
        for (int y = (int) b.getMinY(); y < Math.min(b.getMaxY(), image.getHeight()); y += 4) {
            for (int x = (int) b.getMinX(); x < Math.min(b.getMaxX(), image.getWidth()); x += 4) {
                javafx.scene.paint.Color c = px.getColor(x, y);
                sum += 0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue();
                n++;
            }
        }
        return sum / n;
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
        // Repainted in the same pulse: the line is drawn again for the zoomed window (the chart draws the dates
        // in view and one beyond each edge), from the plot's left edge to its right.
        javafx.scene.shape.Path line = (javafx.scene.shape.Path) chart.lookup(".chart-series-line");
        Node plot = chart.lookup(".chart-plot-background");
        int points = ((javafx.scene.chart.XYChart<?, ?>) chart.lookup(".chart")).getData().get(0).getData().size();
        assertThat(line.getElements().size()).isLessThan((int) (points * 0.6));
        assertThat(line.getBoundsInLocal().getMinX()).isLessThan(2);
        assertThat(line.getBoundsInLocal().getMaxX()).isGreaterThan(plot.getBoundsInLocal().getWidth() - 2);

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
