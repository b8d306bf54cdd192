total = 0
for n in range(1, 11):
    total = total + n
print("1 + 2 + ... + 10 =", total)
countdown = 3
while countdown > 0:
    print(countdown)
    countdown -= 1
print("Go!")
