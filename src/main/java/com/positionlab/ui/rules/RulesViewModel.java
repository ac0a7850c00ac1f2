package com.positionlab.ui.rules;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import com.positionlab.engine.riskmodel.RiskModel;
import com.positionlab.engine.sizing.SizingMethod;
import com.positionlab.service.ValidationException;
import com.positionlab.service.ValidationException.FieldError;
import com.positionlab.service.sizing.PositionSizingRequest.SizingParameters;
import com.positionlab.service.sizing.RuleService;
import com.positionlab.service.sizing.SizingRule;
import com.positionlab.ui.common.Dialogs;
import com.positionlab.ui.common.ErrorMessages;
import com.positionlab.ui.common.Notifier;
import com.positionlab.ui.common.WorkspaceChanges;
import com.positionlab.ui.task.TaskRunner;

/**
 * State and commands of the Rules view: the list of sizing rules, the editor of one of them
 * ({@link RuleEditor}, validated as the user types), create, save, copy, enable, delete, JSON import and
 * export, and the preview of the edited rule on the current portfolio ({@link RulePreviewModel}). What the
 * user typed stays in the form when a save fails; unsaved changes are only dropped after asking.
 */
public final class RulesViewModel {

    private final RuleService service;
    private final TaskRunner runner;
    private final Notifier notifier;
    private final Dialogs dialogs;
    private final WorkspaceChanges changes;
    private final RulePreviewModel preview;
    private final ObservableList<SizingRule> rules = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<SizingRule> editing = new ReadOnlyObjectWrapper<>();
    private final RuleEditor editor;

    /** Whether the form holds a new rule, kept when the list reloads. */
    private boolean newForm;

    public RulesViewModel(RuleService service, RulePreviewModel preview, TaskRunner runner, Notifier notifier,
                          Dialogs dialogs, WorkspaceChanges changes) {
        this.service = service;
        this.preview = preview;
        this.runner = runner;
        this.notifier = notifier;
        this.dialogs = dialogs;
        this.changes = changes;
        this.editor = new RuleEditor(service, rules, preview::ruleChanged);
        changes.revisionProperty().addListener((o, a, b) -> refresh());
        load(template());
        newForm = false;
    }

    // ---- state -------------------------------------------------------------------------------

    public ObservableList<SizingRule> rules() {
        return rules;
    }

    /** The stored rule in the form; null while a new rule is being written. */
    public ReadOnlyObjectProperty<SizingRule> editingProperty() {
        return editing.getReadOnlyProperty();
    }

    /** The form. */
    public RuleEditor editor() {
        return editor;
    }

    public RulePreviewModel preview() {
        return preview;
    }

    // ---- commands ----------------------------------------------------------------------------

    /** Reloads the rules (and the preview's instruments); keeps the rule in the form, or opens the first. */
    public void refresh() {
        runner.submit("Loading sizing rules", p -> service.list(), list -> {
            rules.setAll(list);
            SizingRule current = editing.get();
            Optional<SizingRule> fresh = current == null ? Optional.empty()
                    : list.stream().filter(r -> r.ruleId().equals(current.ruleId())).findFirst();
            boolean dirty = editor.dirtyProperty().get();
            if (fresh.isPresent() && !dirty) {
                load(fresh.get());
            } else if (current != null && fresh.isEmpty() || current == null && !newForm) {
                load(list.isEmpty() ? template() : list.get(0));
            } else {
                editor.revalidate();
            }
        }, e -> notifier.error("Could not read the sizing rules", ErrorMessages.describe(e)));
        preview.refresh();
    }

    /**
     * Opens a rule in the form. With unsaved changes, asks first; returns false (and keeps the form) when the
     * user keeps them.
     */
    public boolean open(SizingRule rule) {
        SizingRule current = editing.get();
        if (rule == null || !newForm && current != null && current.ruleId().equals(rule.ruleId())) {
            return true;
        }
        if (!discardChanges()) {
            return false;
        }
        load(rule);
        return true;
    }

    /** Starts a new rule (fixed 2% of equity, at most 10%), after asking about unsaved changes. */
    public void newRule() {
        if (discardChanges()) {
            load(template());
        }
    }

    /** Puts the form back to the rule it was loaded with. */
    public void revert() {
        editor.load(editor.loaded());
    }

    /** Validates and stores the rule in the form; on failure the form keeps what the user typed. */
    public void save() {
        if (!editor.canSaveProperty().get()) {
            return;
        }
        SizingRule rule = editor.rule();
        editor.setBusy(true);
        runner.submit("Saving rule " + rule.ruleName(), p -> service.save(rule), saved -> {
            editor.setBusy(false);
            load(saved);
            notifier.info("Rule saved", saved.ruleName() + " (" + saved.ruleId() + ")");
            changes.changed();
        }, e -> {
            editor.setBusy(false);
            if (e instanceof ValidationException v) {
                editor.showErrors(v.errors());
                notifier.error("Rule not saved", v.getMessage() + ". Your input is kept: fix it and save again.");
                reloadList();
            } else {
                notifier.error("Rule not saved", ErrorMessages.describe(e) + ". Your input is kept; try again.");
            }
        });
    }

    /** Stores a copy of the rule in the form ("X (copy)") and opens it. */
    public void duplicate() {
        SizingRule current = editing.get();
        if (current == null || !discardChanges()) {
            return;
        }
        runner.submit("Copying rule " + current.ruleName(), p -> service.duplicate(current.ruleId()), copy -> {
            load(copy);
            notifier.info("Rule copied", copy.ruleName());
            changes.changed();
        }, e -> notifier.error("Rule not copied", ErrorMessages.describe(e)));
    }

    /** Enables or disables a stored rule at once (no Save needed); edits in the form are kept. */
    public void setActive(SizingRule rule, boolean value) {
        if (rule == null || rule.ruleId() == null) {
            return;
        }
        runner.submit((value ? "Enabling " : "Disabling ") + rule.ruleName(), p -> service.setActive(rule.ruleId(), value),
                stored -> {
                    if (editing.get() != null && editing.get().ruleId().equals(stored.ruleId())) {
                        editing.set(stored);
                        editor.activeChanged(stored);
                    }
                    changes.changed();
                }, e -> notifier.error("Rule not changed", ErrorMessages.describe(e)));
    }

    /** Deletes the rule in the form, after confirmation. */
    public void delete() {
        SizingRule current = editing.get();
        if (current == null || !dialogs.confirm("Delete rule", "Delete the sizing rule \"" + current.ruleName()
                + "\"? Past sizings keep their results but lose the link to it.", "Delete")) {
            return;
        }
        runner.submit("Deleting rule " + current.ruleName(), p -> {
            service.delete(current.ruleId());
            return current;
        }, r -> {
            editing.set(null);
            newForm = false;
            notifier.info("Rule deleted", r.ruleName());
            changes.changed();
        }, e -> notifier.error("Rule not deleted", ErrorMessages.describe(e)));
    }

    /** Asks for a file and writes every rule to it as JSON. */
    public void exportRules() {
        dialogs.chooseFileToSave("Export sizing rules", "sizing-rules.json", "JSON files", "*.json")
                .ifPresent(this::exportRules);
    }

    public void exportRules(Path file) {
        runner.submit("Exporting sizing rules", p -> {
            List<SizingRule> all = service.list();
            service.exportTo(file, all);
            return all.size();
        }, n -> notifier.info("Rules exported", n + " rules written to " + file),
                e -> notifier.error("Rules not exported", ErrorMessages.describe(e)));
    }

    /** Asks for a JSON file of rules and imports it, all or nothing. */
    public void importRules() {
        dialogs.chooseFileToOpen("Import sizing rules", "JSON files", "*.json").ifPresent(this::importRules);
    }

    public void importRules(Path file) {
        runner.submit("Importing sizing rules", p -> service.importFrom(file), imported -> {
            notifier.info("Rules imported", imported.size() + " rules from " + file.getFileName() + ": "
                    + imported.stream().map(SizingRule::ruleName).collect(Collectors.joining(", ")));
            changes.changed();
        }, e -> {
            if (e instanceof ValidationException v) {
                List<String> shown = v.errors().stream().limit(4).map(FieldError::toString).toList();
                notifier.error("Nothing imported", file.getFileName() + " has " + v.errors().size() + " problem(s), so "
                        + "no rule was imported: " + String.join("; ", shown) + (v.errors().size() > shown.size()
                        ? "; …" : "") + ". Fix the file and import it again.");
            } else {
                notifier.error("Nothing imported", ErrorMessages.describe(e));
            }
        });
    }

    // ---- helpers -----------------------------------------------------------------------------

    private boolean discardChanges() {
        if (!editor.dirtyProperty().get()) {
            return true;
        }
        String name = editor.loaded().ruleName();
        return dialogs.confirm("Discard changes", "Discard your changes to "
                + (name.isBlank() ? "the new rule" : "\"" + name + "\"") + "?", "Discard changes");
    }

    private void load(SizingRule rule) {
        newForm = rule.ruleId() == null;
        editing.set(newForm ? null : rule);
        editor.load(rule);
    }

    private static SizingRule template() {
        return new SizingRule(null, "", null, true, RuleForm.DEFAULT_PRIORITY, new SizingParameters(
                SizingMethod.FIXED_PERCENTAGE, RiskModel.HISTORICAL_VAR, 0.95, 252, 0.10, null, null, 0.02, null, null,
                null, null, null, 1, null, null, null), null);
    }

    /** Reloads the list after a refused save, so that the form is checked against the rules as stored. */
    private void reloadList() {
        runner.submit("Loading sizing rules", p -> service.list(), list -> {
            rules.setAll(list);
            editor.revalidate();
        }, e -> notifier.error("Could not read the sizing rules", ErrorMessages.describe(e)));
    }
}
