score = 55
if score > 90:
    print("Gold")
elif score > 50
    print("Silver")
else:
    print("Bronze")
