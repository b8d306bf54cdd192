# Uses the mixer the way children do; must run on a machine without a sound card.
import pygame

pygame.init()
pygame.mixer.init()
screen = pygame.display.set_mode((50, 50))
beep = pygame.mixer.Sound(buffer=bytes(800))
beep.play()
clock = pygame.time.Clock()
for _ in range(1000):
    for event in pygame.event.get():
        pass
    screen.fill((10, 200, 10))
    pygame.display.flip()
    clock.tick(60)
