// Threaded. Four std::threads add 1000 each to a counter under a std::mutex: 4000 under any
// schedule.
#include <iostream>
#include <mutex>
#include <thread>
#include <vector>

int main() {
    std::mutex lock;
    long counter = 0;
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; t++)
        threads.emplace_back([&] {
            for (int i = 0; i < 1000; i++) {
                std::lock_guard<std::mutex> guard(lock);
                counter++;
            }
        });
    for (auto &t : threads)
        t.join();
    std::cout << "counter=" << counter << std::endl;
    return counter == 4000 ? 0 : 1;
}
