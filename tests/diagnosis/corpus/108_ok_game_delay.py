import pygame
pygame.init()
screen = pygame.display.set_mode((300, 300))
size = 10
growing = True
done = False
while not done:
    for event in pygame.event.get():
        if event.type == pygame.QUIT:
            done = True
    size = size + 1 if growing else size - 1
    if size > 100 or size < 10:
        growing = not growing
    screen.fill((0, 0, 0))
    pygame.draw.circle(screen, (200, 0, 200), (150, 150), size)
    pygame.display.update()
    pygame.time.delay(16)
pygame.quit()
