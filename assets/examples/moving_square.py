# Moving square: use the arrow keys to move the square around.
import pygame

pygame.init()
screen = pygame.display.set_mode((600, 400))
pygame.display.set_caption("Moving square")
clock = pygame.time.Clock()
font = pygame.font.Font(None, 36)

# Where the square is, and how fast it moves
x = 280
y = 180
speed = 5
steps = 0

running = True
while running:
    # Look at what happened: did someone close the window?
    for event in pygame.event.get():
        if event.type == pygame.QUIT:
            running = False
        # R puts the square back where it started
        if event.type == pygame.KEYDOWN and event.key == pygame.K_r:
            x = 280
            y = 180
            steps = 0

    # Which keys are held down right now?
    keys = pygame.key.get_pressed()
    if keys[pygame.K_LEFT]:
        x = x - speed
        steps = steps + 1
    if keys[pygame.K_RIGHT]:
        x = x + speed
        steps = steps + 1
    if keys[pygame.K_UP]:
        y = y - speed
        steps = steps + 1
    if keys[pygame.K_DOWN]:
        y = y + speed
        steps = steps + 1

    # Keep the square inside the window
    x = max(0, min(x, 600 - 40))
    y = max(0, min(y, 400 - 40))

    # Draw: first clear the screen, then the square, then the text
    screen.fill((30, 30, 60))
    pygame.draw.rect(screen, (255, 200, 0), (x, y, 40, 40))
    text = font.render("Steps: " + str(steps), True, (255, 255, 255))
    screen.blit(text, (10, 10))

    # Show the new picture, and wait so we get 60 pictures each second
    pygame.display.flip()
    clock.tick(60)

pygame.quit()
