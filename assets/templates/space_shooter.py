# Space shooter: fly left and right, press SPACE to shoot the things that come down.
import math
import random
import pygame

# ---- SETTINGS: change these values to make the game your own! ----
TITLE = "Space shooter"
PLAYER_NAME = "ship"
PLAYER_PICTURE = "images/rocket.png"  # a picture file, or "" to draw the shape instead
PLAYER_SHAPE = "triangle"  # circle, square, triangle, diamond, star or oval
PLAYER_COLOUR = (0, 200, 255)  # (red, green, blue), each from 0 to 255
THING_NAME = "alien"
THING_PICTURE = "images/alien.png"  # a picture file, or "" to draw the shape instead
THING_SHAPE = "oval"  # circle, square, triangle, diamond, star or oval
THING_COLOUR = (120, 255, 80)  # (red, green, blue), each from 0 to 255
BULLET_COLOUR = (255, 255, 0)  # (red, green, blue), each from 0 to 255
BACKGROUND = (0, 0, 20)  # the colour of space
SPEED = 6  # how fast your ship moves
FALL_SPEED = 2  # how fast the enemies come down
COUNT = 4  # how many enemies at the same time
LIVES = 5  # how many enemies can get past you
WIN_SCORE = 25  # hit this many to win
CONTROLS = "arrows"  # "arrows" or "wasd"
SCORE_TEXT = "Score"
LIVES_TEXT = "Lives"
WIN_TEXT = "You win!"
LOSE_TEXT = "Game over!"
RESTART_TEXT = "Press R to play again"
# ---- END OF SETTINGS ----

pygame.init()
screen = pygame.display.set_mode((600, 400))
pygame.display.set_caption(TITLE)
clock = pygame.time.Clock()
font = pygame.font.Font(None, 32)
small_font = pygame.font.Font(None, 20)


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
player_picture = load_picture(PLAYER_PICTURE, 52)
thing_picture = load_picture(THING_PICTURE, 36)

LEFT = pygame.K_a if CONTROLS == "wasd" else pygame.K_LEFT
RIGHT = pygame.K_d if CONTROLS == "wasd" else pygame.K_RIGHT
ship = pygame.Rect(274, 330, 52, 52)
bullets = []
enemies = [pygame.Rect(random.randint(0, 560), -70 * i - 40, 36, 36) for i in range(COUNT)]
stars = [(random.randint(0, 599), random.randint(0, 399)) for i in range(50)]
score = 0
lives = LIVES
safe = 3 * 60  # while safe is more than 0, you blink and nothing can hurt you

running = True
while running:
    game_over = lives <= 0 or score >= WIN_SCORE
    for event in pygame.event.get():
        if event.type == pygame.QUIT:
            running = False
        if event.type == pygame.KEYDOWN and event.key == pygame.K_SPACE and len(bullets) < 5:
            bullets.append(pygame.Rect(ship.centerx - 2, ship.top, 4, 12))
        if event.type == pygame.KEYDOWN and event.key == pygame.K_r and game_over:  # R: play again
            score = 0
            lives = LIVES
            safe = 3 * 60

    if not game_over:
        safe = max(0, safe - 1)
        keys = pygame.key.get_pressed()
        if keys[LEFT] and ship.left > 0:
            ship.x -= SPEED
        if keys[RIGHT] and ship.right < 600:
            ship.x += SPEED
        for bullet in bullets[:]:  # [:] is a copy, so we can remove from the list
            bullet.y -= 9
            if bullet.bottom < 0:
                bullets.remove(bullet)
        for enemy in enemies:
            enemy.y += FALL_SPEED
            hit = enemy.collidelist(bullets)
            if hit != -1:  # a bullet got it!
                bullets.pop(hit)
                score += 1
                enemy.topleft = (random.randint(0, 560), -40)
            elif enemy.top > 400 or enemy.colliderect(ship):
                if safe == 0:  # it got past you, or hit you
                    lives -= 1
                    safe = 3 * 60
                enemy.topleft = (random.randint(0, 560), -40)
        if lives <= 0 or score >= WIN_SCORE:  # the game has just ended: say so in the console too
            print(LOSE_TEXT if lives <= 0 else WIN_TEXT, SCORE_TEXT + ":", score)

    screen.fill(BACKGROUND)
    for star in stars:
        screen.set_at(star, (200, 200, 200))
    if safe % 20 < 10:  # blink while you are safe
        draw_shape(screen, PLAYER_SHAPE, PLAYER_COLOUR, ship, player_picture)
    screen.blit(small_font.render(PLAYER_NAME, True, (255, 255, 255)), (ship.x, ship.bottom))
    for bullet in bullets:
        pygame.draw.rect(screen, BULLET_COLOUR, bullet)
    for enemy in enemies:
        draw_shape(screen, THING_SHAPE, THING_COLOUR, enemy, thing_picture)
    text = SCORE_TEXT + ": " + str(score) + "   " + LIVES_TEXT + ": " + str(lives)
    screen.blit(font.render(text, True, (255, 255, 255)), (10, 10))
    if game_over:
        pygame.draw.rect(screen, (0, 0, 0), (80, 145, 440, 100), border_radius=12)  # a dark box: easy to read
        end_text = font.render(LOSE_TEXT if lives <= 0 else WIN_TEXT, True, (255, 255, 100))
        screen.blit(end_text, end_text.get_rect(center=(300, 180)))
        restart_text = font.render(RESTART_TEXT, True, (255, 255, 255))
        screen.blit(restart_text, restart_text.get_rect(center=(300, 220)))

    pygame.display.flip()
    clock.tick(60)

pygame.quit()
