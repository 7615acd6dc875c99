// With the directory mounted at "/", relative and absolute spellings of a path name the same
// file; ".." inside the mount is fine.
#include <fstream>
#include <iostream>
#include <string>

static void show_first_line(const std::string &path) {
    std::ifstream in(path);
    std::string line;
    if (in && std::getline(in, line))
        std::cout << path << ": " << line << '\n';
    else
        std::cout << path << ": cannot read\n";
}

int main() {
    for (const char *path : {"test.txt", "./test.txt", "/test.txt", "list/../test.txt",
                             "./list/./sub/../../test.txt", "list/sub/inner.txt"})
        show_first_line(path);
    std::ofstream("written.txt") << "written through a relative path\n";
    show_first_line("/written.txt");
    show_first_line("./written.txt");
    return 0;
}
