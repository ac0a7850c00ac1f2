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
        return new RuleService(store)::find;
    }
}
