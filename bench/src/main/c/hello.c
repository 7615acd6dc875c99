/* The WASI hello world: the smallest real wasi-libc program (printf, exit). */
#include <stdio.h>

int main(void) {
    printf("hello, world\n");
    return 0;
}
