file = open("highscores.txt")
print(file.read())
