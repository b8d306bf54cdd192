dice = random.randint(1, 6)
print("You rolled", dice)
