// Looks up set, empty and unset variables, then lists the whole environment: the guest sees
// exactly the --env flags, in the order given, and nothing of the host's environment.
#include <cstdlib>
#include <iostream>

extern char **environ;

int main() {
    for (const char *name : {"GREETING", "EMPTY", "EQUALS", "MISSING"}) {
        if (const char *value = std::getenv(name))
            std::cout << name << "=[" << value << "]\n";
        else
            std::cout << name << " is unset\n";
    }
    std::cout << "environ:\n";
    for (char **e = environ; *e; e++)
        std::cout << "  " << *e << '\n';
    return 0;
}
