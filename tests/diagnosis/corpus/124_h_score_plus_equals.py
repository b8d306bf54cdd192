score = 0

def win():
    score += 10

win()
print(score)
