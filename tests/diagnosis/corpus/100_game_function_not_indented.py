import pygame
pygame.init()
screen = pygame.display.set_mode((400, 400))

def draw_player():
pygame.draw.rect(screen, (0, 0, 255), (100, 100, 50, 50))

running = True
while running:
    for event in pygame.event.get():
        if event.type == pygame.QUIT:
            running = False
    screen.fill((0, 0, 0))
    draw_player()
    pygame.display.flip()
