score = 40
print(f"Your score: {score")
