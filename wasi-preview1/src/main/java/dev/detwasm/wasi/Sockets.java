package dev.detwasm.wasi;

/**
 * {@code sock_*}. There is no network and the guest can open no sockets, so no descriptor is
 * ever a socket: an open descriptor is {@code ENOTSOCK}, any other number {@code EBADF}. The
 * guest's pointers are never touched.
 */
final class Sockets {
    private final FdTable fds;

    Sockets(FdTable fds) {
        this.fds = fds;
    }

    int notASocket(int fd) {
        fds.get(fd);
        return Errno.ENOTSOCK;
    }
}
