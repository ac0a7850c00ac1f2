package com.positionlab.testing;

import java.util.UUID;

import com.positionlab.store.Database;

/** Fresh databases for tests. */
public final class TestStores {

    private TestStores() {
    }

    /** A new, empty, migrated in-memory database of its own. */
    public static Database memory() {
        return Database.open("jdbc:h2:mem:test-" + UUID.randomUUID());
    }
}
