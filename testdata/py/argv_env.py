# argv and environment: sys.argv[0] is the script's guest path (/script/argv_env.py), the
# arguments follow as given; the environment is exactly the --env flags, in their order.
# Also where the interpreter finds itself and its library (the bundled layout).
import os
import sys

print("argv:", sys.argv)
print("environ:", list(os.environ.items()))
print("GREETING:", os.environ.get("GREETING"), "MISSING:", os.getenv("MISSING", "unset"))
print("executable:", sys.executable)
print("prefix:", sys.prefix)
print("path:", sys.path)
print("version:", sys.version_info[:3], sys.platform)
