package com.positionlab.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level command: lists the subcommands. Without arguments the launcher opens the workstation. */
@Command(name = "positionlab", mixinStandardHelpOptions = true, version = "PositionLab 0.1",
        description = "Quantitative position sizing workstation. Without a command, opens the workstation.",
        footer = {"", "The workstation (no command):",
                "  positionlab [--db URL] [--theme light|dark]",
                "      --db URL              the workspace, a JDBC URL such as jdbc:h2:file:/path/ws",
                "                              (default: the workspace in the data folder)",
                "      --theme light|dark    the theme (default: the one last used)"},
        subcommands = {DemoCommand.class, PortfolioCommand.class, ImportCommand.class, KellyCommand.class, SimulateCommand.class, EdgeCommand.class,
                ScreenshotCommand.class, SizeCommand.class, EventsCommand.class, RiskCommand.class, ReportCommand.class,
                ServeCommand.class, OptimizeCommand.class, FrontierCommand.class, AllocateCommand.class,
                BacktestCommand.class, AttributionCommand.class})
public final class PositionLabCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
