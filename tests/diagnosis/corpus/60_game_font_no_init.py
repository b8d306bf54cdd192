import pygame
screen = pygame.display.set_mode((400, 300))
font = pygame.font.Font(None, 36)
clock = pygame.time.Clock()
running = True
while running:
    for event in pygame.event.get():
        if event.type == pygame.QUIT:
            running = False
    screen.fill((0, 0, 0))
    text = font.render("Hello", True, (255, 255, 255))
    screen.blit(text, (20, 20))
    pygame.display.flip()
    clock.tick(60)
