ages = {"Tom": 10, "Eva": 12}
print(ages["Zack"])
