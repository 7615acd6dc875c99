// std::exit(4) flushes std::cout first; the guest's status becomes detwasm's exit code.
#include <cstdlib>
#include <iostream>

int main() {
    std::cout << "exiting with status 4\n";
    std::exit(4);
}
