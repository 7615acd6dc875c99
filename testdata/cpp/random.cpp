// Seeded randomness through std::random_device (getentropy, i.e. random_get): a pure function
// of --seed. The same seed prints the same numbers; another seed prints others.
#include <iomanip>
#include <iostream>
#include <random>

int main() {
    std::random_device device;
    std::cout << std::hex << std::setfill('0');
    for (int i = 0; i < 4; i++)
        std::cout << "random_device: " << std::setw(8) << device() << '\n';

    std::mt19937 engine(device());
    std::uniform_int_distribution<int> dice(1, 6);
    std::cout << std::dec << "dice:";
    for (int i = 0; i < 10; i++)
        std::cout << ' ' << dice(engine);
    std::cout << '\n';
    return 0;
}
