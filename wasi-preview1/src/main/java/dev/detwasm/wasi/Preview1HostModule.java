package dev.detwasm.wasi;

import static dev.detwasm.wasi.Param.flags;
import static dev.detwasm.wasi.Param.flags64;
import static dev.detwasm.wasi.Param.i32;
import static dev.detwasm.wasi.Param.i64;
import static dev.detwasm.wasi.Param.iovecs;
import static dev.detwasm.wasi.Param.out32;
import static dev.detwasm.wasi.Param.out64;
import static dev.detwasm.wasi.Param.ptr;
import static dev.detwasm.wasi.Param.subscriptions;
import static dev.detwasm.wasi.Param.text;

import com.dylibso.chicory.runtime.HostFunction;
import dev.detwasm.host.Mount;
import dev.detwasm.host.RunConfig;
import dev.detwasm.host.spi.HostModule;
import dev.detwasm.host.spi.RunContext;
import jakarta.inject.Inject;
import java.util.List;

/**
 * The {@code wasi_snapshot_preview1} import module: all 46 functions, deterministic. Each run
 * gets fresh state: stdin, stdout and stderr as fds 0-2, the mounts preopened as fds 3, 4, ...
 * in order over an in-memory tree of the host directories ({@link FileTrees}), the virtual
 * clocks, and an entropy stream seeded from the run's seed; fds 1 and 2 write where the bound
 * {@link StdioOutput} says.
 *
 * <p>What each concern decides in edge cases is written on its class: {@link FdOperations},
 * {@link Readdir}, {@link PathOperations} and {@link PathWalk}, {@link Poll}, {@link Clocks},
 * {@link RandomGet}, {@link ProcessControl}, {@link Sockets}.
 */
public final class Preview1HostModule implements HostModule {
    public static final String MODULE = "wasi_snapshot_preview1";

    /** The 46 functions, described once; each run binds them to its {@link State}. */
    private static final WasiFunctionSpecs<State> FUNCTIONS =
            new WasiFunctionSpecs<State>(MODULE)
                .errno("args_get", (s, m, a) -> s.args.get(m, (int) a[0], (int) a[1]),
                        ptr("argv"), ptr("argv_buf"))
                .errno("args_sizes_get", (s, m, a) -> s.args.sizesGet(m, (int) a[0], (int) a[1]),
                        ptr("argc"), ptr("argv_buf_size"))
                .errno("environ_get", (s, m, a) -> s.environ.get(m, (int) a[0], (int) a[1]),
                        ptr("environ"), ptr("environ_buf"))
                .errno("environ_sizes_get",
                        (s, m, a) -> s.environ.sizesGet(m, (int) a[0], (int) a[1]),
                        ptr("environc"), ptr("environ_buf_size"))
                .errno("clock_res_get", (s, m, a) -> s.time.resGet(m, (int) a[0], (int) a[1]),
                        i32("id"), out64("resolution"))
                .errno("clock_time_get", (s, m, a) -> s.time.timeGet(m, (int) a[0], (int) a[2]),
                        i32("id"), i64("precision"), out64("time"))
                .errno("fd_advise", (s, m, a) -> s.fd.advise((int) a[0], a[1], a[2], (int) a[3]),
                        i32("fd"), i64("offset"), i64("len"), i32("advice"))
                .errno("fd_allocate", (s, m, a) -> s.fd.allocate((int) a[0], a[1], a[2]),
                        i32("fd"), i64("offset"), i64("len"))
                .errno("fd_close", (s, m, a) -> s.fd.close((int) a[0]), i32("fd"))
                .errno("fd_datasync", (s, m, a) -> s.fd.sync((int) a[0], Rights.FD_DATASYNC),
                        i32("fd"))
                .errno("fd_fdstat_get", (s, m, a) -> s.fd.fdstatGet(m, (int) a[0], (int) a[1]),
                        i32("fd"), ptr("stat"))
                .errno("fd_fdstat_set_flags",
                        (s, m, a) -> s.fd.fdstatSetFlags((int) a[0], (int) a[1]),
                        i32("fd"), flags("flags"))
                .errno("fd_fdstat_set_rights",
                        (s, m, a) -> s.fd.fdstatSetRights((int) a[0], a[1], a[2]),
                        i32("fd"), flags64("fs_rights_base"), flags64("fs_rights_inheriting"))
                .errno("fd_filestat_get", (s, m, a) -> s.fd.filestatGet(m, (int) a[0], (int) a[1]),
                        i32("fd"), ptr("buf"))
                .errno("fd_filestat_set_size", (s, m, a) -> s.fd.filestatSetSize((int) a[0], a[1]),
                        i32("fd"), i64("size"))
                .errno("fd_filestat_set_times",
                        (s, m, a) -> s.fd.filestatSetTimes((int) a[0], a[1], a[2], (int) a[3]),
                        i32("fd"), i64("atim"), i64("mtim"), flags("fst_flags"))
                .errno("fd_pread",
                        (s, m, a) -> s.fd.pread(m, (int) a[0], (int) a[1], (int) a[2], a[3],
                                (int) a[4]),
                        i32("fd"), ptr("iovs"), i32("iovs_len"), i64("offset"), out32("nread"))
                .errno("fd_prestat_get", (s, m, a) -> s.fd.prestatGet(m, (int) a[0], (int) a[1]),
                        i32("fd"), ptr("buf"))
                .errno("fd_prestat_dir_name",
                        (s, m, a) -> s.fd.prestatDirName(m, (int) a[0], (int) a[1], (int) a[2]),
                        i32("fd"), ptr("path"), i32("path_len"))
                .errno("fd_pwrite",
                        (s, m, a) -> s.fd.pwrite(m, (int) a[0], (int) a[1], (int) a[2], a[3],
                                (int) a[4]),
                        i32("fd"), iovecs("iovs"), i32("iovs_len"), i64("offset"),
                        out32("nwritten"))
                .errno("fd_read",
                        (s, m, a) -> s.fd.read(m, (int) a[0], (int) a[1], (int) a[2], (int) a[3]),
                        i32("fd"), ptr("iovs"), i32("iovs_len"), out32("nread"))
                .errno("fd_readdir",
                        (s, m, a) -> s.readdir.readdir(m, (int) a[0], (int) a[1], (int) a[2], a[3],
                                (int) a[4]),
                        i32("fd"), ptr("buf"), i32("buf_len"), i64("cookie"), ptr("bufused"))
                .errno("fd_renumber", (s, m, a) -> s.fd.renumber((int) a[0], (int) a[1]),
                        i32("fd"), i32("to"))
                .errno("fd_seek",
                        (s, m, a) -> s.fd.seek(m, (int) a[0], a[1], (int) a[2], (int) a[3]),
                        i32("fd"), i64("offset"), i32("whence"), out64("newoffset"))
                .errno("fd_sync", (s, m, a) -> s.fd.sync((int) a[0], Rights.FD_SYNC), i32("fd"))
                .errno("fd_tell", (s, m, a) -> s.fd.tell(m, (int) a[0], (int) a[1]),
                        i32("fd"), out64("offset"))
                .errno("fd_write",
                        (s, m, a) -> s.fd.write(m, (int) a[0], (int) a[1], (int) a[2], (int) a[3]),
                        i32("fd"), iovecs("iovs"), i32("iovs_len"), out32("nwritten"))
                .errno("path_create_directory",
                        (s, m, a) -> s.path.createDirectory(m, (int) a[0], (int) a[1], (int) a[2]),
                        i32("fd"), text("path"), i32("path_len"))
                .errno("path_filestat_get",
                        (s, m, a) -> s.path.filestatGet(m, (int) a[0], (int) a[1], (int) a[2],
                                (int) a[3], (int) a[4]),
                        i32("fd"), flags("flags"), text("path"), i32("path_len"), ptr("buf"))
                .errno("path_filestat_set_times",
                        (s, m, a) -> s.path.filestatSetTimes(m, (int) a[0], (int) a[1], (int) a[2],
                                (int) a[3], a[4], a[5], (int) a[6]),
                        i32("fd"), flags("flags"), text("path"), i32("path_len"), i64("atim"),
                        i64("mtim"), flags("fst_flags"))
                .errno("path_link",
                        (s, m, a) -> s.path.link(m, (int) a[0], (int) a[1], (int) a[2], (int) a[3],
                                (int) a[4], (int) a[5], (int) a[6]),
                        i32("old_fd"), flags("old_flags"), text("old_path"),
                        i32("old_path_len"), i32("new_fd"), text("new_path"),
                        i32("new_path_len"))
                .errno("path_open",
                        (s, m, a) -> s.path.open(m, (int) a[0], (int) a[1], (int) a[2], (int) a[3],
                                (int) a[4], a[5], a[6], (int) a[7], (int) a[8]),
                        i32("fd"), flags("dirflags"), text("path"), i32("path_len"),
                        flags("oflags"), flags64("fs_rights_base"),
                        flags64("fs_rights_inheriting"), flags("fdflags"), out32("opened_fd"))
                .errno("path_readlink",
                        (s, m, a) -> s.path.readlink(m, (int) a[0], (int) a[1], (int) a[2],
                                (int) a[3], (int) a[4], (int) a[5]),
                        i32("fd"), text("path"), i32("path_len"), ptr("buf"), i32("buf_len"),
                        ptr("bufused"))
                .errno("path_remove_directory",
                        (s, m, a) -> s.path.removeDirectory(m, (int) a[0], (int) a[1], (int) a[2]),
                        i32("fd"), text("path"), i32("path_len"))
                .errno("path_rename",
                        (s, m, a) -> s.path.rename(m, (int) a[0], (int) a[1], (int) a[2],
                                (int) a[3], (int) a[4], (int) a[5]),
                        i32("fd"), text("old_path"), i32("old_path_len"), i32("new_fd"),
                        text("new_path"), i32("new_path_len"))
                .errno("path_symlink",
                        (s, m, a) -> s.path.symlink(m, (int) a[0], (int) a[1], (int) a[2],
                                (int) a[3], (int) a[4]),
                        text("old_path"), i32("old_path_len"), i32("fd"), text("new_path"),
                        i32("new_path_len"))
                .errno("path_unlink_file",
                        (s, m, a) -> s.path.unlinkFile(m, (int) a[0], (int) a[1], (int) a[2]),
                        i32("fd"), text("path"), i32("path_len"))
                .errno("poll_oneoff",
                        (s, m, a) -> s.poll.pollOneoff(m, (int) a[0], (int) a[1], (int) a[2],
                                (int) a[3]),
                        subscriptions("in"), ptr("out"), i32("nsubscriptions"), out32("nevents"))
                .none("proc_exit", (s, m, a) -> s.process.exit((int) a[0]), i32("rval"))
                .errno("proc_raise", (s, m, a) -> s.process.raise((int) a[0]), i32("sig"))
                .errno("random_get", (s, m, a) -> s.random.get(m, (int) a[0], (int) a[1]),
                        ptr("buf"), i32("buf_len"))
                .errno("sched_yield", (s, m, a) -> s.process.yield())
                .errno("sock_accept", (s, m, a) -> s.sockets.notASocket((int) a[0]),
                        i32("fd"), flags("flags"), ptr("result_fd"))
                .errno("sock_recv", (s, m, a) -> s.sockets.notASocket((int) a[0]),
                        i32("fd"), ptr("ri_data"), i32("ri_data_len"), flags("ri_flags"),
                        ptr("ro_datalen"), ptr("ro_flags"))
                .errno("sock_send", (s, m, a) -> s.sockets.notASocket((int) a[0]),
                        i32("fd"), ptr("si_data"), i32("si_data_len"), flags("si_flags"),
                        ptr("so_datalen"))
                .errno("sock_shutdown", (s, m, a) -> s.sockets.notASocket((int) a[0]),
                        i32("fd"), flags("how"));


    private final VirtualClocks clocks;
    private final Entropy entropy;
    private final MountLoader mounts;
    private final GuestArguments arguments;
    private final StdinSource stdin;
    private final StdioOutput stdio;
    private final FileTrees trees;

    @Inject
    public Preview1HostModule(
            VirtualClocks clocks,
            Entropy entropy,
            MountLoader mounts,
            GuestArguments arguments,
            StdinSource stdin,
            StdioOutput stdio,
            FileTrees trees) {
        this.clocks = clocks;
        this.entropy = entropy;
        this.mounts = mounts;
        this.arguments = arguments;
        this.stdin = stdin;
        this.stdio = stdio;
        this.trees = trees;
    }

    @Override
    public String name() {
        return MODULE;
    }

    @Override
    public List<HostFunction> functions(RunContext run) {
        RunConfig config = run.config();
        List<MountImage> images = config.mounts().stream().map(mounts::load).toList();
        FileTree fs = trees.open(images, run);
        FdTable fds = new FdTable();
        fds.add(new StdinDescriptor(stdin.stdin(run)));
        fds.add(new OutputDescriptor(stdio.sink(run, StdioOutput.STDOUT)));
        fds.add(new OutputDescriptor(stdio.sink(run, StdioOutput.STDERR)));
        for (int i = 0; i < images.size(); i++) {
            Mount mount = config.mounts().get(i);
            fds.add(new OpenDirectory(fs.roots().get(i), Rights.DIRECTORY,
                    Rights.DIRECTORY | Rights.FILE, mount.guestPath()));
        }
        State state = new State(
                new CStringList(arguments.argv(config)),
                new CStringList(arguments.environ(config)),
                new Clocks(clocks, run.threads()),
                new RandomGet(entropy.open(config.seed())),
                new FdOperations(fds, fs),
                new Readdir(fds),
                new PathOperations(fds, fs),
                new Poll(fds, clocks, run.threads()),
                new ProcessControl(run.threads()),
                new Sockets(fds));
        return FUNCTIONS.bind(state, run);
    }

    /** What a run's functions share: its file descriptors, clocks, entropy and arguments. */
    private record State(
            CStringList args,
            CStringList environ,
            Clocks time,
            RandomGet random,
            FdOperations fd,
            Readdir readdir,
            PathOperations path,
            Poll poll,
            ProcessControl process,
            Sockets sockets) {}
}
