friends = ["Ana", "Ben", "Caro"]
for friend in friends
    print("Hello " + friend)
