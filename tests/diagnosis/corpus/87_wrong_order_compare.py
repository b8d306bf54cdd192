lives = 0
if lives =< 0:
    print("Game over")
