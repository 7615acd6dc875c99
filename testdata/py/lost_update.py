# Model checking: a lost update between two threads. Each worker reads a shared balance, lets
# detwasm.select(2) decide whether to sleep a millisecond (1) or not (0), then writes back what
# it read plus 10. The sleep gives the other thread the interpreter lock between the read and
# the write, so when it comes, an update is lost: `detwasm check --python` finds the runs
# where balance ends at 10 instead of 20 (exit 1) and prints a command that replays one.
# A plain `detwasm run` chooses 0 at every select: balance=20. detwasm.must_reach() marks the
# lost update as a site: the report lists it as reached, and `--must-reach lost_update.py:33`
# would fail a check in which no run loses an update.
import sys
import threading
import time

import detwasm

balance = 0


def deposit():
    global balance
    seen = balance
    if detwasm.select(2) == 1:
        time.sleep(0.001)
    balance = seen + 10


threads = [threading.Thread(target=deposit) for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(f"balance={balance}")
if balance != 20:
    detwasm.must_reach()
sys.exit(0 if balance == 20 else 1)
