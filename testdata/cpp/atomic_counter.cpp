// Threaded. Four std::threads update std::atomic values: fetch_add for a sum and a
// compare_exchange loop for a maximum. Exact under any schedule.
#include <atomic>
#include <iostream>
#include <thread>
#include <vector>

int main() {
    std::atomic<int> sum{0};
    std::atomic<int> max{0};
    std::vector<std::thread> threads;
    for (int t = 1; t <= 4; t++)
        threads.emplace_back([&, t] {
            for (int i = 0; i < 250; i++) {
                sum.fetch_add(t);
                int value = t * 1000 + i;
                int seen = max.load();
                while (seen < value && !max.compare_exchange_weak(seen, value)) {
                }
            }
        });
    for (auto &t : threads)
        t.join();
    std::cout << "sum=" << sum.load() << " max=" << max.load() << std::endl;
    return sum.load() == 2500 && max.load() == 4249 ? 0 : 1;
}
