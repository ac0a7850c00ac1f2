package com.positionlab.service.build;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.positionlab.domain.Instrument;
import com.positionlab.service.ValidationException;
import com.positionlab.service.optimize.WorkspacePrices;
import com.positionlab.store.Store;

/**
 * The trader's saved universes: named lists of the workspace's instruments, to pick again in the Build view.
 * A name is 1 to {@value #MAX_NAME} printable characters; a list holds 1 to {@value #MAX_MEMBERS} distinct
 * instruments of the workspace; at most {@value #MAX_LISTS} lists are kept. Saving under an existing name
 * replaces that list.
 */
public final class UniverseLists {

    static final int MAX_NAME = 60;
    static final int MAX_MEMBERS = 2_000;
    static final int MAX_LISTS = 200;

    private final Store store;

    public UniverseLists(Store store) {
        this.store = store;
    }

    /** Every saved list, by name, with its instruments that are still in the workspace, in their saved order. */
    public Map<String, List<String>> all() {
        Set<String> known = known();
        Map<String, List<String>> lists = store.universeLists().all();
        lists.replaceAll((name, ids) -> ids.stream().filter(known::contains).toList());
        return lists;
    }

    /** Saves {@code ids} as {@code name} (stripped), replacing a list of that name; returns the name kept. */
    public String save(String name, List<String> ids) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() || n.length() > MAX_NAME || n.codePoints().anyMatch(Character::isISOControl)) {
            throw new ValidationException("list_name", "must be 1 to " + MAX_NAME
                    + " characters, without control characters");
        }
        if (ids == null || ids.isEmpty() || ids.size() > MAX_MEMBERS) {
            throw new ValidationException("universe", "pick from 1 to " + MAX_MEMBERS + " instruments to save");
        }
        new WorkspacePrices(store).requireInstruments(ids);
        Map<String, List<String>> existing = store.universeLists().all();
        if (!existing.containsKey(n) && existing.size() >= MAX_LISTS) {
            throw new ValidationException("list_name", "at most " + MAX_LISTS + " lists are kept; delete one first");
        }
        store.universeLists().save(n, List.copyOf(ids));
        return n;
    }

    /** Deletes the list; returns whether there was one. */
    public boolean delete(String name) {
        return name != null && store.universeLists().delete(name.strip());
    }

    private Set<String> known() {
        Set<String> known = new HashSet<>();
        store.instruments().findAll().stream().map(Instrument::id).forEach(known::add);
        return known;
    }
}
