/* Reads stdin to the end and echoes it line by line; the last line has no newline. */
#include <stdio.h>

int main(void) {
    char buf[4096];
    size_t n = fread(buf, 1, sizeof buf, stdin);
    int line = 1;
    size_t start = 0;
    for (size_t i = 0; i <= n; i++) {
        if (i == n || buf[i] == '\n') {
            if (i > start || i < n)
                printf("%d: [%.*s]\n", line++, (int)(i - start), buf + start);
            start = i + 1;
        }
    }
    printf("%zu bytes, %s\n", n, feof(stdin) ? "end of file" : "more to read");
    return 0;
}
