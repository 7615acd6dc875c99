// Threaded. A worker calls std::exit(6) while main waits in join(): the whole program ends
// with status 6.
#include <cstdlib>
#include <iostream>
#include <thread>

int main() {
    std::thread worker([] {
        std::cout << "worker: calling exit(6)" << std::endl;
        std::exit(6);
    });
    std::cout << "main: waiting for the worker" << std::endl;
    worker.join();
    std::cout << "main: the worker returned" << std::endl;
    return 0;
}
