a = 5
b = a +
print(b)
