// Lists a mounted directory with std::filesystem::directory_iterator, which skips "." and "..":
// the names come in byte order, whatever order the host gave them in, also after creating and
// deleting entries.
#include <filesystem>
#include <fstream>
#include <iostream>

namespace fs = std::filesystem;

static void list(const fs::path &dir) {
    std::error_code ec;
    std::cout << dir.string() << ":\n";
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
        std::cout << "  " << it->path().filename().string()
                  << (it->is_directory(ec) ? "/" : "") << '\n';
    if (ec)
        std::cout << "  error: " << ec.message() << '\n';
}

int main() {
    list("/data");
    std::ofstream("/data/M");
    std::error_code ec;
    fs::remove("/data/a", ec);
    std::cout << "created M, removed a\n";
    list("/data");
    list("/data/sub");
    return 0;
}
