lives = 0
print("Game over"