import pygame
pygame.init()
screen = pygame.display.set_mode((600, 400))
x = 0
running = True
while running:
    for event in pygame.event.get():
        if event.type == pygame.QUIT:
            running = False
    x = x + 1
    screen.fill((0, 0, 0))
    pygame.draw.circle(screen, (255, 255, 0), (x, 200), 25)
    pygame.display.flip()
