# Pong: you are the left paddle (W and S keys). The computer is the right paddle.
import pygame

pygame.init()
screen = pygame.display.set_mode((600, 400))
pygame.display.set_caption("Pong")
clock = pygame.time.Clock()
font = pygame.font.Font(None, 48)

left = pygame.Rect(20, 160, 12, 80)
right = pygame.Rect(568, 160, 12, 80)
ball = pygame.Rect(290, 190, 16, 16)
speed_x = 5
speed_y = 3
my_score = 0
computer_score = 0

running = True
while running:
    for event in pygame.event.get():
        if event.type == pygame.QUIT:
            running = False
        # R starts again from 0 - 0
        if event.type == pygame.KEYDOWN and event.key == pygame.K_r:
            my_score = 0
            computer_score = 0
            ball.center = (300, 200)

    # Your paddle: W goes up, S goes down
    keys = pygame.key.get_pressed()
    if keys[pygame.K_w] and left.top > 0:
        left.y = left.y - 6
    if keys[pygame.K_s] and left.bottom < 400:
        left.y = left.y + 6

    # The computer paddle follows the ball, a bit slowly
    if right.centery < ball.centery:
        right.y = right.y + 4
    if right.centery > ball.centery:
        right.y = right.y - 4

    # Move the ball and bounce off the top and bottom
    ball.x = ball.x + speed_x
    ball.y = ball.y + speed_y
    if ball.top <= 0 or ball.bottom >= 400:
        speed_y = -speed_y

    # Bounce off the paddles
    if ball.colliderect(left) and speed_x < 0:
        speed_x = -speed_x
    if ball.colliderect(right) and speed_x > 0:
        speed_x = -speed_x

    # Someone missed: give a point and put the ball back in the middle
    if ball.left < 0:
        computer_score = computer_score + 1
        ball.center = (300, 200)
    if ball.right > 600:
        my_score = my_score + 1
        ball.center = (300, 200)

    screen.fill((0, 0, 0))
    pygame.draw.line(screen, (80, 80, 80), (300, 0), (300, 400), 2)
    pygame.draw.rect(screen, (255, 255, 255), left)
    pygame.draw.rect(screen, (255, 255, 255), right)
    pygame.draw.ellipse(screen, (255, 255, 0), ball)
    text = font.render(str(my_score) + "   " + str(computer_score), True, (255, 255, 255))
    screen.blit(text, (255, 10))

    pygame.display.flip()
    clock.tick(60)

pygame.quit()
