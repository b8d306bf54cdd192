import pygame
pygame.init()

screen = pygame.display.set_mode((600, 400))
pygame.display.set_caption("My Game")
clock = pygame.time.Clock()

x = 100
player = pygame.Surface((30, 30))
player.fill((0, 255, 0))
running = True
while running:
    for event in pygame.event.get():
        if event.type == pygame.QUIT:
            running = False
    screen.fill((0, 0, 0))
    screen.blit(player, x, 300)
    pygame.display.flip()
    clock.tick(60)

pygame.quit()
