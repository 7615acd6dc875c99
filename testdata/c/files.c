/* Reads, writes, renames and deletes files in a directory mounted at /data. Every write stays in
 * detwasm's in-memory overlay: the host files are never touched. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void show_file(const char *path) {
    char line[128];
    FILE *f = fopen(path, "r");
    if (!f) {
        printf("open %s: %s\n", path, strerror(errno));
        return;
    }
    while (fgets(line, sizeof line, f))
        printf("%s: %s", path, line);
    fclose(f);
}

static void write_file(const char *path, const char *mode, const char *text) {
    FILE *f = fopen(path, mode);
    if (!f) {
        printf("open %s (%s): %s\n", path, mode, strerror(errno));
        return;
    }
    fputs(text, f);
    fclose(f);
}

static void show_size(const char *path) {
    struct stat st;
    if (stat(path, &st) != 0)
        printf("stat %s: %s\n", path, strerror(errno));
    else if (S_ISDIR(st.st_mode))
        printf("stat %s: directory\n", path);
    else
        printf("stat %s: %lld bytes, %s\n", path, (long long)st.st_size,
               S_ISREG(st.st_mode) ? "regular file" : "other");
}

static void report(const char *what, int result) {
    printf("%s: %s\n", what, result == 0 ? "ok" : strerror(errno));
}

int main(void) {
    show_file("/data/hello.txt");

    write_file("/data/out.txt", "w", "written by the guest\n");
    show_size("/data/out.txt");
    write_file("/data/out.txt", "a", "appended\n");
    show_file("/data/out.txt");

    report("rename out.txt -> renamed.txt", rename("/data/out.txt", "/data/renamed.txt"));
    show_file("/data/out.txt");
    show_file("/data/renamed.txt");

    report("unlink renamed.txt", unlink("/data/renamed.txt"));
    show_file("/data/renamed.txt");
    report("unlink renamed.txt again", unlink("/data/renamed.txt"));

    report("unlink hello.txt", unlink("/data/hello.txt"));
    show_file("/data/hello.txt");

    report("mkdir newdir", mkdir("/data/newdir", 0755));
    show_size("/data/newdir");
    report("rmdir newdir", rmdir("/data/newdir"));
    show_size("/data/newdir");
    return 0;
}
