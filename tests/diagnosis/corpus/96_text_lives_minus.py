lives = "3"
lives = lives - 1
print("Lives left:", lives)
