age = input("How old are you? ")
next_year = age + 1
print("Next year you will be", next_year)
