def move(x):
    x = x + 5
    return x

print(move())
