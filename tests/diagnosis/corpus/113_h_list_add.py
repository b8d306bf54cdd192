animals = ["cat", "dog"]
animals.add("cow")
print(animals)
