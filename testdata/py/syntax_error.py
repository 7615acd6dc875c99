# Bad input: a script that does not compile. The interpreter reports the SyntaxError with its
# traceback on stderr and exits 1; detwasm passes both through as the guest's own.
print("never printed"
