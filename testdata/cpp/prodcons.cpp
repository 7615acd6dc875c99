// Threaded. A producer and a consumer share a bounded queue of two slots, a std::mutex and a
// std::condition_variable. The consumer receives 1..6 in order under any schedule.
#include <condition_variable>
#include <deque>
#include <iostream>
#include <mutex>
#include <string>
#include <thread>

int main() {
    constexpr int items = 6;
    constexpr size_t slots = 2;
    std::mutex lock;
    std::condition_variable changed;
    std::deque<int> queue;
    int sum = 0;

    std::thread producer([&] {
        for (int item = 1; item <= items; item++) {
            std::unique_lock<std::mutex> guard(lock);
            changed.wait(guard, [&] { return queue.size() < slots; });
            queue.push_back(item);
            changed.notify_all();
        }
    });
    std::thread consumer([&] {
        for (int i = 0; i < items; i++) {
            std::unique_lock<std::mutex> guard(lock);
            changed.wait(guard, [&] { return !queue.empty(); });
            int item = queue.front();
            queue.pop_front();
            changed.notify_all();
            guard.unlock();
            std::cout << ("consumed " + std::to_string(item) + "\n") << std::flush;
            sum += item;
        }
    });
    producer.join();
    consumer.join();
    std::cout << "sum=" << sum << std::endl;
    return sum == items * (items + 1) / 2 ? 0 : 1;
}
