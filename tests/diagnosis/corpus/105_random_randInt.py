import random
roll = random.randInt(1, 6)
print("You rolled", roll)
