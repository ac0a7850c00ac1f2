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

/** {@code screenshot}: renders one view headless to a PNG (1400x900 unless {@code --size} says otherwise). */
@Command(name = "screenshot", mixinStandardHelpOptions = true,
        description = "Renders a view of the workstation to a PNG without a display "
                + "(on the demo workspace when the database is new).")
final class ScreenshotCommand implements Callable<Integer> {

    @Mixin
    DbOption db;

    @Option(names = "--view", required = true, paramLabel = "NAME", description = "The page: portfolio, kelly, data, size, rules, activity, build, backtest (any page of the sidebar)")
    String view;

    @Option(names = "--out", required = true, paramLabel = "FILE.png", description = "PNG file to write")
    Path out;

    @Option(names = "--theme", paramLabel = "light|dark", description = "Theme (default: the remembered one)")
    String theme;

    @Option(names = "--size", paramLabel = "WIDTHxHEIGHT", defaultValue = "1400x900",
            description = "Window size in pixels, from 1000x640 to 3840x2160 (default: ${DEFAULT-VALUE})")
    String size;

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
        int[] wh = size(size);
        Screenshot.render(config, page, out, wh[0], wh[1]);
        spec.commandLine().getOut().println("{\"view\": \"" + page.name().toLowerCase() + "\", \"file\": \""
                + out.toAbsolutePath().toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
        return 0;
    }

    /** {@code --size} as width and height, within the window's minimum and a 4K screen. */
    static int[] size(String text) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{3,4})x(\\d{3,4})").matcher(text.strip());
        if (!m.matches()) {
            throw new InvalidInputException("--size: expected WIDTHxHEIGHT such as 1920x1080, got '" + text + "'");
        }
        int w = Integer.parseInt(m.group(1));
        int h = Integer.parseInt(m.group(2));
        if (w < 1000 || h < 640 || w > 3840 || h > 2160) {
            throw new InvalidInputException("--size: must be from 1000x640 to 3840x2160, got " + w + "x" + h);
        }
        return new int[] {w, h};
    }
}
