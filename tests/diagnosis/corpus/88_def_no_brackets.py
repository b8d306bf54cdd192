def jump:
    print("Boing!")

jump()
