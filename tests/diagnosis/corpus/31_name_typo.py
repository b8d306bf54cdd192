score = 0
score = score + 5
print("Score:", scor)
