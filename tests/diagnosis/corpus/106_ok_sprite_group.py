import pygame
import random

pygame.init()
screen = pygame.display.set_mode((400, 300))
clock = pygame.time.Clock()


class Star(pygame.sprite.Sprite):
    def __init__(self):
        super().__init__()
        self.image = pygame.Surface((4, 4))
        self.image.fill((255, 255, 255))
        self.rect = self.image.get_rect(center=(random.randint(0, 400), 0))

    def update(self):
        self.rect.y += 3
        if self.rect.top > 300:
            self.kill()


stars = pygame.sprite.Group()
running = True
while running:
    for event in pygame.event.get():
        if event.type == pygame.QUIT:
            running = False
    stars.add(Star())
    stars.update()
    screen.fill((0, 0, 20))
    stars.draw(screen)
    pygame.display.flip()
    clock.tick(60)
pygame.quit()
