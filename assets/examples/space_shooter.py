# Space shooter: move with the arrow keys, shoot the aliens with SPACE.
import random
import pygame

pygame.init()
screen = pygame.display.set_mode((600, 400))
pygame.display.set_caption("Space shooter")
clock = pygame.time.Clock()
font = pygame.font.Font(None, 36)

# Pictures and sounds are loaded once, before the game loop
rocket_picture = pygame.image.load("images/rocket.png").convert_alpha()
rocket_picture = pygame.transform.scale(rocket_picture, (50, 50))
alien_picture = pygame.image.load("images/alien.png").convert_alpha()
alien_picture = pygame.transform.scale(alien_picture, (36, 36))
laser_sound = pygame.mixer.Sound("sounds/laser.wav")
boom_sound = pygame.mixer.Sound("sounds/explosion.wav")

ship = pygame.Rect(275, 340, 50, 50)
bullets = []  # each bullet is a small rectangle
aliens = []   # each alien is a rectangle too
score = 0
lives = 5
timer = 0

running = True
while running:
    for event in pygame.event.get():
        if event.type == pygame.QUIT:
            running = False
        if event.type == pygame.KEYDOWN and event.key == pygame.K_SPACE and lives > 0:
            bullets.append(pygame.Rect(ship.centerx - 2, ship.top, 4, 12))
            laser_sound.play()
        # After the game is over, R starts a new game
        if event.type == pygame.KEYDOWN and event.key == pygame.K_r and lives == 0:
            score = 0
            lives = 5
            timer = 0

    if lives > 0:
        keys = pygame.key.get_pressed()
        if keys[pygame.K_LEFT] and ship.left > 0:
            ship.x = ship.x - 6
        if keys[pygame.K_RIGHT] and ship.right < 600:
            ship.x = ship.x + 6

        # A new alien every 60 frames (one each second)
        timer = timer + 1
        if timer % 60 == 0:
            aliens.append(pygame.Rect(random.randint(0, 564), -36, 36, 36))

        # Move bullets up and aliens down (we loop over a copy, [:], so we can remove)
        for bullet in bullets[:]:
            bullet.y = bullet.y - 8
            if bullet.bottom < 0:
                bullets.remove(bullet)
        for alien in aliens[:]:
            alien.y = alien.y + 2 + score // 10  # faster and faster as you score
            if alien.colliderect(ship) or alien.top > 400:
                aliens = []  # ouch! all the aliens fly away and you start again
                lives = lives - 1
                boom_sound.play()
                if lives == 0:
                    print("Game over! Score: " + str(score))
                break
            if alien.collidelist(bullets) != -1:
                bullets.pop(alien.collidelist(bullets))
                aliens.remove(alien)
                boom_sound.play()
                score = score + 1

    screen.fill((0, 0, 20))
    screen.blit(rocket_picture, ship)
    for bullet in bullets:
        pygame.draw.rect(screen, (255, 255, 0), bullet)
    for alien in aliens:
        screen.blit(alien_picture, alien)
    text = font.render("Score: " + str(score) + "   Lives: " + str(lives), True, (255, 255, 255))
    screen.blit(text, (10, 10))
    if lives == 0:
        screen.blit(font.render("Game over!", True, (255, 80, 80)), (240, 160))
        screen.blit(font.render("Press R to play again", True, (255, 255, 255)), (170, 200))

    pygame.display.flip()
    clock.tick(60)

pygame.quit()
