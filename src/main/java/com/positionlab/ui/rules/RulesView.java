package com.positionlab.ui.rules;

import java.util.List;
import java.util.function.Function;

import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.MapChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;
import org.controlsfx.validation.decoration.GraphicValidationDecoration;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;

import com.positionlab.engine.riskmodel.RiskModel;
import com.positionlab.engine.sizing.SizingMethod;
import com.positionlab.service.sizing.PositionSizingRequest.RiskLimitMeasure;
import com.positionlab.service.sizing.SizingRule;
import com.positionlab.service.Names;
import com.positionlab.ui.common.Views;

/**
 * The Rules view: the rules on the left, the editor of one rule in the middle (fields of other methods hidden,
 * each field decorated with its problem, the problems listed under the form), and the preview of the rule on
 * the current portfolio on the right ({@link RulePreviewView}).
 */
public final class RulesView {

    private static final double LABEL_WIDTH = 122;
    private static final double FIELD_WIDTH = 96;

    private final RulesViewModel model;
    private final RuleEditor editor;
    private final TableView<SizingRule> table = new TableView<>();
    private final ValidationSupport validation = new ValidationSupport();

    public RulesView(RulesViewModel model) {
        this.model = model;
        this.editor = model.editor();
    }

    public Node createView() {
        Label title = new Label("Sizing rules");
        title.getStyleClass().add(Styles.TITLE_3);
        Label hint = Views.caption("Percentages are typed as percent: 2 means 2% of equity. A blank field uses the "
                + "sizing default.");
        HBox head = new HBox(14, title, hint);
        head.setAlignment(Pos.BASELINE_LEFT);

        Node list = listPane();
        Node form = formPane();
        Node preview = new RulePreviewView(model.preview()).createView();
        HBox body = new HBox(10, list, form, preview);
        HBox.setHgrow(preview, Priority.ALWAYS);
        VBox.setVgrow(body, Priority.ALWAYS);
        VBox root = new VBox(8, head, body);
        root.setId("rules-view");
        root.getStyleClass().add("page");
        root.getStylesheets().add(java.util.Objects.requireNonNull(
                RulesView.class.getResource("rules.css")).toExternalForm());
        initListeners();
        return root;
    }

    // ---- list --------------------------------------------------------------------------------

    private Node listPane() {
        table.setId("rules-table");
        table.getStyleClass().addAll(Styles.DENSE, Tweaks.EDGE_TO_EDGE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.setPlaceholder(new Label("No rules: create one, or import a JSON file of rules."));
        table.getColumns().setAll(List.of(
                column("Name", SizingRule::ruleName, 112),
                column("Method", r -> Names.method(r.parameters() == null ? null : r.parameters().sizingMethod()),
                        84),
                column("On", r -> r.active() ? "yes" : "no", 42),
                column("Priority", r -> Integer.toString(r.priority()), 74)));
        // Only the name column takes the width left over.
        table.getColumns().stream().skip(1).forEach(c -> c.setMaxWidth(c.getPrefWidth()));
        table.setItems(model.rules());
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(SizingRule r, boolean empty) {
                super.updateItem(r, empty);
                getStyleClass().remove("inactive-rule");
                if (!empty && r != null && !r.active()) {
                    getStyleClass().add("inactive-rule");
                }
                setTooltip(empty || r == null ? null : new Tooltip(r.ruleName() + " (" + r.ruleId() + ")"
                        + (r.description() == null ? "" : "\n" + r.description())));
            }
        });
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null && !model.open(b)) {
                Platform.runLater(this::selectEditing);
            }
        });

        Button create = button("New", Feather.PLUS, "rule-new", "Start a new rule");
        create.setOnAction(e -> model.newRule());
        Button copy = button("Duplicate", Feather.COPY, "rule-duplicate", "Store a copy of the selected rule");
        copy.setOnAction(e -> model.duplicate());
        Button toggle = button("Disable", Feather.TOGGLE_RIGHT, "rule-toggle",
                "Enable or disable the selected rule (disabled rules are not offered when sizing)");
        toggle.setOnAction(e -> {
            SizingRule r = model.editingProperty().get();
            model.setActive(r, r != null && !r.active());
        });
        model.editingProperty().addListener((o, a, r) -> {
            toggle.setText(r != null && !r.active() ? "Enable" : "Disable");
            toggle.setGraphic(new FontIcon(r != null && !r.active() ? Feather.TOGGLE_LEFT : Feather.TOGGLE_RIGHT));
        });
        Button delete = button("Delete", Feather.TRASH_2, "rule-delete", "Delete the selected rule (asks first)");
        delete.getStyleClass().add(Styles.DANGER);
        copy.disableProperty().bind(model.editingProperty().isNull());
        toggle.disableProperty().bind(model.editingProperty().isNull());
        delete.disableProperty().bind(model.editingProperty().isNull());
        delete.setOnAction(e -> model.delete());
        Button importButton = button("Import…", Feather.UPLOAD, "rules-import", "Add or replace rules from a JSON file");
        importButton.setOnAction(e -> model.importRules());
        Button exportButton = button("Export…", Feather.DOWNLOAD, "rules-export", "Write every rule to a JSON file");
        exportButton.setOnAction(e -> model.exportRules());

        HBox row1 = new HBox(6, create, copy, toggle);
        HBox row2 = new HBox(6, delete, Views.spacer(), importButton, exportButton);
        VBox box = new VBox(8, table, row1, row2);
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox card = Views.card("Rules", box);
        card.setPrefWidth(340);
        card.setMinWidth(340);
        return card;
    }

    private void selectEditing() {
        SizingRule r = model.editingProperty().get();
        if (r == null) {
            table.getSelectionModel().clearSelection();
            return;
        }
        // A rule not listed yet (a copy just made) clears the selection: left on the old row, the table would
        // re-select that row when the list is reloaded and so open it again over the new one.
        model.rules().stream().filter(x -> x.ruleId().equals(r.ruleId())).findFirst().ifPresentOrElse(
                x -> table.getSelectionModel().select(x), () -> table.getSelectionModel().clearSelection());
    }

    // ---- form --------------------------------------------------------------------------------

    private Node formPane() {
        validation.setValidationDecorator(new GraphicValidationDecoration());

        ComboBox<SizingMethod> method = new ComboBox<>();
        method.getItems().setAll(SizingMethod.values());
        method.setId("rule-sizing-method");
        method.setConverter(Views.converter(Names::method));
        method.valueProperty().bindBidirectional(editor.methodProperty());
        method.setPrefWidth(FIELD_WIDTH + 60);
        decorate(method, RuleForm.METHOD);
        Label methodSummary = Views.caption("");
        methodSummary.textProperty().bind(editor.methodSummaryProperty());
        methodSummary.setWrapText(true);

        ComboBox<RiskModel> riskModel = new ComboBox<>();
        riskModel.getItems().setAll(RiskModel.values());
        riskModel.setId("rule-risk-model");
        riskModel.setConverter(Views.converter(Names::riskModel));
        riskModel.valueProperty().bindBidirectional(editor.riskModelProperty());
        riskModel.setPrefWidth(FIELD_WIDTH + 60);
        ComboBox<RiskLimitMeasure> measure = new ComboBox<>();
        measure.getItems().setAll(RiskLimitMeasure.values());
        measure.setId("rule-risk-limit-measure");
        measure.setConverter(Views.converter(RuleForm::measureName));
        measure.valueProperty().bindBidirectional(editor.limitMeasureProperty());
        measure.setPrefWidth(FIELD_WIDTH + 30);
        measure.setTooltip(new Tooltip("What max portfolio risk limits: the book's annualised volatility, or its VaR "
                + "at the rule's confidence and horizon"));
        CheckBox active = new CheckBox("Active (offered when sizing)");
        active.setId("rule-active");
        active.selectedProperty().bindBidirectional(editor.activeProperty());
        CheckBox cornishFisher = new CheckBox("Cornish-Fisher (skew and kurtosis)");
        cornishFisher.setId("rule-cornish-fisher");
        cornishFisher.selectedProperty().bindBidirectional(editor.cornishFisherProperty());
        cornishFisher.visibleProperty().bind(editor.appliesProperty(RuleForm.CORNISH_FISHER));
        cornishFisher.managedProperty().bind(cornishFisher.visibleProperty());

        String p = RuleForm.P;
        String c = RuleForm.C;
        VBox form = new VBox(4,
                section("Rule"), row(RuleForm.RULE_NAME), row(RuleForm.DESCRIPTION), row(RuleForm.PRIORITY),
                indent(active),
                section("Sizing method"), labelled("Method", method, ""), indent(methodSummary),
                row(p + "kelly_multiplier"), row(p + "max_kelly_fraction"), row(p + "fixed_percentage"),
                row(p + "volatility_target"), row(p + "risk_per_trade"), row(p + "optimal_f_fraction"),
                section("Position size"), row(p + "max_position_size"), row(p + "min_position_size"),
                section("Risk measurement"), labelled("Risk model", riskModel, ""), row(p + "confidence_level"),
                row(p + "lookback_period"), row(p + "horizon_days"), indent(cornishFisher),
                row(p + "monte_carlo_scenarios"), row(p + "seed"),
                section("Portfolio constraints"), row(c + "max_portfolio_risk"),
                labelled("Max risk measures", measure, ""),
                row(c + "max_instrument_weight"), row(c + "max_sector_weight"), row(c + "correlation_limit"),
                row(c + "leverage_limit"));
        form.setPadding(new Insets(0, 14, 8, 2));
        ScrollPane scroll = new ScrollPane(form);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
        scroll.setId("rule-form");

        Button save = new Button("Save", new FontIcon(Feather.SAVE));
        save.setId("rule-save");
        save.getStyleClass().add(Styles.ACCENT);
        save.disableProperty().bind(editor.canSaveProperty().not());
        save.setOnAction(e -> model.save());
        Button revert = new Button("Revert", new FontIcon(Feather.ROTATE_CCW));
        revert.setId("rule-revert");
        revert.setTooltip(new Tooltip("Put the form back to the stored rule"));
        revert.disableProperty().bind(editor.dirtyProperty().not());
        revert.setOnAction(e -> model.revert());
        Label saveHint = new Label();
        saveHint.setId("rule-save-hint");
        saveHint.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.WARNING);
        saveHint.setWrapText(true);
        saveHint.textProperty().bind(editor.saveHintProperty());
        saveHint.setMinHeight(Region.USE_PREF_SIZE);
        saveHint.visibleProperty().bind(saveHint.textProperty().isNotEmpty());
        saveHint.managedProperty().bind(saveHint.visibleProperty());
        Label unsaved = Views.caption("Unsaved changes");
        unsaved.visibleProperty().bind(editor.dirtyProperty().and(editor.saveHintProperty().isEmpty()));
        unsaved.managedProperty().bind(unsaved.visibleProperty());
        HBox buttons = new HBox(8, save, revert, unsaved);
        buttons.setAlignment(Pos.CENTER_LEFT);

        VBox problems = new VBox(2);
        problems.setId("rule-problems");
        editor.problems().addListener((ListChangeListener<String>) ch -> showProblems(problems));
        showProblems(problems);

        VBox content = new VBox(8, scroll, buttons, saveHint, problems);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        Label heading = new Label();
        heading.getStyleClass().addAll(Styles.TEXT_BOLD, "card-title");
        heading.textProperty().bind(editor.titleProperty());
        VBox card = new VBox(6, heading, content);
        card.getStyleClass().add("panel");
        VBox.setVgrow(content, Priority.ALWAYS);
        card.setPrefWidth(424);
        card.setMinWidth(424);
        return card;
    }

    private void showProblems(VBox box) {
        box.getChildren().clear();
        for (String line : editor.problems()) {
            Label l = Views.errorLabel(new javafx.beans.property.SimpleStringProperty(line));
            l.setWrapText(true);
            l.setMinHeight(Region.USE_PREF_SIZE);
            box.getChildren().add(l);
        }
    }

    /** One text field with its label and unit, hidden when it does not apply to the chosen method. */
    private Node row(String path) {
        TextField field = new TextField();
        field.setId("rule-" + path.substring(path.lastIndexOf('.') + 1).replace('_', '-'));
        field.textProperty().bindBidirectional(editor.field(path));
        field.setPromptText(editor.prompt(path));
        field.setOnAction(e -> model.save());
        boolean wide = path.equals(RuleForm.RULE_NAME) || path.equals(RuleForm.DESCRIPTION);
        decorate(field, path);
        Node row = labelled(editor.label(path), field, wide ? "" : editor.unit(path));
        if (wide) {
            HBox.setHgrow(field, Priority.ALWAYS);
        }
        row.visibleProperty().bind(editor.appliesProperty(path));
        row.managedProperty().bind(row.visibleProperty());
        return row;
    }

    private static Node labelled(String label, Control control, String unit) {
        Label l = Views.formLabel(label);
        l.setWrapText(false);
        l.setMinWidth(LABEL_WIDTH);
        l.setPrefWidth(LABEL_WIDTH);
        l.setLabelFor(control);
        if (control.getPrefWidth() < 0) {
            control.setPrefWidth(FIELD_WIDTH);
        }
        control.setMinWidth(control instanceof ComboBox ? Region.USE_PREF_SIZE : 80);
        HBox row = new HBox(8, l, control);
        if (!unit.isEmpty()) {
            Label u = Views.caption(unit);
            u.setMinWidth(Region.USE_PREF_SIZE);
            row.getChildren().add(u);
        }
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private static Node section(String title) {
        Label l = new Label(title);
        l.getStyleClass().addAll(Styles.TEXT_BOLD, "form-section");
        l.setPadding(new Insets(8, 0, 2, 0));
        return l;
    }

    private static Node indent(Node n) {
        HBox box = new HBox(n);
        box.setPadding(new Insets(0, 0, 0, LABEL_WIDTH + 8));
        box.visibleProperty().bind(n.visibleProperty());
        box.managedProperty().bind(n.visibleProperty());
        return box;
    }

    /**
     * Marks {@code control} with the view model's error for {@code path}: a ControlsFX error decoration whose
     * tooltip gives the reason, the danger outline, and the reason as the field's own tooltip.
     */
    private void decorate(Control control, String path) {
        validation.registerValidator(control, false, (Control c, Object value) ->
                ValidationResult.fromErrorIf(c, editor.errors().get(path), editor.errors().containsKey(path)));
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(Bindings.createStringBinding(() -> editor.errors().getOrDefault(path,
                RuleForm.METHOD.equals(path) ? "How the weight is chosen" : editor.label(path) + tipUnit(path)),
                editor.errors()));
        control.setTooltip(tip);
        editor.errors().addListener((MapChangeListener<String, String>) ch -> {
            if (ch.getKey().equals(path)) {
                control.pseudoClassStateChanged(Styles.STATE_DANGER, editor.errors().containsKey(path));
            }
        });
        control.pseudoClassStateChanged(Styles.STATE_DANGER, editor.errors().containsKey(path));
    }

    private String tipUnit(String path) {
        if (RuleForm.METHOD.equals(path)) {
            return "";
        }
        String unit = editor.unit(path);
        return unit.isEmpty() ? "" : " (" + unit + ")";
    }

    private void initListeners() {
        editor.errors().addListener((MapChangeListener<String, String>) ch -> validation.revalidate());
        model.editingProperty().addListener((o, a, b) -> selectEditing());
        // After the table has handled the new items itself (it moves or clears the selection on a change).
        model.rules().addListener((ListChangeListener<SizingRule>) ch -> Platform.runLater(this::selectEditing));
    }

    // ---- helpers -----------------------------------------------------------------------------

    private static Button button(String text, Feather icon, String id, String tip) {
        Button b = new Button(text, new FontIcon(icon));
        b.setId(id);
        b.getStyleClass().add(Styles.SMALL);
        b.setTooltip(new Tooltip(tip));
        return b;
    }

    private static TableColumn<SizingRule, String> column(String name, Function<SizingRule, String> value, double width) {
        TableColumn<SizingRule, String> c = new TableColumn<>(name);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(value.apply(cd.getValue())));
        c.setPrefWidth(width);
        c.setMinWidth(width);
        return c;
    }
}
