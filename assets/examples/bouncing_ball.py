# Bouncing ball: the ball bounces off the walls. Press SPACE to make it faster!
import pygame

pygame.init()
screen = pygame.display.set_mode((600, 400))
pygame.display.set_caption("Bouncing ball")
clock = pygame.time.Clock()
font = pygame.font.Font(None, 36)

# The ball: where it is, how big it is, and how it moves
ball_x = 300
ball_y = 200
radius = 20
speed_x = 4
speed_y = 3
bounces = 0

running = True
while running:
    for event in pygame.event.get():
        if event.type == pygame.QUIT:
            running = False
        # SPACE makes the ball a little faster
        if event.type == pygame.KEYDOWN and event.key == pygame.K_SPACE:
            speed_x = speed_x * 1.2
            speed_y = speed_y * 1.2
        # R starts again: the ball goes back to the middle, at its first speed
        if event.type == pygame.KEYDOWN and event.key == pygame.K_r:
            ball_x = 300
            ball_y = 200
            speed_x = 4
            speed_y = 3
            bounces = 0

    # Move the ball a little bit
    ball_x = ball_x + speed_x
    ball_y = ball_y + speed_y

    # Hit the left or right wall? Turn around!
    if ball_x < radius or ball_x > 600 - radius:
        speed_x = -speed_x
        ball_x = max(radius, min(ball_x, 600 - radius))
        bounces = bounces + 1
    # Hit the top or bottom wall? Turn around!
    if ball_y < radius or ball_y > 400 - radius:
        speed_y = -speed_y
        ball_y = max(radius, min(ball_y, 400 - radius))
        bounces = bounces + 1

    screen.fill((20, 40, 30))
    pygame.draw.circle(screen, (255, 90, 90), (int(ball_x), int(ball_y)), radius)
    text = font.render("Bounces: " + str(bounces), True, (255, 255, 255))
    screen.blit(text, (10, 10))

    pygame.display.flip()
    clock.tick(60)

pygame.quit()
