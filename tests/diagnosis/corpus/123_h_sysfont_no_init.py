import pygame
screen = pygame.display.set_mode((400, 300))
font = pygame.font.SysFont("Arial", 30)
clock = pygame.time.Clock()
running = True
while running:
    for event in pygame.event.get():
        if event.type == pygame.QUIT:
            running = False
    screen.fill((0, 0, 0))
    screen.blit(font.render("Hi", True, (255, 255, 255)), (10, 10))
    pygame.display.flip()
    clock.tick(60)
