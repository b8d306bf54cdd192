# Space shooter: move with the arrow keys, shoot the rocks with SPACE.
import random
import pygame

pygame.init()
screen = pygame.display.set_mode((600, 400))
pygame.display.set_caption("Space shooter")
clock = pygame.time.Clock()
font = pygame.font.Font(None, 36)

ship = pygame.Rect(280, 350, 40, 30)
bullets = []  # each bullet is a small rectangle
rocks = []    # each rock is a rectangle too
score = 0
lives = 3
timer = 0

running = True
while running:
    for event in pygame.event.get():
        if event.type == pygame.QUIT:
            running = False
        if event.type == pygame.KEYDOWN and event.key == pygame.K_SPACE and lives > 0:
            bullets.append(pygame.Rect(ship.centerx - 2, ship.top, 4, 12))

    if lives > 0:
        keys = pygame.key.get_pressed()
        if keys[pygame.K_LEFT] and ship.left > 0:
            ship.x = ship.x - 6
        if keys[pygame.K_RIGHT] and ship.right < 600:
            ship.x = ship.x + 6

        # A new rock every 40 frames
        timer = timer + 1
        if timer % 40 == 0:
            rocks.append(pygame.Rect(random.randint(0, 570), -30, 30, 30))

        # Move bullets up and rocks down (we loop over a copy, [:], so we can remove)
        for bullet in bullets[:]:
            bullet.y = bullet.y - 8
            if bullet.bottom < 0:
                bullets.remove(bullet)
        for rock in rocks[:]:
            rock.y = rock.y + 3
            if rock.colliderect(ship) or rock.top > 400:
                rocks.remove(rock)
                lives = lives - 1
            elif rock.collidelist(bullets) != -1:
                bullets.pop(rock.collidelist(bullets))
                rocks.remove(rock)
                score = score + 1

    screen.fill((0, 0, 20))
    # The ship is a triangle: three corner points
    pygame.draw.polygon(screen, (0, 200, 255), [(ship.centerx, ship.top), ship.bottomleft, ship.bottomright])
    for bullet in bullets:
        pygame.draw.rect(screen, (255, 255, 0), bullet)
    for rock in rocks:
        pygame.draw.circle(screen, (150, 110, 80), rock.center, 15)
    text = font.render("Score: " + str(score) + "   Lives: " + str(lives), True, (255, 255, 255))
    screen.blit(text, (10, 10))
    if lives <= 0:
        screen.blit(font.render("Game over!", True, (255, 80, 80)), (230, 180))

    pygame.display.flip()
    clock.tick(60)

pygame.quit()
