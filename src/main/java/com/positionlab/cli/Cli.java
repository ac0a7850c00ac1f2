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
            err.println("error: " + bounded(ex.getMessage()) + " (see '" + ex.getCommandLine().getCommandName()
                    + " --help')");
            err.flush();
            return INVALID_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            LOG.debug("command failed", ex);
            if (ex instanceof InvalidInputException) {
                err.println("error: " + bounded(ex.getMessage()));
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
        return bounded(nl < 0 ? msg : msg.substring(0, nl));
    }

    /** Longest quoted value echoed in an error line; longer ones end in "...". */
    static final int MAX_ECHOED_VALUE = 60;
    /** Longest error line printed; the rest is cut with "...". */
    static final int MAX_ERROR_LINE = 400;

    /**
     * An error message as one bounded line: every value picocli or a command quoted ({@code 'like this'}) is
     * cut to {@value #MAX_ECHOED_VALUE} characters, control characters are escaped, and the whole is cut to
     * {@value #MAX_ERROR_LINE}: a command line of megabytes never comes back as megabytes.
     */
    static String bounded(String message) {
        if (message == null) {
            return "";
        }
        boolean truncated = message.length() > 4 * MAX_ERROR_LINE;
        // A value cut off here gets its closing quote back, so that it is shortened like the others.
        String head = truncated ? message.substring(0, 4 * MAX_ERROR_LINE) + "'" : message;
        String cut = head.replaceAll("'([^']{" + MAX_ECHOED_VALUE + "})[^']+'", "'$1...'");
        StringBuilder sb = new StringBuilder(Math.min(cut.length(), MAX_ERROR_LINE) + 8);
        for (int i = 0; i < cut.length() && sb.length() < MAX_ERROR_LINE; i++) {
            char ch = cut.charAt(i);
            if (ch == '\n') {
                sb.append("\\n");
            } else if (ch == '\r') {
                sb.append("\\r");
            } else if (ch == '\t') {
                sb.append("\\t");
            } else if (Character.isISOControl(ch)) {
                sb.append(String.format("\\u%04x", (int) ch));
            } else {
                sb.append(ch);
            }
        }
        if (sb.length() >= MAX_ERROR_LINE && (cut.length() > MAX_ERROR_LINE || truncated)) {
            sb.setLength(MAX_ERROR_LINE);
            sb.append("...");
        }
        return sb.toString();
    }
}
