import sys
import pygame

pygame.init()
screen = pygame.display.set_mode((40, 30))
for i in range(5):
    screen.fill((i, i, i))
    pygame.display.update()
pygame.quit()
sys.exit()
