age = 11
if age > 10
    print("You can play the big game!")
else:
    print("Try the small game first.")
