/** The decision sources of a plain run: the fifo and random policies, and trace replay. */
package dev.detwasm.host.decide;
