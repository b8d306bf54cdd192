count = 0
while count < 5:
    print("Hello!")
print("done")
