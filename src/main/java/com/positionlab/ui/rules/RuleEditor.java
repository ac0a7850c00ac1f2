package com.positionlab.ui.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

import com.positionlab.engine.riskmodel.RiskModel;
import com.positionlab.engine.sizing.SizingMethod;
import com.positionlab.service.ValidationException.FieldError;
import com.positionlab.service.sizing.PositionSizingRequest.RiskLimitMeasure;
import com.positionlab.service.sizing.RuleService;
import com.positionlab.service.sizing.SizingRule;

/**
 * The form of one sizing rule: its texts and choices, which fields apply to the chosen method and risk
 * model, and every problem, checked as the user types by {@link RuleService#validate(SizingRule,
 * java.util.Collection)} (the check that guards saving) against the rules listed, after the texts are read
 * ({@link RuleForm}). Save is possible only without problems, and {@link #saveHintProperty()} says why not.
 */
public final class RuleEditor {

    private final RuleService service;
    private final List<SizingRule> others;
    private final Consumer<SizingRule> onValidRule;

    private final Map<String, StringProperty> fields = new LinkedHashMap<>();
    private final Map<String, ReadOnlyBooleanWrapper> applies = new LinkedHashMap<>();
    private final ObjectProperty<SizingMethod> method = new SimpleObjectProperty<>();
    private final ObjectProperty<RiskModel> riskModel = new SimpleObjectProperty<>(RiskModel.HISTORICAL_VAR);
    private final ObjectProperty<RiskLimitMeasure> limitMeasure = new SimpleObjectProperty<>(RiskLimitMeasure.VOLATILITY);
    private final BooleanProperty active = new SimpleBooleanProperty(true);
    private final BooleanProperty cornishFisher = new SimpleBooleanProperty();
    private final ObservableMap<String, String> errors = FXCollections.observableHashMap();
    /** A new rule's fields still blank as loaded: their problems wait until they are typed in. */
    private final java.util.Set<String> untouched = new java.util.HashSet<>();
    /** Problems of untouched fields: not shown beside them, but Save stays off. */
    private final java.util.Set<String> pending = new java.util.HashSet<>();
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper canSave = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper saveHint = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("New rule");
    private final ReadOnlyStringWrapper methodSummary = new ReadOnlyStringWrapper("");

    private SizingRule loaded;
    private boolean loading;

    /**
     * @param others      the rules a name must differ from (the list shown beside the form)
     * @param onValidRule told the form's rule after every change, or null while the form has a problem
     */
    RuleEditor(RuleService service, List<SizingRule> others, Consumer<SizingRule> onValidRule) {
        this.service = service;
        this.others = others;
        this.onValidRule = onValidRule;
        for (RuleForm.Field f : RuleForm.FIELDS) {
            StringProperty p = new SimpleStringProperty("");
            p.addListener((o, a, b) -> {
                if (!loading) {
                    untouched.remove(f.path());
                }
                revalidate();
            });
            fields.put(f.path(), p);
            applies.put(f.path(), new ReadOnlyBooleanWrapper(true));
        }
        applies.put(RuleForm.CORNISH_FISHER, new ReadOnlyBooleanWrapper(false));
        method.addListener((o, a, b) -> revalidate());
        riskModel.addListener((o, a, b) -> revalidate());
        limitMeasure.addListener((o, a, b) -> revalidate());
        active.addListener((o, a, b) -> revalidate());
        cornishFisher.addListener((o, a, b) -> revalidate());
        busy.addListener((o, a, b) -> revalidate());
    }

    // ---- state -------------------------------------------------------------------------------

    /** The text of a field, by contract path ({@code sizing_parameters.confidence_level}). */
    public StringProperty field(String path) {
        StringProperty p = fields.get(path);
        if (p == null) {
            throw new IllegalArgumentException("no rule field " + path);
        }
        return p;
    }

    public String label(String path) {
        return RuleForm.label(path);
    }

    /** The unit of a text field ("% of equity": percentages are typed as 2 for 2%). */
    public String unit(String path) {
        return RuleForm.field(path).unit();
    }

    /** What a blank field stands for ("default 95", "no limit"). */
    public String prompt(String path) {
        return RuleForm.prompt(path);
    }

    /** Whether a field applies to the chosen method and risk model (others are hidden and not stored). */
    public ReadOnlyBooleanProperty appliesProperty(String path) {
        ReadOnlyBooleanWrapper w = applies.get(path);
        if (w == null) {
            throw new IllegalArgumentException("no rule field " + path);
        }
        return w.getReadOnlyProperty();
    }

    public ObjectProperty<SizingMethod> methodProperty() {
        return method;
    }

    public ObjectProperty<RiskModel> riskModelProperty() {
        return riskModel;
    }

    public ObjectProperty<RiskLimitMeasure> limitMeasureProperty() {
        return limitMeasure;
    }

    public BooleanProperty activeProperty() {
        return active;
    }

    public BooleanProperty cornishFisherProperty() {
        return cornishFisher;
    }

    /** Why each field in error is wrong, by contract path; empty when the rule can be saved. */
    public ObservableMap<String, String> errors() {
        return errors;
    }

    /** Every problem as "Label: reason", in form order, for the list below the form. */
    public ObservableList<String> problems() {
        return problems;
    }

    public ReadOnlyBooleanProperty canSaveProperty() {
        return canSave.getReadOnlyProperty();
    }

    /** Why Save is disabled ("Fix 2 fields to save: Name, Max position"); empty when it is not. */
    public ReadOnlyStringProperty saveHintProperty() {
        return saveHint.getReadOnlyProperty();
    }

    /** Whether the form differs from the rule it was loaded with. */
    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    /** Whether the form's rule is being stored. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** "New rule", or "Edit "Quarter Kelly"". */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** What the chosen method computes, in one line. */
    public ReadOnlyStringProperty methodSummaryProperty() {
        return methodSummary.getReadOnlyProperty();
    }

    // ---- for the view model ------------------------------------------------------------------

    /** Shows {@code rule}; a rule without id is a new one. */
    void load(SizingRule rule) {
        loading = true;
        try {
            loaded = rule;
            RuleForm.texts(rule).forEach((k, v) -> fields.get(k).set(v));
            untouched.clear();
            if (rule.ruleId() == null) {
                fields.forEach((path, text) -> {
                    if (text.get() == null || text.get().isBlank()) {
                        untouched.add(path);
                    }
                });
            }
            RuleForm.Choices c = RuleForm.choices(rule);
            method.set(c.method());
            riskModel.set(c.riskModel());
            limitMeasure.set(c.limitMeasure());
            active.set(c.active());
            cornishFisher.set(c.cornishFisher());
            title.set(rule.ruleId() == null ? "New rule" : "Edit \"" + rule.ruleName() + "\"");
        } finally {
            loading = false;
        }
        revalidate();
    }

    /** The rule the form was loaded with. */
    SizingRule loaded() {
        return loaded;
    }

    /** The form's rule, with the loaded rule's id (unreadable fields left unset). */
    SizingRule rule() {
        return parse().rule();
    }

    void setBusy(boolean value) {
        busy.set(value);
    }

    /** Marks the loaded rule as stored with another active flag, keeping the user's edits. */
    void activeChanged(SizingRule stored) {
        loaded = stored;
        active.set(stored.active());
    }

    /** Shows problems found when saving, until the next change. */
    void showErrors(List<FieldError> found) {
        found.forEach(e -> errors.put(e.field(), e.reason()));
        showProblems();
    }

    /** Checks the form again (after the list of other rules has changed, say). */
    void revalidate() {
        if (loading || loaded == null) {
            return;
        }
        applies.forEach((path, w) -> w.set(path.equals(RuleForm.CORNISH_FISHER)
                ? riskModel.get() == RiskModel.PARAMETRIC
                : RuleForm.field(path).appliesTo(method.get(), riskModel.get())));
        methodSummary.set(RuleForm.methodSummary(method.get()));
        RuleForm.Parsed parsed = parse();
        Map<String, String> next = new LinkedHashMap<>(parsed.errors());
        for (FieldError e : service.validate(parsed.rule(), others)) {
            next.putIfAbsent(e.field(), e.reason());
        }
        // A new rule's blank fields are not wrong before the trader has typed in them: they only keep Save off.
        pending.clear();
        next.keySet().removeIf(path -> untouched.contains(path) && pending.add(path));
        if (!next.equals(errors)) {
            errors.keySet().retainAll(next.keySet());
            errors.putAll(next);
        }
        showProblems();
        dirty.set(!(RuleForm.texts(loaded).equals(texts()) && RuleForm.choices(loaded).equals(choices())));
        onValidRule.accept(errors.isEmpty() && pending.isEmpty() ? parsed.rule() : null);
    }

    // ---- helpers -----------------------------------------------------------------------------

    private RuleForm.Choices choices() {
        return new RuleForm.Choices(method.get(), riskModel.get(), limitMeasure.get(), active.get(), cornishFisher.get());
    }

    private Map<String, String> texts() {
        Map<String, String> out = new LinkedHashMap<>();
        fields.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    private RuleForm.Parsed parse() {
        return RuleForm.parse(texts(), choices(), loaded.ruleId() == null ? null : loaded);
    }

    private void showProblems() {
        List<String> lines = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        errors.entrySet().stream().sorted(Map.Entry.comparingByKey(
                (a, b) -> Integer.compare(orderOf(a), orderOf(b)))).forEach(e -> {
                    lines.add(RuleForm.label(e.getKey()) + ": " + e.getValue());
                    labels.add(RuleForm.label(e.getKey()));
                });
        if (!lines.equals(problems)) {
            problems.setAll(lines);
        }
        canSave.set(errors.isEmpty() && pending.isEmpty() && !busy.get());
        if (!errors.isEmpty()) {
            saveHint.set("Fix " + errors.size() + (errors.size() == 1 ? " field" : " fields") + " to save: "
                    + String.join(", ", labels));
        } else if (!pending.isEmpty()) {
            saveHint.set("Fill in " + String.join(", ", pending.stream().sorted((a, b) -> Integer.compare(orderOf(a),
                    orderOf(b))).map(RuleForm::label).toList()) + " to save");
        } else {
            saveHint.set(busy.get() ? "Saving…" : "");
        }
    }

    /** Position of a field in the form; the method sits after the rule's own fields. */
    private int orderOf(String path) {
        if (RuleForm.METHOD.equals(path)) {
            return 3;
        }
        int i = new ArrayList<>(fields.keySet()).indexOf(path);
        return i < 0 ? Integer.MAX_VALUE : i;
    }
}
