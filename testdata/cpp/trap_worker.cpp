// Threaded. A worker traps (wasm unreachable) while main waits in join(): the run ends as a
// trap (detwasm exits 70) and what was written before stays written.
#include <iostream>
#include <thread>

int main() {
    std::thread worker([] {
        std::cout << "worker: about to trap" << std::endl;
        __builtin_trap();
    });
    std::cout << "main: waiting for the worker" << std::endl;
    worker.join();
    std::cout << "main: the worker returned" << std::endl;
    return 0;
}
