prices = {"banana": 2, "apple": 3}
print("A banana costs", prices["banan"])
