# My jumping game (written by a child, no SETTINGS block)
import random
import pygame

WIDTH = 600
HEIGHT = 400
PLAYER_SPEED = 5
ENEMY_SPEED = 3
ENEMY_COUNT = 3
JUMP_POWER = 12
GRAVITY = 1
PLAYER_COLOR = (255, 0, 0)
BG_COLOR = (0, 0, 0)

pygame.init()
screen = pygame.display.set_mode((WIDTH, HEIGHT))
clock = pygame.time.Clock()
player = pygame.Rect(50, HEIGHT - 40, 30, 30)
speed_y = 0
enemies = [pygame.Rect(random.randint(0, WIDTH - 20), -40 * i, 20, 20) for i in range(ENEMY_COUNT)]

running = True
while running:
    for event in pygame.event.get():
        if event.type == pygame.QUIT:
            running = False
        if event.type == pygame.KEYDOWN and event.key == pygame.K_SPACE and player.bottom >= HEIGHT:
            speed_y = -JUMP_POWER
    keys = pygame.key.get_pressed()
    if keys[pygame.K_LEFT]:
        player.x -= PLAYER_SPEED
    if keys[pygame.K_RIGHT]:
        player.x += PLAYER_SPEED
    speed_y += GRAVITY
    player.y = min(player.y + speed_y, HEIGHT - player.height)
    for enemy in enemies:
        enemy.y += ENEMY_SPEED
        if enemy.top > HEIGHT:
            enemy.topleft = (random.randint(0, WIDTH - 20), -20)
    screen.fill(BG_COLOR)
    pygame.draw.rect(screen, PLAYER_COLOR, player)
    for enemy in enemies:
        pygame.draw.rect(screen, (0, 255, 0), enemy)
    pygame.display.flip()
    clock.tick(60)
pygame.quit()
