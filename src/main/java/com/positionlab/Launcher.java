package com.positionlab;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

import javafx.application.Application;

import com.positionlab.cli.Cli;
import com.positionlab.ui.AppConfig;
import com.positionlab.ui.PositionLabApp;

/**
 * Main class. Without arguments (or with only {@code --db} / {@code --theme}) opens the workstation;
 * otherwise runs a headless command ({@code positionlab --help} lists them). It does not extend
 * Application, so JavaFX starts from the class path.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        if (AppConfig.isWorkstationInvocation(args)) {
            try {
                AppConfig.parse(List.of(args));
            } catch (IllegalArgumentException e) {
                System.err.println("error: " + e.getMessage());
                System.exit(Cli.INVALID_INPUT);
            }
            AppConfig.quietJavaFxClasspathWarning();
            Application.launch(PositionLabApp.class, args);
            return;
        }
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        System.exit(Cli.run(args, out, err));
    }
}
