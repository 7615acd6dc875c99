# Bad input: a script that does not compile. The interpreter reports the SyntaxError with its
# traceback on stderr and exits 1; detwasm passes both through as the guest's own. The
# traceback is plain: detwasm's stdio is a stream to the guest, not a terminal, so isatty(2)
# is false and CPython 3.13 does not colour it (FORCE_COLOR=1 in --env would).
print("never printed"
