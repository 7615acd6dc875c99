/* ".." never leads out of a mount: hello.txt exists on the host right next to the mounted
 * directory, but the guest cannot reach it. Staying inside with ".." works. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static void try_open(const char *path) {
    int fd = open(path, O_RDONLY);
    if (fd < 0) {
        printf("%s: %s\n", path, strerror(errno));
        return;
    }
    char buf[64];
    ssize_t n = read(fd, buf, sizeof buf - 1);
    buf[n > 0 ? n : 0] = '\0';
    printf("%s: opened, reads \"%s\"\n", path, strtok(buf, "\n"));
    close(fd);
}

int main(void) {
    try_open("/data/../hello.txt");
    try_open("/data/sub/../../hello.txt");
    try_open("/data/..");
    try_open("/data/sub/../a");
    return 0;
}
