/* Symbolic links inside the in-memory overlay: created, read, listed, followed when they stay
 * in the mount, refused (ENOTCAPABLE) when following them would leave it, whether by ".." or by
 * an absolute target. O_NOFOLLOW on a link gives ELOOP. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void make_link(const char *target, const char *path) {
    printf("symlink %s -> %s: %s\n", path, target, symlink(target, path) == 0 ? "ok" : strerror(errno));
}

static void read_through(const char *path, int flags) {
    char buf[64];
    int fd = open(path, O_RDONLY | flags);
    if (fd < 0) {
        printf("read %s%s: %s\n", path, flags ? " (O_NOFOLLOW)" : "", strerror(errno));
        return;
    }
    ssize_t n = read(fd, buf, sizeof buf - 1);
    close(fd);
    buf[n > 0 ? n : 0] = '\0';
    printf("read %s: %s", path, buf);
}

static void show_link(const char *path) {
    char target[64];
    struct stat st;
    ssize_t n = readlink(path, target, sizeof target - 1);
    if (n < 0) {
        printf("readlink %s: %s\n", path, strerror(errno));
        return;
    }
    target[n] = '\0';
    lstat(path, &st);
    printf("readlink %s: %s (lstat: %s)\n", path, target, S_ISLNK(st.st_mode) ? "symbolic link" : "not a link");
}

int main(void) {
    make_link("a", "/data/link-a");
    make_link("sub", "/data/link-sub");
    make_link("../hello.txt", "/data/link-out");
    make_link("/hello.txt", "/data/link-abs");
    show_link("/data/link-a");
    show_link("/data/link-out");
    read_through("/data/link-a", 0);
    read_through("/data/link-sub/inner.txt", 0);
    read_through("/data/link-out", 0);
    read_through("/data/link-abs", 0);
    read_through("/data/link-a", O_NOFOLLOW);

    DIR *dir = opendir("/data");
    struct dirent *e;
    while (dir && (e = readdir(dir)) != NULL)
        printf("  %-8s %s\n", e->d_name,
               e->d_type == DT_LNK ? "link" : e->d_type == DT_DIR ? "dir" : e->d_type == DT_REG ? "file" : "other");
    if (dir)
        closedir(dir);

    printf("unlink link-a: %s\n", unlink("/data/link-a") == 0 ? "ok" : strerror(errno));
    read_through("/data/a", 0);
    read_through("/data/link-a", 0);
    return 0;
}
