score = 30
print(score + " points")
