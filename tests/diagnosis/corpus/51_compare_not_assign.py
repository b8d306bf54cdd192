coins = 5
coins == coins + 1
print(coins)
