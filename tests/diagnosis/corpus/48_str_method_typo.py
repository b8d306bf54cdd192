word = "hello"
print(word.uper())
