fruits = ["apple", "pear", "plum"]
print(fruits[1])
print(fruits[3])
