/* Prints argc and every argv[i]; argv[0] is "/main.wasm" unless --argv0 says otherwise. */
#include <stdio.h>

int main(int argc, char **argv) {
    printf("argc=%d\n", argc);
    for (int i = 0; i < argc; i++)
        printf("argv[%d]=%s\n", i, argv[i]);
    return 0;
}
