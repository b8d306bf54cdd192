bag = []
bag.apend("sword")
print(bag)
