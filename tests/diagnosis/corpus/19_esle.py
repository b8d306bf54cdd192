guess = 4
if guess == 4:
    print("Right!")
esle:
    print("Wrong!")
