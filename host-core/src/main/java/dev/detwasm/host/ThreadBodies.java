package dev.detwasm.host;

import dev.detwasm.host.spi.GuestThreads;
import dev.detwasm.host.spi.HostError;
import dev.detwasm.host.spi.Termination;
import dev.detwasm.host.spi.ThreadKilled;

/**
 * Runs a guest thread's code and turns however it stops into the program's {@link
 * Termination}: proc_exit, a trap (any Chicory or JVM failure inside guest code), a host
 * error, or an ending a host function decided (step budget, cut off). No exception from guest code escapes to the scheduler.
 */
final class ThreadBodies {
    private final GuestThreads threads;
    private final EventLog events;
    private final TrapLocator locator;
    private String trapFunction = "";

    ThreadBodies(GuestThreads threads, EventLog events, TrapLocator locator) {
        this.threads = threads;
        this.events = events;
        this.locator = locator;
    }

    /** The function the program trapped in, when known; see {@link RunResult#trapFunction()}. */
    String trapFunction() {
        return trapFunction;
    }

    void guard(Runnable body) {
        try {
            body.run();
        } catch (ThreadKilled killed) {
            throw killed;
        } catch (StackOverflowError e) {
            end(Termination.trap(threads.currentThread(), "call stack exhausted"));
        } catch (RuntimeException e) {
            onFailure(e);
        }
    }

    void exit(int code) {
        end(Termination.exit(threads.currentThread(), code));
    }

    private void onFailure(RuntimeException e) {
        int thread = threads.currentThread();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof HostEnding ending) {
                end(ending.termination());
            } else if (t instanceof GuestExit exit) {
                end(Termination.exit(thread, exit.exitCode()));
            } else if (t instanceof HostError host) {
                end(Termination.hostError(thread, host.exitCode(), host.getMessage()));
            } else if (t instanceof StackOverflowError) {
                end(Termination.trap(thread, "call stack exhausted"));
            }
        }
        trapFunction = locator.functionOf(e);
        end(Termination.trap(thread, TrapMessages.describe(e)));
    }

    private void end(Termination termination) {
        if (events.enabled()) {
            events.add(
                    termination.thread(),
                    "end",
                    termination.kind().cliName()
                            + " "
                            + termination.exitCode()
                            + (termination.message().isEmpty() ? "" : " " + termination.message()));
        }
        threads.terminate(termination);
    }
}
