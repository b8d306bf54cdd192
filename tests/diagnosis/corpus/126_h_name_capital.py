name = "Ana"
print("Hi " + Name)
