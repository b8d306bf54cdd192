temperature = 30
if temperature > 25:
    print("Hot!")
  else:
    print("Nice.")
