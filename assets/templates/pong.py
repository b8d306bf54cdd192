# Pong for two players: the left player uses W and S, the right player uses the UP and DOWN arrows.
import math
import pygame

# ---- SETTINGS: change these values to make the game your own! ----
TITLE = "Pong"
PLAYER_NAME = "left"
PLAYER_COLOUR = (255, 80, 80)  # the left paddle (red, green, blue)
PLAYER2_NAME = "right"
PLAYER2_COLOUR = (80, 160, 255)  # the right paddle (red, green, blue)
THING_NAME = "ball"
THING_PICTURE = "images/ball.png"  # a picture file, or "" to draw the shape instead
THING_SHAPE = "circle"  # circle, square, triangle, diamond, star or oval
THING_COLOUR = (255, 255, 255)  # (red, green, blue), each from 0 to 255
BACKGROUND = (0, 0, 0)  # the colour of the background
SPEED = 5  # how fast the ball moves
PADDLE_SPEED = 6  # how fast the paddles move
WIN_SCORE = 5  # the first player with this many points wins
WIN_TEXT = "wins!"
SERVE_TEXT = "Press SPACE to throw the ball"
RESTART_TEXT = "Press R to play again"
# ---- END OF SETTINGS ----

pygame.init()
screen = pygame.display.set_mode((600, 400))
pygame.display.set_caption(TITLE)
clock = pygame.time.Clock()
font = pygame.font.Font(None, 48)
small_font = pygame.font.Font(None, 24)


def load_picture(file, size):
    """The picture in a file, made size x size pixels; None when there is no such file (then we draw a shape)."""
    try:
        picture = pygame.image.load(file).convert_alpha()
    except (FileNotFoundError, pygame.error):
        return None
    return pygame.transform.smoothscale(picture, (size, size))


def draw_shape(surface, shape, colour, rect, picture=None):
    """Draw one thing on the surface: its picture, or a circle, square, triangle, diamond, star or oval."""
    x, y, w, h = rect
    if picture:
        surface.blit(picture, picture.get_rect(center=(x + w // 2, y + h // 2)))
    elif shape == "circle":
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


# The pictures are loaded once, before the game loop
thing_picture = load_picture(THING_PICTURE, 20)

left = pygame.Rect(20, 160, 14, 80)
right = pygame.Rect(566, 160, 14, 80)
ball = pygame.Rect(290, 190, 20, 20)
speed_x = SPEED
speed_y = SPEED * 0.6
waiting = True  # the ball waits in the middle until someone presses SPACE
left_score = 0
right_score = 0
winner = ""

running = True
while running:
    for event in pygame.event.get():
        if event.type == pygame.QUIT:
            running = False
        if event.type == pygame.KEYDOWN and event.key == pygame.K_SPACE:
            waiting = False
        if event.type == pygame.KEYDOWN and event.key == pygame.K_r and winner != "":  # R: play again
            left_score = 0
            right_score = 0
            winner = ""
            waiting = True

    if winner == "":
        keys = pygame.key.get_pressed()
        if keys[pygame.K_w] and left.top > 0:
            left.y -= PADDLE_SPEED
        if keys[pygame.K_s] and left.bottom < 400:
            left.y += PADDLE_SPEED
        if keys[pygame.K_UP] and right.top > 0:
            right.y -= PADDLE_SPEED
        if keys[pygame.K_DOWN] and right.bottom < 400:
            right.y += PADDLE_SPEED

    if winner == "" and not waiting:
        ball.x += speed_x
        ball.y += speed_y
        if ball.top <= 0 or ball.bottom >= 400:  # bounce off the top and bottom
            speed_y = -speed_y
        if ball.colliderect(left) and speed_x < 0:
            speed_x = -speed_x
        if ball.colliderect(right) and speed_x > 0:
            speed_x = -speed_x
        if ball.right < 0:  # the left player missed
            right_score += 1
            ball.center = (300, 200)
            waiting = True
        if ball.left > 600:  # the right player missed
            left_score += 1
            ball.center = (300, 200)
            waiting = True
        if left_score >= WIN_SCORE:
            winner = PLAYER_NAME
        if right_score >= WIN_SCORE:
            winner = PLAYER2_NAME
        if winner != "":  # the game has just ended: say so in the console too
            print(winner, WIN_TEXT, left_score, "-", right_score)

    screen.fill(BACKGROUND)
    pygame.draw.line(screen, (90, 90, 90), (300, 0), (300, 400), 2)
    pygame.draw.rect(screen, PLAYER_COLOUR, left)
    pygame.draw.rect(screen, PLAYER2_COLOUR, right)
    draw_shape(screen, THING_SHAPE, THING_COLOUR, ball, thing_picture)
    screen.blit(font.render(str(left_score) + "   " + str(right_score), True, (255, 255, 255)), (250, 10))
    screen.blit(small_font.render(PLAYER_NAME, True, PLAYER_COLOUR), (10, 10))
    screen.blit(small_font.render(PLAYER2_NAME, True, PLAYER2_COLOUR), (500, 10))
    if winner != "":
        end_text = font.render(winner + " " + WIN_TEXT, True, (255, 255, 100))
        screen.blit(end_text, end_text.get_rect(center=(300, 180)))
        restart_text = font.render(RESTART_TEXT, True, (255, 255, 255))
        screen.blit(restart_text, restart_text.get_rect(center=(300, 220)))
    elif waiting:
        serve_text = font.render(SERVE_TEXT, True, (255, 255, 255))
        screen.blit(serve_text, serve_text.get_rect(center=(300, 260)))

    pygame.display.flip()
    clock.tick(60)

pygame.quit()
