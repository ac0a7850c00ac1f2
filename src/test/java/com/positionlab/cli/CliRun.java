package com.positionlab.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs commands as the launcher does and keeps what the last one printed on standard output and error. */
final class CliRun {

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    /** Runs {@code args}; returns the exit code. */
    int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        return Cli.run(args, new PrintWriter(out), new PrintWriter(err));
    }
}
