// Model checking (select decisions): the seed's two-worker lost update. Two std::threads each
// read a shared slot, let model_checker_select(2) decide whether to sleep a millisecond of
// virtual time (1) or not (0), then write back what they read plus 1. Main joins both, prints
// the slot and exits 1 when an update was lost. Under the fifo schedule (which
// `check --decisions select` keeps) the first worker runs until it sleeps or ends, so with its
// choice and the second worker's:
//   0,0 and 0,1  the first worker writes 1 before the second reads it: slot=2
//   1,0          the first sleeps after reading 0; the second reads 0 and writes 1; the first
//                wakes and writes 1: slot=1
//   1,1          both read 0 and sleep until the same instant; each then writes 1: slot=1
// The select tree has these 4 runs, and 2 of them lose an update. A plain run chooses 0,0.
#include <chrono>
#include <iostream>
#include <thread>

__attribute__((import_module("wasi"), import_name("model_checker_select")))
unsigned model_checker_select(unsigned n);

static volatile int slot;

static void worker() {
    int seen = slot;
    if (model_checker_select(2) == 1)
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    slot = seen + 1;
}

int main() {
    std::thread first(worker), second(worker);
    first.join();
    second.join();
    std::cout << "slot=" << slot << std::endl;
    return slot == 2 ? 0 : 1;
}
