def double(n):
    retrun n * 2

print(double(21))
