import pygame
pygame.init()
screen = pygame.display.set_mode((400, 300))
clock = pygame.time.Clock()
x = 0
running = True
while running:
    for event in pygame.event.get():
        if event.type == pygame.QUIT:
            running = False
        pygame.display.flip()
    x += 1
    screen.fill((0, 0, 0))
    pygame.draw.rect(screen, (255, 0, 0), (x, 100, 20, 20))
    clock.tick(60)
