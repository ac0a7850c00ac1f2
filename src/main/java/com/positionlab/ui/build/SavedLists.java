package com.positionlab.ui.build;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

import com.positionlab.service.build.UniverseLists;
import com.positionlab.ui.common.ErrorMessages;
import com.positionlab.ui.task.LatestRun;
import com.positionlab.ui.task.TaskRunner;

/**
 * The trader's saved universes in the Build view: pick one (its instruments still in the workspace), save the
 * picked instruments under a name (replacing a list of that name), or delete one. Writes run in the
 * background; a bad name shows beside the name field ({@code list_name}) with the text kept.
 */
public final class SavedLists {

    private final UniverseLists lists;
    private final LatestRun writes;
    private final Universe universe;
    private final ObservableMap<String, String> errors;
    private final Consumer<String> status;
    private final ObservableList<String> names = FXCollections.observableArrayList();
    private final Map<String, List<String>> members = new LinkedHashMap<>();
    private final StringProperty name = new SimpleStringProperty("");

    SavedLists(UniverseLists lists, TaskRunner runner, Universe universe, ObservableMap<String, String> errors,
               Consumer<String> status) {
        this.lists = lists;
        this.writes = new LatestRun(runner, Duration.ZERO, LatestRun.WhileRunning.WAIT);
        this.universe = universe;
        this.errors = errors;
        this.status = status;
        name.addListener((o, a, b) -> errors.remove("list_name"));
    }

    /** The saved lists' names, sorted. */
    public ObservableList<String> names() {
        return names;
    }

    /** The name to save the picked instruments under. */
    public StringProperty nameProperty() {
        return name;
    }

    /** The members of a saved list, as last loaded (empty when there is none of that name). */
    public List<String> members(String list) {
        return members.getOrDefault(list, List.of());
    }

    /** Shows the lists as stored. */
    void loaded(Map<String, List<String>> all) {
        members.clear();
        members.putAll(all);
        names.setAll(all.keySet().stream().sorted(String.CASE_INSENSITIVE_ORDER).toList());
    }

    /** Picks exactly the instruments of the list, and puts its name in the name field to save over it. */
    public void pick(String list) {
        List<String> ids = members.get(list);
        if (ids == null) {
            return;
        }
        universe.pickIds(ids);
        name.set(list);
        status.accept("Picked the list " + list + ": " + universe.selectedIds().size() + " instruments.");
    }

    /** Saves the picked instruments under the typed name. */
    public void save() {
        String typed = name.get();
        List<String> ids = universe.selectedIds();
        writes.runNow("Saving the list", p -> {
            String kept = lists.save(typed, ids);
            return Map.entry(kept, lists.all());
        }, saved -> {
            loaded(saved.getValue());
            status.accept("Saved the list " + saved.getKey() + ": " + ids.size() + " instruments.");
        }, this::failed, () -> { });
    }

    /** Deletes a saved list. */
    public void delete(String list) {
        writes.runNow("Deleting the list", p -> {
            lists.delete(list);
            return lists.all();
        }, all -> {
            loaded(all);
            status.accept("Deleted the list " + list + ".");
        }, this::failed, () -> { });
    }

    private void failed(Throwable e) {
        String message = ErrorMessages.describe(e);
        int colon = message.indexOf(": ");
        String field = colon > 0 ? message.substring(0, colon) : "";
        errors.put("list_name", field.equals("list_name") || field.equals("universe")
                ? message.substring(colon + 2) : message);
    }
}
