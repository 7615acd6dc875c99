# Time that moves with work (--clock steps): a lost update that only a hand-off of the
# interpreter lock exposes. Two CPU-bound threads each add 1 to a shared counter 20 times,
# reading it, computing for a while (a loop: CPython may hand the lock to another thread at
# its back edge), then writing what they read plus 1. No thread ever blocks or sleeps.
#
# Under the default clock (idle) time stands still while a thread computes, so the waiting
# thread's 100 us timed wait for the lock never expires and the first thread keeps the lock
# to the end: counter=40. Under --clock steps the wait expires while the other computes, the
# lock changes hands in the middle of a read-modify-write, and an update is lost (exit 1):
# `detwasm check --clock steps --python` finds it and prints the command that replays it.
import sys
import threading

sys.setswitchinterval(0.0001)
counter = 0


def add():
    global counter
    for _ in range(20):
        seen = counter
        total = 0
        for i in range(400):
            total += i
        counter = seen + 1


threads = [threading.Thread(target=add) for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(f"counter={counter}")
sys.exit(0 if counter == 40 else 1)
