// The virtual clock through <chrono>: system_clock starts at 2024-01-01T00:00:00Z, and
// sleep_for moves every clock by exactly the time slept (and at no real cost).
#include <chrono>
#include <ctime>
#include <iostream>
#include <thread>

using namespace std::chrono;

static void show_system_clock(const char *label) {
    auto now = system_clock::now();
    std::time_t t = system_clock::to_time_t(now);
    char date[32];
    std::strftime(date, sizeof date, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&t));
    std::cout << label << ": " << duration_cast<nanoseconds>(now.time_since_epoch()).count()
              << " ns since the epoch (" << date << ")\n";
}

int main() {
    show_system_clock("start");
    auto start = steady_clock::now();
    std::cout << "steady_clock = " << start.time_since_epoch().count() << " ns\n";

    std::this_thread::sleep_for(hours(1));
    show_system_clock("after sleep_for(1h)");
    auto after = steady_clock::now();
    std::cout << "steady elapsed: " << duration_cast<nanoseconds>(after - start).count()
              << " ns\n";

    std::this_thread::sleep_for(milliseconds(1500));
    std::cout << "sleep_for(1500ms): "
              << duration_cast<milliseconds>(steady_clock::now() - after).count() << " ms\n";
    return 0;
}
