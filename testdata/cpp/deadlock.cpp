// Threaded. Two std::threads lock two std::mutexes in opposite order and yield in between, so
// under fifo each ends up holding one and waiting for the other: a deadlock (detwasm exits 71).
#include <iostream>
#include <mutex>
#include <thread>

int main() {
    std::mutex m1, m2;
    std::thread first([&] {
        std::lock_guard<std::mutex> a(m1);
        std::cout << "first: holds m1" << std::endl;
        std::this_thread::yield();
        std::cout << "first: wants m2" << std::endl;
        std::lock_guard<std::mutex> b(m2);
        std::cout << "first: holds both" << std::endl;
    });
    std::thread second([&] {
        std::lock_guard<std::mutex> b(m2);
        std::cout << "second: holds m2" << std::endl;
        std::this_thread::yield();
        std::cout << "second: wants m1" << std::endl;
        std::lock_guard<std::mutex> a(m1);
        std::cout << "second: holds both" << std::endl;
    });
    first.join();
    second.join();
    std::cout << "no deadlock" << std::endl;
    return 0;
}
