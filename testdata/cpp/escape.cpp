// ".." never leads out of a mount: hello.txt exists on the host right next to the mounted
// directory, but the guest cannot reach it. Staying inside with ".." works.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>

namespace fs = std::filesystem;

static void try_read(const std::string &path) {
    std::error_code ec;
    auto status = fs::status(path, ec);
    std::cout << path << ": ";
    if (ec) {
        std::cout << ec.message() << '\n';
        return;
    }
    std::ifstream in(path);
    std::string line;
    std::getline(in, line);
    std::cout << (fs::is_regular_file(status) ? "file, reads \"" + line + "\"" : "not a file")
              << '\n';
}

int main() {
    try_read("/data/../hello.txt");
    try_read("/data/sub/../../hello.txt");
    try_read("/data/..");
    try_read("/data/sub/../a");
    return 0;
}
