// Model checking (--preempt-at memory). Two threads increment a plain (non-atomic) counter,
// each under a mutex, but not the same one: main locks `a`, the worker locks `b` (the bug).
// Main prints the counter and exits 1 when an update was lost.
//
// Under fifo main increments before the worker starts: counter=2. Locking and unlocking are
// atomic operations, so scheduling points, but the load and the store of counter++ run back to
// back between them: with synchronisation points alone no update is ever lost. With
// --preempt-at memory the load and the store are points, and a switch between main's load and
// its store, while the worker increments under the other lock, loses an update: counter=1.
#include <cstdio>
#include <mutex>
#include <thread>

static std::mutex a;
static std::mutex b;
static volatile int counter;

static void increment(std::mutex &lock) {
    std::lock_guard<std::mutex> guard(lock);
    counter = counter + 1;
}

int main() {
    std::thread worker([] { increment(b); });
    increment(a);
    worker.join();
    int result = counter;
    std::printf("counter=%d (%s)\n", result, result == 2 ? "no update lost" : "lost update");
    return result == 2 ? 0 : 1;
}
