package com.positionlab.cli;

import com.positionlab.io.AtomicFile;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import com.positionlab.service.sizing.PositionSizingService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code events [--db URL] [--out FILE]}: the workspace's position_sized events as JSON Lines. */
@Command(name = "events", mixinStandardHelpOptions = true,
        description = "Exports the workspace's position_sized events (the sizing outbox) as JSON Lines, oldest first.")
final class EventsCommand implements Callable<Integer> {

    @Mixin
    DbOption db;

    @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE instead of standard output.")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        int n = db.withServices(services -> {
            PositionSizingService service = services.sizing();
            if (out == null) {
                return service.exportEvents(spec.commandLine().getOut());
            }
            int[] count = new int[1];
            AtomicFile.writeText(out, w -> count[0] = service.exportEvents(w));
            return count[0];
        });
        if (out != null) {
            spec.commandLine().getErr().println(n + " events written to " + out);
        }
        return 0;
    }
}
