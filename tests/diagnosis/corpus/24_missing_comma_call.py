score = 12
print("Your score is" score)
