def say_hi(name)
    print("Hi " + name + "!")

say_hi("Mia")
