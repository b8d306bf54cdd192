answer = "ten"
number = int(answer)
print(number * 2)
