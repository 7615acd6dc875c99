/**
 * Example plugins, one package each: {@code clock} (the guest's clocks start at a given
 * instant), {@code hostlog} (a host function {@code env.host_log}) and {@code strategy} (a
 * model-checking strategy, {@code rotate}). All three are listed for {@link
 * java.util.ServiceLoader}, so {@code detwasm run --plugin detwasm-examples.jar} loads them
 * all; {@code --plugin-module CLASS} picks one. docs/plugins.md walks through them.
 */
package dev.detwasm.examples;
