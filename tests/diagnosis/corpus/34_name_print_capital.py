name = "Zoe"
Print("Hi " + name)
