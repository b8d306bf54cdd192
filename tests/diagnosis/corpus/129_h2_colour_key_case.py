import pygame
pygame.init()
screen = pygame.display.set_mode((300, 300))
clock = pygame.time.Clock()
colours = {"red": (255, 0, 0), "blue": (0, 0, 255)}
running = True
while running:
    for event in pygame.event.get():
        if event.type == pygame.QUIT:
            running = False
    screen.fill(colours["Red"])
    pygame.display.flip()
    clock.tick(60)
