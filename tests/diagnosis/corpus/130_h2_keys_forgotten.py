import pygame
pygame.init()
screen = pygame.display.set_mode((300, 300))
clock = pygame.time.Clock()
y = 150
running = True
while running:
    for event in pygame.event.get():
        if event.type == pygame.QUIT:
            running = False
    if keys[pygame.K_UP]:
        y -= 5
    screen.fill((0, 0, 0))
    pygame.draw.circle(screen, (255, 255, 0), (150, y), 10)
    pygame.display.flip()
    clock.tick(60)
