package dev.detwasm.wasi;

/**
 * An immutable file system node read from a mount: the content a run's overlay starts from.
 * Images are shared by every run of a process; runs copy what they change.
 */
public sealed interface ImageNode permits ImageFile, ImageDirectory, ImageSymlink {}
