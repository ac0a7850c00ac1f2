package com.positionlab.cli;

import com.positionlab.config.DataPaths;
import com.positionlab.store.Database;
import com.positionlab.store.Store;
import com.positionlab.config.ConfigException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The {@code --db} option shared by every command that reads or writes the store. */
final class DbOption {

    @Option(names = "--db", paramLabel = "JDBC_URL",
            description = "H2 JDBC URL of the workspace (default: $POSITIONLAB_DB, else the H2 file in "
                    + "$XDG_DATA_HOME/positionlab or ~/.local/share/positionlab).")
    String url;

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    String resolvedUrl() {
        try {
            return DataPaths.fromEnvironment().resolveJdbcUrl(url, System.getenv());
        } catch (ConfigException e) {
            throw new InvalidInputException(e.getMessage());
        }
    }

    /**
     * Opens the store, runs {@code work} on it and closes it. When the open restored a damaged file from a
     * backup, the one-line notice goes to standard error first.
     */
    <T> T withStore(StoreWork<T> work) throws Exception {
        try (Database db = open(resolvedUrl())) {
            return work.run(new Store(db));
        }
    }

    /** Opens {@code jdbcUrl}, printing the restore notice (if any) to the command's standard error. */
    Database open(String jdbcUrl) {
        Database db = Database.open(jdbcUrl);
        db.restoreNotice().ifPresent(this::warn);
        return db;
    }

    private void warn(String line) {
        if (mixee != null) {
            mixee.commandLine().getErr().println("warning: " + line);
            mixee.commandLine().getErr().flush();
        }
    }

    @FunctionalInterface
    interface StoreWork<T> {
        T run(Store store) throws Exception;
    }
}
