/* Lists a mounted directory: ".", "..", then the names in byte order, whatever order the host
 * gave them in. Creating and deleting entries keeps that order. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static void list(const char *path) {
    DIR *dir = opendir(path);
    if (!dir) {
        printf("opendir %s: %s\n", path, strerror(errno));
        return;
    }
    printf("%s:\n", path);
    struct dirent *e;
    while ((e = readdir(dir)) != NULL)
        printf("  %-6s %s\n", e->d_name, e->d_type == DT_DIR ? "dir" : e->d_type == DT_REG ? "file" : "other");
    closedir(dir);
}

int main(void) {
    list("/data");
    int fd = open("/data/M", O_WRONLY | O_CREAT | O_EXCL, 0644);
    printf("create M: %s\n", fd >= 0 ? "ok" : strerror(errno));
    if (fd >= 0)
        close(fd);
    printf("unlink a: %s\n", unlink("/data/a") == 0 ? "ok" : strerror(errno));
    list("/data");
    list("/data/sub");
    return 0;
}
