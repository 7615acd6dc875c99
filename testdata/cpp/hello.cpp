// The smallest fixture: one line through std::cout, exit code 0.
#include <iostream>

int main() {
    std::cout << "hello from C++" << std::endl;
    return 0;
}
