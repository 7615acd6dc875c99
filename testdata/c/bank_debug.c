/* build: -gdwarf-5 (keeps DWARF line tables: the explain tests show source lines)
 *
 * Explained failures. Two tellers move money between two accounts in opposite directions; a
 * transfer locks the account it takes from, then the one it pays into. Under fifo each teller
 * finishes before the other starts, but a switch between the two locks of one transfer lets the
 * other teller take the second account: each then waits for the lock the other holds, a
 * deadlock `check` finds and explains (each thread's lock call and the transfer it was made
 * from). */
#include <pthread.h>
#include <stdio.h>

struct account {
    pthread_mutex_t lock;
    int balance;
};

static struct account alice = {PTHREAD_MUTEX_INITIALIZER, 100};
static struct account bob = {PTHREAD_MUTEX_INITIALIZER, 100};

/* Not inlined, so that the explanation shows the lock calls inside transfer as a frame of their
 * own (inlined calls would show as the tellers' lines). */
__attribute__((noinline)) static void transfer(struct account *from, struct account *to, int amount) {
    pthread_mutex_lock(&from->lock);
    pthread_mutex_lock(&to->lock);
    from->balance -= amount;
    to->balance += amount;
    pthread_mutex_unlock(&to->lock);
    pthread_mutex_unlock(&from->lock);
}

static void *alice_pays_bob(void *arg) {
    (void)arg;
    transfer(&alice, &bob, 30);
    return NULL;
}

static void *bob_pays_alice(void *arg) {
    (void)arg;
    transfer(&bob, &alice, 20);
    return NULL;
}

int main(void) {
    pthread_t a, b;
    pthread_create(&a, NULL, alice_pays_bob, NULL);
    pthread_create(&b, NULL, bob_pays_alice, NULL);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    printf("alice %d, bob %d\n", alice.balance, bob.balance);
    return 0;
}
