package dev.detwasm.host;

import dev.detwasm.host.spi.DecisionKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Everything that determines one run besides the module itself. Two runs with equal
 * configurations produce byte-identical output, exit code and event log.
 *
 * @param engine how guest code executes
 * @param argv0 the program name the guest sees as {@code argv[0]}
 * @param args the guest's arguments after {@code argv[0]}
 * @param env the guest's environment, in the order given
 * @param mounts preopened directories, in the order given (fd 3, 4, ...)
 * @param stdin the bytes the guest reads from fd 0
 * @param seed seeds the guest's entropy and the random schedule policy
 * @param schedule the name of the schedule policy ({@link SchedulePolicy})
 * @param trace decisions to replay before the policy takes over; empty for none
 * @param traceKinds the kinds of decision the trace lists ({@code --decisions}); decisions of
 *     other kinds are left to the policy, as if the trace did not exist for them
 * @param traceWasi log each WASI call to the diagnostics stream
 * @param maxSteps step budget per run (instructions of the original module, all threads
 *     together); 0 for none
 * @param preemptEvery a scheduling point every this many steps of the running thread; 0 for
 *     none
 * @param preemptAt which program points are scheduling points
 * @param nsPerStep virtual nanoseconds the clock moves per executed step ({@code --clock
 *     steps=NS}); 0 for none: the clock then moves only when every thread is blocked
 * @param maxMemoryPages the largest memory a guest may declare or grow to, in 64 KiB pages;
 *     {@link #MAX_MEMORY_UNSET} for the defaults of {@link #memoryLimit} and {@link #growthLimit}
 * @param keepOutput how many bytes of each of the guest's output streams a run keeps in memory
 *     for its result (see {@link GuestOutput}); it does not change what the guest observes
 */
public record RunConfig(
        Engine engine,
        String argv0,
        List<String> args,
        Map<String, String> env,
        List<Mount> mounts,
        byte[] stdin,
        long seed,
        String schedule,
        List<Integer> trace,
        Set<DecisionKind> traceKinds,
        boolean traceWasi,
        long maxSteps,
        long preemptEvery,
        PreemptAt preemptAt,
        long nsPerStep,
        int maxMemoryPages,
        int keepOutput) {

    public static final String DEFAULT_ARGV0 = "/main.wasm";

    /**
     * What {@code --clock steps} means without {@code =NS}: a step (a wasm instruction) takes
     * 1 ns, the order of an instruction on a current CPU, so CPython's 5 ms switch interval is
     * five million steps.
     */
    public static final long DEFAULT_NS_PER_STEP = 1;

    /** The most {@code --clock steps=NS} may say: a second per step. */
    public static final long MAX_NS_PER_STEP = 1_000_000_000;

    /** 4 GiB: the most a wasm32 memory can address. */
    public static final int DEFAULT_MAX_MEMORY_PAGES = 65536;

    /** {@code maxMemoryPages} when no limit was given ({@code --max-memory} left out). */
    public static final int MAX_MEMORY_UNSET = 0;

    /**
     * 2 GiB: how far a memory that declares no maximum grows when no limit was given. Such a
     * memory (Go's, most C and Rust programs') then never needs the {@code wide-addresses}
     * pass, which accesses at 2 GiB and above cost.
     */
    public static final int UNBOUNDED_MEMORY_PAGES = 32768;

    public RunConfig {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(argv0, "argv0");
        args = List.copyOf(args);
        env = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(env));
        mounts = List.copyOf(mounts);
        stdin = stdin.clone();
        Objects.requireNonNull(schedule, "schedule");
        trace = List.copyOf(trace);
        EnumSet<DecisionKind> kinds = EnumSet.noneOf(DecisionKind.class);
        kinds.addAll(traceKinds);
        traceKinds = Collections.unmodifiableSet(kinds);
        Objects.requireNonNull(preemptAt, "preemptAt");
        if (maxSteps < 0 || preemptEvery < 0) {
            throw new IllegalArgumentException("step counts must not be negative");
        }
        if (nsPerStep < 0 || nsPerStep > MAX_NS_PER_STEP) {
            throw new IllegalArgumentException("nsPerStep out of range: " + nsPerStep);
        }
        if (keepOutput < 0) {
            throw new IllegalArgumentException("keepOutput must not be negative: " + keepOutput);
        }
    }

    /**
     * The kinds of decision runs with this configuration can make: {@code timer} only when time
     * moves with work, the only time a timer interrupts a running thread.
     */
    public Set<DecisionKind> decisionKinds() {
        EnumSet<DecisionKind> kinds = EnumSet.allOf(DecisionKind.class);
        if (nsPerStep == 0) {
            kinds.remove(DecisionKind.TIMER);
        }
        return kinds;
    }

    /** Whether runs count their steps: the {@code fuel} pass is needed. */
    public boolean countsSteps() {
        return maxSteps > 0 || preemptEvery > 0 || nsPerStep > 0;
    }

    @Override
    public byte[] stdin() {
        return stdin.clone();
    }

    /** The largest memory a module may declare, in pages: beyond it, it is refused at load. */
    public int memoryLimit() {
        return maxMemoryPages == MAX_MEMORY_UNSET ? DEFAULT_MAX_MEMORY_PAGES : maxMemoryPages;
    }

    /**
     * How many pages a memory declared with {@code declaredMaximum} ({@value
     * #DEFAULT_MAX_MEMORY_PAGES} when it declares none) may grow to: its maximum within the
     * limit; with no limit given, a memory without a maximum stops at {@value
     * #UNBOUNDED_MEMORY_PAGES} pages (or its initial size, if larger).
     */
    public int growthLimit(int declaredInitial, int declaredMaximum) {
        if (maxMemoryPages != MAX_MEMORY_UNSET) {
            return Math.min(declaredMaximum, maxMemoryPages);
        }
        return declaredMaximum < DEFAULT_MAX_MEMORY_PAGES
                ? declaredMaximum
                : Math.max(declaredInitial, UNBOUNDED_MEMORY_PAGES);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder that starts from this configuration. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.engine = engine;
        b.argv0 = argv0;
        b.args = new ArrayList<>(args);
        b.env = new LinkedHashMap<>(env);
        b.mounts = new ArrayList<>(mounts);
        b.stdin = stdin.clone();
        b.seed = seed;
        b.schedule = schedule;
        b.trace = new ArrayList<>(trace);
        b.traceKinds = EnumSet.noneOf(DecisionKind.class);
        b.traceKinds.addAll(traceKinds);
        b.traceWasi = traceWasi;
        b.maxSteps = maxSteps;
        b.preemptEvery = preemptEvery;
        b.preemptAt = preemptAt;
        b.nsPerStep = nsPerStep;
        b.maxMemoryPages = maxMemoryPages;
        b.keepOutput = keepOutput;
        return b;
    }

    /** Builds a {@link RunConfig}; every field has the documented default. */
    public static final class Builder {
        private Engine engine = Engine.AOT;
        private String argv0 = DEFAULT_ARGV0;
        private List<String> args = new ArrayList<>();
        private Map<String, String> env = new LinkedHashMap<>();
        private List<Mount> mounts = new ArrayList<>();
        private byte[] stdin = new byte[0];
        private long seed;
        private String schedule = SchedulePolicy.FIFO;
        private List<Integer> trace = new ArrayList<>();
        private Set<DecisionKind> traceKinds = EnumSet.allOf(DecisionKind.class);
        private boolean traceWasi;
        private long maxSteps;
        private long preemptEvery;
        private PreemptAt preemptAt = PreemptAt.SYNC;
        private long nsPerStep;
        private int maxMemoryPages = MAX_MEMORY_UNSET;
        private int keepOutput = GuestOutput.DEFAULT_KEEP;

        private Builder() {}

        public Builder engine(Engine engine) {
            this.engine = engine;
            return this;
        }

        public Builder argv0(String argv0) {
            this.argv0 = argv0;
            return this;
        }

        public Builder args(List<String> args) {
            this.args = new ArrayList<>(args);
            return this;
        }

        public Builder env(String key, String value) {
            this.env.put(key, value);
            return this;
        }

        public Builder env(Map<String, String> env) {
            this.env = new LinkedHashMap<>(env);
            return this;
        }

        public Builder mount(Mount mount) {
            this.mounts.add(mount);
            return this;
        }

        public Builder mounts(List<Mount> mounts) {
            this.mounts = new ArrayList<>(mounts);
            return this;
        }

        public Builder stdin(byte[] stdin) {
            this.stdin = stdin.clone();
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder schedule(String schedule) {
            this.schedule = schedule;
            return this;
        }

        public Builder trace(List<Integer> trace) {
            this.trace = new ArrayList<>(trace);
            return this;
        }

        public Builder traceKinds(Set<DecisionKind> traceKinds) {
            this.traceKinds = EnumSet.noneOf(DecisionKind.class);
            this.traceKinds.addAll(traceKinds);
            return this;
        }

        public Builder traceWasi(boolean traceWasi) {
            this.traceWasi = traceWasi;
            return this;
        }

        public Builder maxSteps(long maxSteps) {
            this.maxSteps = maxSteps;
            return this;
        }

        public Builder preemptEvery(long preemptEvery) {
            this.preemptEvery = preemptEvery;
            return this;
        }

        public Builder preemptAt(PreemptAt preemptAt) {
            this.preemptAt = preemptAt;
            return this;
        }

        public Builder nsPerStep(long nsPerStep) {
            this.nsPerStep = nsPerStep;
            return this;
        }

        public Builder maxMemoryPages(int maxMemoryPages) {
            this.maxMemoryPages = maxMemoryPages;
            return this;
        }

        public Builder keepOutput(int keepOutput) {
            this.keepOutput = keepOutput;
            return this;
        }

        public RunConfig build() {
            return new RunConfig(
                    engine, argv0, args, env, mounts, stdin, seed, schedule, trace, traceKinds,
                    traceWasi, maxSteps, preemptEvery, preemptAt, nsPerStep, maxMemoryPages,
                    keepOutput);
        }
    }
}
