package dev.detwasm.wasi;

/**
 * The WASI snapshot-preview1 {@code errno} values this host returns, and the names of all of
 * them (for {@code --trace-wasi}).
 */
public final class Errno {
    public static final int SUCCESS = 0;
    public static final int EBADF = 8;
    public static final int EBUSY = 10;
    public static final int EEXIST = 20;
    public static final int EFAULT = 21;
    public static final int EFBIG = 22;
    public static final int EILSEQ = 25;
    public static final int EINVAL = 28;
    public static final int EISDIR = 31;
    public static final int ELOOP = 32;
    public static final int EMFILE = 33;
    public static final int ENAMETOOLONG = 37;
    public static final int ENOENT = 44;
    public static final int ENOSPC = 51;
    public static final int ENOSYS = 52;
    public static final int ENOTDIR = 54;
    public static final int ENOTEMPTY = 55;
    public static final int ENOTSOCK = 57;
    public static final int EPERM = 63;
    public static final int ESPIPE = 70;
    public static final int ENOTCAPABLE = 76;

    private static final String[] NAMES = {
        "success", "2big", "acces", "addrinuse", "addrnotavail", "afnosupport", "again",
        "already", "badf", "badmsg", "busy", "canceled", "child", "connaborted", "connrefused",
        "connreset", "deadlk", "destaddrreq", "dom", "dquot", "exist", "fault", "fbig",
        "hostunreach", "idrm", "ilseq", "inprogress", "intr", "inval", "io", "isconn", "isdir",
        "loop", "mfile", "mlink", "msgsize", "multihop", "nametoolong", "netdown", "netreset",
        "netunreach", "nfile", "nobufs", "nodev", "noent", "noexec", "nolck", "nolink", "nomem",
        "nomsg", "noprotoopt", "nospc", "nosys", "notconn", "notdir", "notempty",
        "notrecoverable", "notsock", "notsup", "notty", "nxio", "overflow", "ownerdead", "perm",
        "pipe", "proto", "protonosupport", "prototype", "range", "rofs", "spipe", "srch",
        "stale", "timedout", "txtbsy", "xdev", "notcapable"
    };

    private Errno() {}

    /** The spec's name of {@code errno} without its {@code E}, e.g. {@code "badf"}. */
    public static String name(int errno) {
        return errno >= 0 && errno < NAMES.length ? NAMES[errno] : "errno " + errno;
    }
}
