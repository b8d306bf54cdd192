import pygame
pygame.init()

screen = pygame.display.set_mode((600, 400))
pygame.display.set_caption("My Game")
clock = pygame.time.Clock()

x = 100
score = 0
font = pygame.font.Font(None, 40)
WHITE = (255, 255, 255)
running = True
while running:
    for event in pygame.event.get():
        if event.type == pygame.QUIT:
            running = False
    score += 1
    screen.fill((0, 0, 0))
    text = font.render(score, True, WHITE)
    screen.blit(text, (10, 10))
    pygame.display.flip()
    clock.tick(60)

pygame.quit()
