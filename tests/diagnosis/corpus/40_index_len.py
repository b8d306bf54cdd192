names = ["Ava", "Max", "Lily"]
print("Last one:", names[len(names)])
