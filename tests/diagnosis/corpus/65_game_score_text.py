import pygame
pygame.init()

screen = pygame.display.set_mode((600, 400))
pygame.display.set_caption("My Game")
clock = pygame.time.Clock()

x = 100
score = 0
font = pygame.font.Font(None, 40)
running = True
while running:
    for event in pygame.event.get():
        if event.type == pygame.QUIT:
            running = False
    score = score + 1
    screen.fill((0, 0, 0))
    label = font.render("Score: " + score, True, (255, 255, 255))
    screen.blit(label, (10, 10))
    pygame.display.flip()
    clock.tick(60)

pygame.quit()
