# Platform jump: arrow keys to walk, SPACE to jump. The frog collects the stars!
import pygame

pygame.init()
screen = pygame.display.set_mode((600, 400))
pygame.display.set_caption("Platform jump")
clock = pygame.time.Clock()
font = pygame.font.Font(None, 36)

# Pictures and sounds are loaded once, before the game loop
frog_picture = pygame.image.load("images/frog.png").convert_alpha()
frog_picture = pygame.transform.scale(frog_picture, (40, 40))
star_picture = pygame.image.load("images/star.png").convert_alpha()
star_picture = pygame.transform.scale(star_picture, (24, 24))
jump_sound = pygame.mixer.Sound("sounds/jump.wav")
star_sound = pygame.mixer.Sound("sounds/pickup.wav")

player = pygame.Rect(50, 300, 40, 40)
speed_y = 0        # how fast we go up or down
GRAVITY = 0.5      # pulls the player down a little every frame
on_ground = False
score = 0

platforms = [pygame.Rect(0, 380, 600, 20), pygame.Rect(100, 300, 120, 15),
             pygame.Rect(280, 230, 120, 15), pygame.Rect(440, 160, 120, 15)]
stars = [pygame.Rect(150, 266, 24, 24), pygame.Rect(330, 196, 24, 24), pygame.Rect(490, 126, 24, 24)]

running = True
while running:
    for event in pygame.event.get():
        if event.type == pygame.QUIT:
            running = False
        # Jump, but only when standing on something
        if event.type == pygame.KEYDOWN and event.key == pygame.K_SPACE and on_ground:
            speed_y = -11
            jump_sound.play()
        # R starts again: the frog goes back and the stars come back
        if event.type == pygame.KEYDOWN and event.key == pygame.K_r:
            player.topleft = (50, 300)
            speed_y = 0
            score = 0
            stars = [pygame.Rect(150, 266, 24, 24), pygame.Rect(330, 196, 24, 24), pygame.Rect(490, 126, 24, 24)]

    keys = pygame.key.get_pressed()
    if keys[pygame.K_LEFT] and player.left > 0:
        player.x = player.x - 5
    if keys[pygame.K_RIGHT] and player.right < 600:
        player.x = player.x + 5

    # Gravity: fall faster and faster
    speed_y = speed_y + GRAVITY
    player.y = player.y + int(speed_y)

    # Land on a platform when falling onto it
    on_ground = False
    for platform in platforms:
        if player.colliderect(platform) and speed_y > 0:
            player.bottom = platform.top
            speed_y = 0
            on_ground = True

    # Touch a star to collect it
    for star in stars[:]:
        if player.colliderect(star):
            stars.remove(star)
            star_sound.play()
            score = score + 1
            if len(stars) == 0:
                print("You got them all!")

    screen.fill((100, 180, 255))
    for platform in platforms:
        pygame.draw.rect(screen, (60, 160, 60), platform)
    for star in stars:
        screen.blit(star_picture, star)
    screen.blit(frog_picture, player)
    text = font.render("Stars: " + str(score), True, (0, 0, 0))
    screen.blit(text, (10, 10))
    if len(stars) == 0:
        screen.blit(font.render("You got them all!", True, (0, 0, 0)), (200, 40))
        screen.blit(font.render("Press R to play again", True, (0, 0, 0)), (180, 75))

    pygame.display.flip()
    clock.tick(60)

pygame.quit()
