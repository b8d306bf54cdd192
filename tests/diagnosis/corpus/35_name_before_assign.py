print("Total:", total)
total = 10
