package com.positionlab.service.sizing;

import com.positionlab.io.AtomicFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.positionlab.engine.riskmodel.RiskModel;
import com.positionlab.engine.sizing.SizingMethod;
import com.positionlab.service.ValidationException;
import com.positionlab.service.ValidationException.FieldError;
import com.positionlab.service.sizing.PositionSizingRequest.RiskConstraints;
import com.positionlab.service.sizing.PositionSizingRequest.SizingParameters;
import com.positionlab.store.SizingRuleRepository.StoredRule;
import com.positionlab.store.Store;

/**
 * Creates, edits, validates, copies, enables, deletes, exports and imports the sizing rules of a workspace.
 * Every value is checked before it is stored ({@link #validate(SizingRule)} lists every problem, each named by
 * its contract path, e.g. {@code sizing_parameters.confidence_level: must be in (0, 1) ...}). Fractions are of
 * equity (0.02 = 2%), never percent. A rule's id is a short slug of its name ({@code quarter-kelly}), given
 * when it is first saved and kept when it is renamed.
 */
public final class RuleService {

    private static final Pattern COPY_SUFFIX = Pattern.compile("^(.*) \\(copy(?: (\\d+))?\\)$");
    private static final int MAX_ID_LENGTH = 64;

    private final Store store;

    public RuleService(Store store) {
        this.store = store;
    }

    /** Every rule, by ascending priority, then name. */
    public List<SizingRule> list() {
        return store.rules().list().stream().map(RuleService::toRule).toList();
    }

    public Optional<SizingRule> find(String ruleId) {
        return ruleId == null ? Optional.empty() : store.rules().find(ruleId).map(RuleService::toRule);
    }

    /** Every problem of {@code rule}, name uniqueness checked against the stored rules; empty when valid. */
    public List<FieldError> validate(SizingRule rule) {
        return validate(rule, list());
    }

    /**
     * Every problem of {@code rule}, name uniqueness checked against {@code others} (a rule with the same id
     * is the rule itself): for forms that validate as the user types, without reading the store.
     */
    public List<FieldError> validate(SizingRule rule, Collection<SizingRule> others) {
        return SizingRuleValidator.validate(rule, others);
    }

    /**
     * Validates and stores a rule: a new one (no id, or an id not stored yet) is inserted, an existing one
     * replaced. Returns it as stored, with its id.
     *
     * @throws ValidationException listing every field in error; nothing is stored then
     */
    public SizingRule save(SizingRule rule) {
        List<SizingRule> existing = list();
        throwIfAny(validate(rule, existing));
        SizingRule toStore = withId(normalised(rule), existing);
        store.rules().save(toRow(toStore));
        return find(toStore.ruleId()).orElseThrow();
    }

    /** Stores a copy of a rule under a new id, named "X (copy)", "X (copy 2)", ...; returns the copy. */
    public SizingRule duplicate(String ruleId) {
        SizingRule original = require(ruleId);
        List<SizingRule> existing = list();
        String name = copyName(original.ruleName(), existing);
        SizingRule copy = new SizingRule(null, name, original.description(), original.active(), original.priority(),
                original.parameters(), original.constraints());
        return save(withId(copy, existing));
    }

    /** Enables or disables a rule (disabled rules are not offered when sizing a trade). */
    public SizingRule setActive(String ruleId, boolean active) {
        require(ruleId);
        store.rules().setActive(ruleId, active);
        return require(ruleId);
    }

    public void delete(String ruleId) {
        require(ruleId);
        store.rules().delete(ruleId);
    }

    /** The rules as a JSON array (contract field names), for a file another workspace can import. */
    public String exportJson(List<SizingRule> rules) {
        return RuleDocuments.write(rules);
    }

    /** Writes {@link #exportJson} to {@code file} (through a temporary file moved into place). */
    public void exportTo(Path file, List<SizingRule> rules) {
        Path target = file.toAbsolutePath();
        try {
            AtomicFile.writeString(target, exportJson(rules));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + target + ": " + e.getMessage(), e);
        }
    }

    /**
     * Imports the rules of a JSON array, all or nothing: every rule is validated first (against the stored
     * rules and the others in the file) and an error names the rule's index, e.g. {@code [2].rule_name}.
     * A rule whose {@code rule_id} is stored replaces it; one without an id is added. Returns them as stored.
     */
    public List<SizingRule> importJson(String json) {
        List<SizingRule> imported = RuleDocuments.read(json);
        Map<String, SizingRule> world = new LinkedHashMap<>();
        list().forEach(r -> world.put(r.ruleId(), r));
        List<FieldError> errors = new ArrayList<>();
        Map<String, Integer> idsInFile = new HashMap<>();
        for (int i = 0; i < imported.size(); i++) {
            String id = imported.get(i).ruleId();
            if (id != null && !id.isBlank()) {
                Integer first = idsInFile.putIfAbsent(id, i);
                if (first != null) {
                    errors.add(new FieldError("[" + i + "].rule_id", ValidationException.quote(id)
                            + " is also the id of rule ["
                            + first + "]"));
                }
            }
        }
        List<SizingRule> ready = new ArrayList<>();
        for (SizingRule rule : imported) {
            SizingRule withId = withId(normalised(rule), new ArrayList<>(world.values()), idsInFile.keySet());
            world.put(withId.ruleId(), withId);
            ready.add(withId);
        }
        for (int i = 0; i < ready.size(); i++) {
            for (FieldError e : validate(ready.get(i), world.values())) {
                errors.add(new FieldError("[" + i + "]." + e.field(), e.reason()));
            }
        }
        throwIfAny(errors);
        store.rules().saveAll(ready.stream().map(RuleService::toRow).toList());
        return ready.stream().map(r -> find(r.ruleId()).orElseThrow()).toList();
    }

    /** Reads {@code file} and {@link #importJson imports} it. */
    public List<SizingRule> importFrom(Path file) {
        try {
            return importJson(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * When the workspace has no rule, stores the starter rules ({@link StarterRules}) and returns them;
     * otherwise stores nothing and returns an empty list.
     */
    public List<SizingRule> ensureDefaults() {
        if (store.rules().count() > 0) {
            return List.of();
        }
        List<SizingRule> starters = StarterRules.all();
        store.rules().saveAll(starters.stream().map(RuleService::toRow).toList());
        return list();
    }

    // ---- helpers --------------------------------------------------------------------------------

    private SizingRule require(String ruleId) {
        return find(ruleId).orElseThrow(() -> new ValidationException("rule_id", "no sizing rule "
                + ValidationException.quote(ruleId)));
    }

    private static void throwIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    /** The name and description stripped of surrounding blanks; a blank description is none. */
    private static SizingRule normalised(SizingRule r) {
        String description = r.description() == null || r.description().isBlank() ? null : r.description().strip();
        return new SizingRule(r.ruleId() == null || r.ruleId().isBlank() ? null : r.ruleId().strip(),
                r.ruleName() == null ? null : r.ruleName().strip(), description, r.active(), r.priority(),
                r.parameters(), r.constraints());
    }

    private static SizingRule withId(SizingRule r, Collection<SizingRule> existing) {
        return withId(r, existing, Set.of());
    }

    /** {@code r}, given a new id (a slug of its name, unique among {@code existing} and {@code reserved}) if it has none. */
    private static SizingRule withId(SizingRule r, Collection<SizingRule> existing, Set<String> reserved) {
        if (r.ruleId() != null) {
            return r;
        }
        Set<String> taken = new HashSet<>(reserved);
        existing.forEach(e -> taken.add(e.ruleId()));
        String base = slug(r.ruleName());
        String id = base;
        for (int n = 2; taken.contains(id); n++) {
            id = base + "-" + n;
        }
        return new SizingRule(id, r.ruleName(), r.description(), r.active(), r.priority(), r.parameters(),
                r.constraints());
    }

    /** {@code "2% fixed" -> "2-fixed"}: lower-case letters and digits joined by dashes, at most 48 characters. */
    static String slug(String name) {
        String s = (name == null ? "" : name).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        if (s.length() > MAX_ID_LENGTH - 16) {
            s = s.substring(0, MAX_ID_LENGTH - 16).replaceAll("-+$", "");
        }
        return s.isEmpty() ? "rule" : s;
    }

    /** "X (copy)", or "X (copy N)" with the smallest N from 2 not taken; "X (copy 3)" copies as "X (copy 4)". */
    static String copyName(String name, Collection<SizingRule> existing) {
        Matcher m = COPY_SUFFIX.matcher(name);
        String base = m.matches() ? m.group(1) : name;
        Set<String> taken = new HashSet<>();
        existing.forEach(r -> taken.add(r.ruleName().strip().toLowerCase(Locale.ROOT)));
        for (int n = 1; ; n++) {
            String suffix = n == 1 ? " (copy)" : " (copy " + n + ")";
            String trimmed = base.length() + suffix.length() > SizingRuleValidator.MAX_NAME_LENGTH
                    ? base.substring(0, SizingRuleValidator.MAX_NAME_LENGTH - suffix.length()).strip() : base;
            String candidate = trimmed + suffix;
            if (!taken.contains(candidate.toLowerCase(Locale.ROOT))) {
                return candidate;
            }
        }
    }

    // ---- rows -----------------------------------------------------------------------------------

    private static StoredRule toRow(SizingRule r) {
        SizingParameters p = r.parameters();
        RiskConstraints c = r.constraints();
        return new StoredRule(r.ruleId(), r.ruleName(), r.description(), p.sizingMethod().name(),
                p.riskModel() == null ? null : p.riskModel().name(), RuleDocuments.parametersJson(r),
                p.maxPositionSize(), p.minPositionSize(), c == null ? null : c.maxPortfolioRisk(),
                p.confidenceLevel(), p.lookbackPeriod(), r.active(), r.priority(), null);
    }

    /**
     * The rule of a row: its parameters and constraints from the JSON column, or, for a row written without
     * it, from the columns (a method this version does not know is left unset).
     */
    private static SizingRule toRule(StoredRule row) {
        if (row.parametersJson() != null && !row.parametersJson().isBlank()) {
            RuleDocuments.StoredParameters stored = RuleDocuments.readParameters(row.ruleId(), row.parametersJson());
            return new SizingRule(row.ruleId(), row.ruleName(), row.description(), row.active(), row.priority(),
                    stored.sizingParameters(), stored.riskConstraints());
        }
        SizingParameters p = new SizingParameters(known(SizingMethod.class, row.sizingMethod()),
                known(RiskModel.class, row.riskModel()), row.confidenceLevel(), row.lookbackPeriod(),
                row.maxPositionSize(), row.minPositionSize(), null, null, null, null, null, null, null, null, null,
                null, null);
        RiskConstraints c = row.maxPortfolioRisk() == null ? null
                : new RiskConstraints(row.maxPortfolioRisk(), null, null, null, null, null);
        return new SizingRule(row.ruleId(), row.ruleName(), row.description(), row.active(), row.priority(), p, c);
    }

    private static <E extends Enum<E>> E known(Class<E> type, String name) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(name)) {
                return e;
            }
        }
        return null;
    }
}
