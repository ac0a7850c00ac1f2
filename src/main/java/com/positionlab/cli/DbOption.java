package com.positionlab.cli;

import com.positionlab.config.DataPaths;
import com.positionlab.service.Services;
import com.positionlab.service.imports.ImportService;
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
     * Opens the workspace's services, runs {@code work} on them and closes them. When the open restored a
     * damaged file from a backup, the one-line notice goes to standard error first. Imports back up when the
     * workspace closes, right after the command.
     */
    <T> T withServices(ServicesWork<T> work) throws Exception {
        try (Services services = open(resolvedUrl(), ImportService.Backup.ON_CLOSE)) {
            return work.run(services);
        }
    }

    /** Opens {@code jdbcUrl}, printing the restore notice (if any) to the command's standard error. */
    Services open(String jdbcUrl, ImportService.Backup importBackup) {
        Services services = Services.openExisting(jdbcUrl, importBackup);
        services.restoreNotice().ifPresent(this::warn);
        return services;
    }

    private void warn(String line) {
        if (mixee != null) {
            mixee.commandLine().getErr().println("warning: " + line);
            mixee.commandLine().getErr().flush();
        }
    }

    @FunctionalInterface
    interface ServicesWork<T> {
        T run(Services services) throws Exception;
    }
}
