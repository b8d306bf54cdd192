count = 0
whiel count < 3:
    print(count)
    count = count + 1
