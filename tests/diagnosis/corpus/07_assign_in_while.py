lives = 3
while lives = 3:
    lives = lives - 1
print("game over")
