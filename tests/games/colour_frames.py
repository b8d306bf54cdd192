# Each frame is filled with a colour made from its frame number, so a test can
# tell frames apart and spot a torn one (two colours in one frame).
import pygame

pygame.init()
screen = pygame.display.set_mode((64, 48))
pygame.display.set_caption("Colour frames")
frame = 0
while True:
    for event in pygame.event.get():
        if event.type == pygame.QUIT:
            pygame.quit()
            raise SystemExit
    frame += 1
    screen.fill((frame % 256, (frame // 256) % 256, 7))
    pygame.display.flip()
