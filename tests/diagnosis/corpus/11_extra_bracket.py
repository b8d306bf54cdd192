points = 10
print("Points:", points))
