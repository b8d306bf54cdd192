print("Hello world)
print("Bye")
