# Threads: a lock-protected counter (4 threads, 250 increments each), a producer and a consumer
# handing items over through a condition variable, and a queue.Queue drained by 3 workers.
# Under the default fifo schedule the interleaving is fixed, and the totals are right under
# every schedule.
import queue
import threading

counter = 0
lock = threading.Lock()


def add(times):
    global counter
    for _ in range(times):
        with lock:
            counter += 1


workers = [threading.Thread(target=add, args=(250,)) for _ in range(4)]
for w in workers:
    w.start()
for w in workers:
    w.join()
print("counter:", counter)

items = []
ready = threading.Condition()
received = []


def produce():
    for i in range(5):
        with ready:
            items.append(i)
            ready.notify()


def consume():
    while len(received) < 5:
        with ready:
            ready.wait_for(lambda: items)
            received.append(items.pop(0))


consumer = threading.Thread(target=consume)
producer = threading.Thread(target=produce)
consumer.start()
producer.start()
producer.join()
consumer.join()
print("received:", received)

tasks = queue.Queue()
results = queue.Queue()


def work():
    while True:
        task = tasks.get()
        if task is None:
            tasks.task_done()
            return
        results.put((task, task * task))
        tasks.task_done()


pool = [threading.Thread(target=work) for _ in range(3)]
for t in pool:
    t.start()
for n in range(9):
    tasks.put(n)
for _ in pool:
    tasks.put(None)
tasks.join()
for t in pool:
    t.join()
done = sorted(results.get() for _ in range(9))
print("squares:", [square for _, square in done])
print("threads left:", threading.active_count())
