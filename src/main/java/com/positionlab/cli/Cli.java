package com.positionlab.cli;

import java.io.PrintWriter;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * Entry point of the headless commands. Bad input gives one line on standard error and exit code 2;
 * a failure while running gives one line and exit code 1; never a stack trace (it goes to the log).
 */
public final class Cli {

    /** Exit code for invalid input (bad option, unreadable or invalid request). */
    public static final int INVALID_INPUT = 2;
    /** Exit code for a failure while running. */
    public static final int FAILED = 1;

    private static final Logger LOG = LoggerFactory.getLogger(Cli.class);

    private Cli() {
    }

    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new PositionLabCommand());
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler((ex, a) -> {
            err.println("error: " + ex.getMessage() + " (see '" + ex.getCommandLine().getCommandName()
                    + " --help')");
            err.flush();
            return INVALID_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            LOG.debug("command failed", ex);
            if (ex instanceof InvalidInputException) {
                err.println("error: " + ex.getMessage());
                err.flush();
                return INVALID_INPUT;
            }
            err.println("error: " + oneLine(ex));
            err.flush();
            return FAILED;
        });
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    static String oneLine(Throwable ex) {
        String msg = ex.getMessage();
        if (msg == null || msg.isBlank()) {
            msg = ex.getClass().getSimpleName();
        }
        int nl = msg.indexOf('\n');
        return nl < 0 ? msg : msg.substring(0, nl);
    }
}
