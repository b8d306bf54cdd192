import pygame

pygame.init()
WIDTH, HEIGHT = 480, 320
screen = pygame.display.set_mode((WIDTH, HEIGHT))
clock = pygame.time.Clock()


class Player:
    def __init__(self):
        self.rect = pygame.Rect(200, 250, 40, 40)

    def update(self):
        keys = pygame.key.get_pressed()
        if keys[pygame.K_LEFT]:
            self.rect.x -= 5
        if keys[pygame.K_RIGHT]:
            self.rect.x += 5

    def draw(self, surface):
        pygame.draw.rect(surface, (0, 200, 255), self.rect)


player = Player()
running = True
while running:
    for event in pygame.event.get():
        if event.type == pygame.QUIT:
            running = False
        elif event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            running = False
    player.update()
    screen.fill("black")
    player.draw(screen)
    pygame.display.flip()
    clock.tick(60)
pygame.quit()
