name = "Leo"
print("Welcome to my quiz"
print("Good luck, " + name)
