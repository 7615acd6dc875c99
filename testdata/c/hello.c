/* The smallest fixture: one line on stdout, exit code 0. */
#include <stdio.h>

int main(void) {
    puts("hello from C");
    return 0;
}
