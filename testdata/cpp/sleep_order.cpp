// Threaded. Three std::threads sleep 3, 1 and 2 seconds of virtual time. They wake in deadline
// order, each exactly when its sleep ends, and the run costs no real time.
#include <chrono>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

using namespace std::chrono;

int main() {
    auto start = steady_clock::now();
    auto since_start = [start] {
        return std::to_string(duration_cast<milliseconds>(steady_clock::now() - start).count());
    };
    std::vector<std::thread> threads;
    for (int s : {3, 1, 2})
        threads.emplace_back([s, since_start] {
            std::this_thread::sleep_for(seconds(s));
            std::cout << ("slept " + std::to_string(s) + " s, woke at +" + since_start() + " ms\n")
                      << std::flush;
        });
    std::cout << "started sleepers for 3, 1 and 2 s" << std::endl;
    for (auto &t : threads)
        t.join();
    std::cout << "joined all at +" << since_start() << " ms" << std::endl;
    return 0;
}
