/** Reading a module from disk: binary or WAT text, parsed, validated, compiled once. */
package dev.detwasm.host.load;
