secret = 7
guess = input("Guess my number: ")
if guess > secret:
    print("Too big!")
else:
    print("Not too big.")
