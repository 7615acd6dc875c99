# The virtual clock: every clock starts at 2024-01-01T00:00:00Z (1704067200 s) and moves only
# when every thread is blocked, by exactly the time slept. So time.time() reads the start,
# a 1.5 s sleep moves it by exactly 1.5 s, and computing moves it not at all. Differences of
# the monotonic clock are taken in nanoseconds: as floats, its large values would round.
import datetime
import time

start = time.time()
print("time:", start)
print("utc:", datetime.datetime.fromtimestamp(start, datetime.timezone.utc).isoformat())
mono = time.monotonic_ns()
sum(i * i for i in range(20000))
print("computing took:", time.monotonic_ns() - mono, "ns")
time.sleep(1.5)
print("slept:", time.time() - start)
time.sleep(0.25)
print("monotonic:", time.monotonic_ns() - mono, "ns, perf_counter_ns:", time.perf_counter_ns() > 0)
print("time_ns:", time.time_ns())
print("gmtime:", time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime()))
