# Bad input: a script that does not compile. The interpreter reports the SyntaxError with its
# traceback on stderr and exits 1; detwasm passes both through as the guest's own. The
# traceback is in colour: detwasm's stderr is a character device to the guest, so isatty(2)
# holds and CPython 3.13 colours it (PYTHON_COLORS=0 or NO_COLOR in --env would not).
print("never printed"
