// Reads std::cin line by line to the end; the last line has no newline.
#include <iostream>
#include <string>

int main() {
    int n = 0;
    size_t chars = 0;
    for (std::string line; std::getline(std::cin, line);) {
        std::cout << ++n << ": [" << line << "]\n";
        chars += line.size();
    }
    std::cout << n << " lines, " << chars << " characters besides newlines\n";
    return 0;
}
