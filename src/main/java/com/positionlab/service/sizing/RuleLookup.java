package com.positionlab.service.sizing;

import java.util.Optional;
import java.util.function.Function;

import com.positionlab.store.Store;

/** How the sizing service finds a stored rule by id. */
public final class RuleLookup {

    private RuleLookup() {
    }

    /** Rules of the workspace's position_sizing_rules table. */
    public static Function<String, Optional<SizingRule>> of(Store store) {
        // Wired to the rule repository once it lands (issue 4, rules); until then no rule is found.
        return id -> Optional.empty();
    }
}
