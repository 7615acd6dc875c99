// Reads, writes, renames and deletes files in a directory mounted at /data, with fstreams and
// std::filesystem (error_code overloads: libc++ is built without exceptions). Every write stays
// in detwasm's in-memory overlay: the host files are never touched.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>

namespace fs = std::filesystem;

static void show_file(const fs::path &path) {
    std::ifstream in(path);
    if (!in) {
        std::cout << "open " << path.string() << ": failed\n";
        return;
    }
    for (std::string line; std::getline(in, line);)
        std::cout << path.string() << ": " << line << '\n';
}

static void report(const std::string &what, const std::error_code &ec) {
    std::cout << what << ": " << (ec ? ec.message() : "ok") << '\n';
}

int main() {
    show_file("/data/hello.txt");

    std::ofstream("/data/out.txt") << "written by the guest\n";
    std::error_code ec;
    auto size = fs::file_size("/data/out.txt", ec);
    std::cout << "file_size out.txt: " << size << '\n';
    std::ofstream("/data/out.txt", std::ios::app) << "appended\n";
    show_file("/data/out.txt");

    fs::rename("/data/out.txt", "/data/renamed.txt", ec);
    report("rename out.txt -> renamed.txt", ec);
    std::cout << "exists out.txt: " << fs::exists("/data/out.txt", ec) << '\n';
    show_file("/data/renamed.txt");

    bool removed = fs::remove("/data/renamed.txt", ec);
    report("remove renamed.txt", ec);
    std::cout << "removed: " << removed << ", exists: " << fs::exists("/data/renamed.txt", ec)
              << '\n';
    removed = fs::remove("/data/renamed.txt", ec);
    std::cout << "remove again: removed " << removed << '\n';

    fs::remove("/data/hello.txt", ec);
    report("remove hello.txt", ec);
    show_file("/data/hello.txt");

    fs::create_directory("/data/newdir", ec);
    report("create_directory newdir", ec);
    std::cout << "is_directory newdir: " << fs::is_directory("/data/newdir", ec) << '\n';
    fs::remove("/data/newdir", ec);
    report("remove newdir", ec);
    std::cout << "exists newdir: " << fs::exists("/data/newdir", ec) << '\n';
    return 0;
}
