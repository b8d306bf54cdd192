name = input("Name: ")
if name == "Ana"
    print("Hi Ana!")
