# Pure Python work: a loop in a function and string-keyed dict stores (about 20 s of CPU).
def work(n):
    x = 0
    for i in range(n):
        x = x + i * 2
    return x


d = {}
for k in range(200000):
    d[str(k)] = k
print(work(3000000), len(d))
