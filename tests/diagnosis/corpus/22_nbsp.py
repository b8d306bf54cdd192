a = 4
b = 5
print(a + b)
