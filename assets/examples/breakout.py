# Breakout: move the paddle with the arrow keys and break all the bricks.
import pygame

pygame.init()
screen = pygame.display.set_mode((600, 400))
pygame.display.set_caption("Breakout")
clock = pygame.time.Clock()
font = pygame.font.Font(None, 36)

paddle = pygame.Rect(250, 370, 100, 12)
ball = pygame.Rect(295, 300, 12, 12)
speed_x = 4
speed_y = -4
score = 0



def make_wall():
    """The wall: 4 rows of 10 bricks."""
    bricks = []
    for row in range(4):
        for col in range(10):
            bricks.append(pygame.Rect(col * 60 + 2, row * 22 + 40, 56, 18))
    return bricks


bricks = make_wall()

running = True
while running:
    for event in pygame.event.get():
        if event.type == pygame.QUIT:
            running = False
        # R starts again with a new wall
        if event.type == pygame.KEYDOWN and event.key == pygame.K_r:
            bricks = make_wall()
            score = 0
            ball.center = (300, 300)
            speed_y = -4

    keys = pygame.key.get_pressed()
    if keys[pygame.K_LEFT] and paddle.left > 0:
        paddle.x = paddle.x - 7
    if keys[pygame.K_RIGHT] and paddle.right < 600:
        paddle.x = paddle.x + 7

    # Move the ball and bounce off the walls
    ball.x = ball.x + speed_x
    ball.y = ball.y + speed_y
    if ball.left <= 0 or ball.right >= 600:
        speed_x = -speed_x
    if ball.top <= 0:
        speed_y = -speed_y
    if ball.colliderect(paddle) and speed_y > 0:
        speed_y = -speed_y

    # Did the ball hit a brick? Then the brick breaks!
    hit = ball.collidelist(bricks)
    if hit != -1:
        bricks.pop(hit)
        speed_y = -speed_y
        score = score + 10
        if len(bricks) == 0:
            print("You win! Score: " + str(score))

    # The ball fell down: start again from the middle
    if ball.top > 400:
        ball.center = (300, 300)
        speed_y = -4

    screen.fill((10, 10, 30))
    pygame.draw.rect(screen, (200, 200, 255), paddle)
    pygame.draw.ellipse(screen, (255, 255, 255), ball)
    for brick in bricks:
        pygame.draw.rect(screen, (255, 120, 40), brick)
    text = font.render("Score: " + str(score), True, (255, 255, 255))
    screen.blit(text, (10, 8))
    if len(bricks) == 0:
        screen.blit(font.render("You win!", True, (255, 255, 0)), (250, 180))
        screen.blit(font.render("Press R to play again", True, (255, 255, 255)), (170, 220))

    pygame.display.flip()
    clock.tick(60)

pygame.quit()
