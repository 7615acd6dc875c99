// Threaded. Two std::threads increment a plain shared int (read, then write) without a lock.
// Under fifo each runs to completion and nothing is lost; an interleaving that switches between
// the read and the write loses an update, and the program then exits 1.
#include <iostream>
#include <thread>

static volatile int counter;

static void increment() {
    int seen = counter;
    counter = seen + 1;
}

int main() {
    std::thread a(increment), b(increment);
    a.join();
    b.join();
    int result = counter;
    std::cout << "counter=" << result << (result == 2 ? " (no update lost)" : " (lost update)")
              << std::endl;
    return result == 2 ? 0 : 1;
}
