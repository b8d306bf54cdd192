points = 20
print("You have " + points + " points")
