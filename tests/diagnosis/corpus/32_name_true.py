playing = true
if playing:
    print("Let's go!")
