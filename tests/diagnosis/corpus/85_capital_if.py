score = 12
If score > 10:
    print("High score!")
