# Breakout: bounce the ball with your paddle and break every brick.
import math
import pygame

# ---- SETTINGS: change these values to make the game your own! ----
TITLE = "Breakout"
PLAYER_NAME = "paddle"
PLAYER_COLOUR = (200, 200, 255)  # the paddle (red, green, blue)
THING_NAME = "brick"
THING_SHAPE = "square"  # the bricks: circle, square, triangle, diamond, star or oval
THING_COLOUR = (255, 120, 40)  # (red, green, blue), each from 0 to 255
BALL_COLOUR = (255, 255, 255)  # (red, green, blue), each from 0 to 255
BACKGROUND = (10, 10, 30)  # the colour of the background
SPEED = 4  # how fast the ball moves
PADDLE_SPEED = 7  # how fast the paddle moves
COUNT = 4  # how many rows of bricks
LIVES = 3  # how many balls you have
CONTROLS = "arrows"  # "arrows" or "wasd"
SCORE_TEXT = "Score"
LIVES_TEXT = "Lives"
WIN_TEXT = "You win!"
LOSE_TEXT = "Game over!"
SERVE_TEXT = "Press SPACE to throw the ball"
RESTART_TEXT = "Press R to play again"
# ---- END OF SETTINGS ----

pygame.init()
screen = pygame.display.set_mode((600, 400))
pygame.display.set_caption(TITLE)
clock = pygame.time.Clock()
font = pygame.font.Font(None, 32)


def draw_shape(surface, shape, colour, rect):
    """Draw one thing on the surface: a circle, square, triangle, diamond, star or oval."""
    x, y, w, h = rect
    if shape == "circle":
        pygame.draw.circle(surface, colour, (x + w // 2, y + h // 2), min(w, h) // 2)
    elif shape == "oval":
        pygame.draw.ellipse(surface, colour, (x, y + h // 5, w, h - 2 * (h // 5)))  # wider than tall
    elif shape == "triangle":
        pygame.draw.polygon(surface, colour, [(x + w // 2, y), (x, y + h), (x + w, y + h)])
    elif shape == "diamond":
        pygame.draw.polygon(surface, colour, [(x + w // 2, y), (x + w, y + h // 2), (x + w // 2, y + h), (x, y + h // 2)])
    elif shape == "star":
        points = []
        for i in range(10):
            size = min(w, h) / (2 if i % 2 == 0 else 5)
            angle = math.pi * i / 5 - math.pi / 2
            points.append((x + w / 2 + size * math.cos(angle), y + h / 2 + size * math.sin(angle)))
        pygame.draw.polygon(surface, colour, points)
    else:  # a square, or a shape this game does not know
        pygame.draw.rect(surface, colour, rect)


def new_wall():
    """Build the wall: COUNT rows of 10 bricks"""
    return [pygame.Rect(c * 60 + 4, r * 26 + 44, 52, 22) for r in range(COUNT) for c in range(10)]


LEFT = pygame.K_a if CONTROLS == "wasd" else pygame.K_LEFT
RIGHT = pygame.K_d if CONTROLS == "wasd" else pygame.K_RIGHT
paddle = pygame.Rect(250, 370, 100, 12)
ball = pygame.Rect(295, 300, 14, 14)
speed_x = SPEED
speed_y = -SPEED
waiting = True  # the ball waits on the paddle until you press SPACE
score = 0
lives = LIVES
bricks = new_wall()

running = True
while running:
    game_over = lives <= 0 or not bricks
    for event in pygame.event.get():
        if event.type == pygame.QUIT:
            running = False
        if event.type == pygame.KEYDOWN and event.key == pygame.K_SPACE and waiting:
            waiting = False  # throw the ball up
            speed_y = -SPEED
        if event.type == pygame.KEYDOWN and event.key == pygame.K_r and game_over:  # R: play again
            bricks = new_wall()
            score = 0
            lives = LIVES
            waiting = True

    if not game_over:
        keys = pygame.key.get_pressed()
        if keys[LEFT] and paddle.left > 0:
            paddle.x -= PADDLE_SPEED
        if keys[RIGHT] and paddle.right < 600:
            paddle.x += PADDLE_SPEED
        if waiting:
            ball.midbottom = paddle.midtop  # the ball rides on the paddle
        else:
            ball.x += speed_x
            ball.y += speed_y
            if ball.left <= 0 or ball.right >= 600:  # bounce off the sides
                speed_x = -speed_x
            if ball.top <= 0:  # bounce off the top
                speed_y = abs(speed_y)
            if ball.colliderect(paddle) and speed_y > 0:
                speed_y = -speed_y
            hit = ball.collidelist(bricks)
            if hit != -1:  # the ball broke a brick!
                bricks.pop(hit)
                speed_y = -speed_y
                score += 10
            if ball.top > 400:  # the ball fell down
                lives -= 1
                waiting = True
            if lives <= 0 or not bricks:  # the game has just ended: say so in the console too
                print(LOSE_TEXT if lives <= 0 else WIN_TEXT, SCORE_TEXT + ":", score)

    screen.fill(BACKGROUND)
    pygame.draw.rect(screen, PLAYER_COLOUR, paddle)
    pygame.draw.ellipse(screen, BALL_COLOUR, ball)
    for brick in bricks:
        draw_shape(screen, THING_SHAPE, THING_COLOUR, brick)
    text = SCORE_TEXT + ": " + str(score) + "   " + LIVES_TEXT + ": " + str(lives)
    screen.blit(font.render(text, True, (255, 255, 255)), (10, 10))
    if game_over:
        pygame.draw.rect(screen, (0, 0, 0), (80, 205, 440, 100), border_radius=12)  # a dark box: easy to read
        end_text = font.render(LOSE_TEXT if lives <= 0 else WIN_TEXT, True, (255, 255, 100))
        screen.blit(end_text, end_text.get_rect(center=(300, 240)))
        restart_text = font.render(RESTART_TEXT, True, (255, 255, 255))
        screen.blit(restart_text, restart_text.get_rect(center=(300, 280)))
    elif waiting:
        serve_text = font.render(SERVE_TEXT, True, (255, 255, 255))
        screen.blit(serve_text, serve_text.get_rect(center=(300, 280)))

    pygame.display.flip()
    clock.tick(60)

pygame.quit()
