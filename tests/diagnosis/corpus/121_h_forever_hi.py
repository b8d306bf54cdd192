while True:
    print("hi")
