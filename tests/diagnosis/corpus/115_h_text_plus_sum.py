print("The answer is: " + 6 * 7)
