# Files: the mounted directory lists in byte order of the names (os.listdir leaves out . and
# ..); writes land in the run's in-memory overlay, which later reads see and the host never
# does. Mounted with --dir files/list::/data.
import errno
import os

print("listdir:", os.listdir("/data"))
print("sub:", os.listdir("/data/sub"))
with open("/data/sub/inner.txt") as f:
    print("inner.txt:", repr(f.read()))

with open("/data/new.txt", "w") as f:
    f.write("first line\n")
with open("/data/new.txt", "a") as f:
    f.write("second line\n")
os.mkdir("/data/made")
os.rename("/data/b.txt", "/data/made/moved.txt")
os.remove("/data/a")
print("after writes:", os.listdir("/data"))
print("made:", os.listdir("/data/made"))
with open("/data/new.txt") as f:
    print("new.txt:", f.read().splitlines())
print("size:", os.path.getsize("/data/new.txt"), "exists a:", os.path.exists("/data/a"))
try:
    open("/data/missing.txt")
except FileNotFoundError as e:
    print("missing:", errno.errorcode[e.errno], e.strerror)
