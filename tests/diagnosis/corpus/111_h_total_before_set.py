numbers = [1, 2, 3]
for n in numbers:
    total = total + n
print(total)
