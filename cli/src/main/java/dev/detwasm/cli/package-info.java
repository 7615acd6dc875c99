/**
 * The {@code detwasm} command line: one picocli class per subcommand, the seed's flat form,
 * and the Guice injector that wires every module together.
 */
package dev.detwasm.cli;
