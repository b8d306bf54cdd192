score = 0
answer = input("What is 2 + 2? ")
if answer == "4":
    score = score + 1
number = int(input("Pick a number: "))
print("Double is", number * 2)
print("Score:", score)
