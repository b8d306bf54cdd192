import pygame
pygame.init()

screen = pygame.display.set_mode((600, 400))
pygame.display.set_caption("My Game")
clock = pygame.time.Clock()

x = 100
enemies = [50, 150, 250]
running = True
while running:
    for event in pygame.event.get():
        if event.type == pygame.QUIT:
            running = False
    screen.fill((0, 0, 0))
    boss = enemies[3]
    pygame.display.flip()
    clock.tick(60)

pygame.quit()
