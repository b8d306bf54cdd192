import pygame
pygame.init()
screen = pygame.display.set_mode((400, 300))
background = pygame.Surface((400, 300))
background.fill((0, 100, 0))
clock = pygame.time.Clock()
y = 0
done = False
while not done:
    for event in pygame.event.get():
        if event.type == pygame.QUIT:
            done = True
    y = (y + 4) % 300
    screen.blit(background, (0, 0))
    pygame.draw.circle(screen, (255, 255, 255), (200, y), 10)
    pygame.display.flip()
    clock.tick(30)
pygame.quit()
