answer = "yes"
if answer = "yes":
    print("Great!")
