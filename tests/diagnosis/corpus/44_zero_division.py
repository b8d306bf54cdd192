scores = []
average = sum(scores) / len(scores)
print(average)
