nums = [4, 8, 15]
print(nums[-4])
