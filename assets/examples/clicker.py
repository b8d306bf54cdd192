# Clicker: pop the balloon as many times as you can before time runs out!
import random
import pygame

pygame.init()
screen = pygame.display.set_mode((600, 400))
pygame.display.set_caption("Clicker")
clock = pygame.time.Clock()
font = pygame.font.Font(None, 36)

# The picture and the sound are loaded once, before the game loop
balloon_picture = pygame.image.load("images/balloon.png").convert_alpha()
pop_sound = pygame.mixer.Sound("sounds/pop.wav")

# The balloon to click: where its middle is and how big it is
target_x = 300
target_y = 200
radius = 30
score = 0
game_length = 30 * 60  # 30 seconds, counted in frames (60 each second)
time_left = game_length

running = True
while running:
    for event in pygame.event.get():
        if event.type == pygame.QUIT:
            running = False
        if event.type == pygame.MOUSEBUTTONDOWN and time_left > 0:
            # How far was the click from the middle of the balloon?
            mouse_x, mouse_y = event.pos
            distance = ((mouse_x - target_x) ** 2 + (mouse_y - target_y) ** 2) ** 0.5
            if distance < radius:
                score = score + 1
                pop_sound.play()
                # Jump to a new place, and get a bit smaller
                target_x = random.randint(40, 560)
                target_y = random.randint(60, 360)
                radius = max(10, radius - 1)
        # When the time is up, R starts a new game
        if event.type == pygame.KEYDOWN and event.key == pygame.K_r and time_left == 0:
            target_x = 300
            target_y = 200
            radius = 30
            score = 0
            time_left = game_length

    # One frame has gone by: the clock counts down
    if time_left > 0:
        time_left = time_left - 1
        if time_left == 0:
            print("Time is up! Score: " + str(score))

    # Draw the balloon (as big as the circle we click) and the score
    screen.fill((40, 0, 60))
    if time_left > 0:
        picture = pygame.transform.scale(balloon_picture, (radius * 2, radius * 2))
        screen.blit(picture, (target_x - radius, target_y - radius))
    seconds = time_left // 60  # 60 frames make one second
    text = font.render("Score: " + str(score) + "   Time: " + str(seconds), True, (255, 255, 255))
    screen.blit(text, (10, 10))
    if time_left == 0:
        screen.blit(font.render("Time is up!", True, (255, 255, 0)), (230, 160))
        screen.blit(font.render("Press R to play again", True, (255, 255, 255)), (170, 200))

    pygame.display.flip()
    clock.tick(60)

pygame.quit()
