print(“Hello from my first program”)
print('bye')
