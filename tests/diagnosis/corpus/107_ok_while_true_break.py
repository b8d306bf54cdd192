while True:
    choice = input("Type a number, or 0 to stop: ")
    if choice == "0":
        break
    print("You typed", choice)
print("Bye!")
