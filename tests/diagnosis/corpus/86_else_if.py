mark = 7
if mark > 8:
    print("great")
else if mark > 5:
    print("good")
