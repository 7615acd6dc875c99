/* With the directory mounted at "/", relative and absolute spellings of a path name the same
 * file; ".." inside the mount is fine. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

static void show_first_line(const char *path) {
    char line[128];
    FILE *f = fopen(path, "r");
    if (!f) {
        printf("%s: %s\n", path, strerror(errno));
        return;
    }
    if (fgets(line, sizeof line, f))
        printf("%s: %s", path, line);
    fclose(f);
}

int main(void) {
    const char *paths[] = {
        "test.txt", "./test.txt", "/test.txt", "list/../test.txt", "./list/./sub/../../test.txt",
        "list/sub/inner.txt", "/list/sub/inner.txt",
    };
    for (size_t i = 0; i < sizeof paths / sizeof paths[0]; i++)
        show_first_line(paths[i]);

    FILE *f = fopen("written.txt", "w");
    if (!f) {
        printf("create written.txt: %s\n", strerror(errno));
        return 1;
    }
    fputs("written through a relative path\n", f);
    fclose(f);
    show_first_line("/written.txt");
    show_first_line("./written.txt");
    return 0;
}
