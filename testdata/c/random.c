/* Seeded randomness: getentropy draws from random_get, a pure function of --seed. The same seed
 * prints the same bytes; another seed prints others; two draws in one run differ. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static void show(const char *label, const unsigned char *bytes, int n) {
    printf("%s:", label);
    for (int i = 0; i < n; i++)
        printf(" %02x", bytes[i]);
    printf("\n");
}

int main(void) {
    unsigned char a[16], b[16];
    if (getentropy(a, sizeof a) != 0 || getentropy(b, sizeof b) != 0) {
        perror("getentropy");
        return 1;
    }
    show("first", a, sizeof a);
    show("second", b, sizeof b);
    printf("draws differ: %s\n", memcmp(a, b, sizeof a) != 0 ? "yes" : "no");
    return 0;
}
