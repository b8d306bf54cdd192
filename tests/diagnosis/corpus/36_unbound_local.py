score = 0

def add_point():
    score = score + 1

add_point()
print(score)
