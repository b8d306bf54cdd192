# Blue while no key is held; red while SPACE is held (key.get_pressed);
# a green bar at the top once any KEYDOWN event arrived; the mouse position is a white dot.
import pygame

pygame.init()
screen = pygame.display.set_mode((100, 80))
clock = pygame.time.Clock()
got_keydown = False
clicks = 0
while True:
    for event in pygame.event.get():
        if event.type == pygame.QUIT:
            pygame.quit()
            raise SystemExit
        if event.type == pygame.KEYDOWN:
            got_keydown = True
        if event.type == pygame.MOUSEBUTTONDOWN:
            clicks += 1
    keys = pygame.key.get_pressed()
    screen.fill((255, 0, 0) if keys[pygame.K_SPACE] else (0, 0, 255))
    if got_keydown:
        pygame.draw.rect(screen, (0, 255, 0), (0, 0, 100, 5))
    if clicks:
        pygame.draw.rect(screen, (255, 255, 0), (0, 75, 100, 5))
    screen.set_at(pygame.mouse.get_pos(), (255, 255, 255))
    pygame.display.flip()
    clock.tick(60)
