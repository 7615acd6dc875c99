package dev.detwasm.cli;

import java.io.InputStream;
import java.io.PrintStream;

/** The process's standard streams, injectable so that tests run the CLI in-process. */
public record CliStreams(InputStream in, PrintStream out, PrintStream err) {}
