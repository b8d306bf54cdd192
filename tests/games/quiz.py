# A plain Python program: no pygame, just print and input.
name = input("What is your name? ")
age = int(input("How old are you? "))
print(f"Hello {name}, next year you will be {age + 1}!")
