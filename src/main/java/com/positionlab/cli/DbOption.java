package com.positionlab.cli;

import com.positionlab.store.DataPaths;
import com.positionlab.store.Database;
import com.positionlab.store.Store;
import picocli.CommandLine.Option;

/** The {@code --db} option shared by every command that reads or writes the store. */
final class DbOption {

    @Option(names = "--db", paramLabel = "JDBC_URL",
            description = "H2 JDBC URL of the workspace (default: $POSITIONLAB_DB, else the H2 file in "
                    + "$XDG_DATA_HOME/positionlab or ~/.local/share/positionlab).")
    String url;

    String resolvedUrl() {
        String resolved = DataPaths.fromEnvironment().resolveJdbcUrl(url, System.getenv());
        if (!resolved.startsWith("jdbc:h2:")) {
            throw new InvalidInputException("--db: \"" + resolved + "\" is not an H2 JDBC URL (expected jdbc:h2:...)");
        }
        return resolved;
    }

    /** Opens the store, runs {@code work} on it and closes it. */
    <T> T withStore(StoreWork<T> work) throws Exception {
        try (Database db = Database.open(resolvedUrl())) {
            return work.run(new Store(db));
        }
    }

    @FunctionalInterface
    interface StoreWork<T> {
        T run(Store store) throws Exception;
    }
}
