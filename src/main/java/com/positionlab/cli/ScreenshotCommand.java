package com.positionlab.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import com.positionlab.ui.AppConfig;
import com.positionlab.ui.Screenshot;
import com.positionlab.ui.shell.Page;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code screenshot}: renders one view headless to a 1400x900 PNG. */
@Command(name = "screenshot", mixinStandardHelpOptions = true,
        description = "Renders a view of the workstation to a 1400x900 PNG without a display "
                + "(on the demo workspace when the database is new).")
final class ScreenshotCommand implements Callable<Integer> {

    @Mixin
    DbOption db;

    @Option(names = "--view", required = true, paramLabel = "NAME", description = "The page: portfolio, kelly, data, size, rules, activity (any page of the sidebar)")
    String view;

    @Option(names = "--out", required = true, paramLabel = "FILE.png", description = "PNG file to write")
    Path out;

    @Option(names = "--theme", paramLabel = "light|dark", description = "Theme (default: the remembered one)")
    String theme;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Page page;
        try {
            page = Page.byName(view);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("--view: " + e.getMessage());
        }
        List<String> args = new ArrayList<>(List.of("--db", db.resolvedUrl()));
        if (theme != null) {
            args.addAll(List.of("--theme", theme));
        }
        AppConfig config;
        try {
            config = AppConfig.parse(args);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage());
        }
        Screenshot.render(config, page, out);
        spec.commandLine().getOut().println("{\"view\": \"" + page.name().toLowerCase() + "\", \"file\": \""
                + out.toAbsolutePath().toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
        return 0;
    }
}
