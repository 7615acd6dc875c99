/* Looks up set, empty and unset variables, then lists the whole environment: the guest sees
 * exactly the --env flags, in the order given, and nothing of the host's environment. */
#include <stdio.h>
#include <stdlib.h>

extern char **environ;

int main(void) {
    const char *names[] = {"GREETING", "EMPTY", "EQUALS", "MISSING"};
    for (int i = 0; i < 4; i++) {
        const char *value = getenv(names[i]);
        if (value)
            printf("%s=[%s]\n", names[i], value);
        else
            printf("%s is unset\n", names[i]);
    }
    puts("environ:");
    for (char **e = environ; *e; e++)
        printf("  %s\n", *e);
    return 0;
}
