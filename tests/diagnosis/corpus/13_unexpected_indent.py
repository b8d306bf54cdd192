x = 5
y = 10
    total = x + y
print(total)
