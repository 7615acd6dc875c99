/**
 * The service provider interface of detwasm. Other modules implement these types and Guice
 * wires them: {@link dev.detwasm.host.spi.HostModule} (imports, collected by a Multibinder),
 * {@link dev.detwasm.host.spi.GuestThreads} (the scheduler), {@link
 * dev.detwasm.host.spi.DecisionSource} (policy, replayed trace or explorer).
 */
package dev.detwasm.host.spi;
