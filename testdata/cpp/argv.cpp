// Prints argc and every argv[i]; argv[0] is "/main.wasm" unless --argv0 says otherwise.
#include <iostream>
#include <string_view>
#include <vector>

int main(int argc, char **argv) {
    std::vector<std::string_view> args(argv, argv + argc);
    std::cout << "argc=" << args.size() << '\n';
    for (size_t i = 0; i < args.size(); i++)
        std::cout << "argv[" << i << "]=" << args[i] << '\n';
    return 0;
}
