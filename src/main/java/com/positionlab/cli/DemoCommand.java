package com.positionlab.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import com.positionlab.engine.task.Progress;
import com.positionlab.service.Json;
import com.positionlab.service.workspace.WorkspaceService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code demo}: replaces the workspace with the deterministic demo workspace (or an empty one). */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Creates the demo workspace (30 instruments, 5 years of prices, 3 strategies, a portfolio), "
                + "replacing whatever the database held. Prints a JSON summary.")
final class DemoCommand implements Callable<Integer> {

    @Mixin
    DbOption db;

    @Option(names = "--empty", description = "Create an empty workspace instead of the demo.")
    boolean empty;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        return db.withServices(services -> {
            WorkspaceService workspace = services.workspace();
            if (empty) {
                workspace.createEmpty();
            } else {
                workspace.createDemo(Progress.NONE);
            }
            services.backup();
            WorkspaceService.Summary s = workspace.summary();
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("database", services.url());
            out.put("workspace", s.kind().name().toLowerCase());
            out.put("instruments", s.instruments());
            out.put("prices", s.prices());
            out.put("strategies", s.strategies());
            out.put("trades", s.trades());
            out.put("portfolios", s.portfolios());
            spec.commandLine().getOut().println(Json.mapper().writeValueAsString(out));
            return 0;
        });
    }
}
