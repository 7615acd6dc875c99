/* exit(3) flushes stdio first; the guest's status becomes detwasm's exit code. */
#include <stdio.h>
#include <stdlib.h>

int main(void) {
    printf("exiting with status 3\n");
    exit(3);
}
