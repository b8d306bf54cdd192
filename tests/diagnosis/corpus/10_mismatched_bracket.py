pets = ["cat", "dog", "fish")
print(pets)
