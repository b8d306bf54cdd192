import Random
n = Random.randint(1, 6)
print(n)
