numbers = [3, 8 15, 4]
print(sum(numbers))
