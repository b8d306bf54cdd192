import pygame
import sys

pygame.init()
screen = pygame.display.set_mode((500, 400))
clock = pygame.time.Clock()
ball = pygame.Rect(10, 10, 20, 20)
speed = [3, 2]


def handle_events():
    for event in pygame.event.get():
        if event.type == pygame.QUIT:
            pygame.quit()
            sys.exit()


def draw():
    screen.fill((10, 10, 40))
    pygame.draw.ellipse(screen, (255, 200, 0), ball)
    pygame.display.update()


while True:
    handle_events()
    ball.move_ip(speed)
    if ball.left < 0 or ball.right > 500:
        speed[0] = -speed[0]
    if ball.top < 0 or ball.bottom > 400:
        speed[1] = -speed[1]
    draw()
    clock.tick(60)
