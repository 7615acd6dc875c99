// Threaded. Sixteen std::threads each print their index and store its square; main joins them
// all. Under fifo, main starts all sixteen before it blocks in the first join, and they run in
// the order they were started.
#include <iostream>
#include <string>
#include <thread>
#include <vector>

int main() {
    constexpr int count = 16;
    std::vector<int> squares(count);
    std::vector<std::thread> threads;
    for (int i = 0; i < count; i++)
        threads.emplace_back([&squares, i] {
            squares[i] = i * i;
            std::cout << ("thread " + std::to_string(i) + "\n") << std::flush;
        });
    int sum = 0;
    for (int i = 0; i < count; i++) {
        threads[i].join();
        sum += squares[i];
    }
    std::cout << "joined " << count << " threads, sum of squares " << sum << std::endl;
    return 0;
}
