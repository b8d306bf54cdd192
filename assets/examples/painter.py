# Painter: hold the mouse button to paint. Keys 1 to 5 change the colour, C clears.
import pygame

pygame.init()
screen = pygame.display.set_mode((600, 400))
pygame.display.set_caption("Painter")
clock = pygame.time.Clock()
font = pygame.font.Font(None, 30)

# The paper we paint on. It keeps every dot we paint.
paper = pygame.Surface((600, 400))
paper.fill((255, 255, 255))

COLOURS = [(0, 0, 0), (230, 30, 30), (30, 160, 30), (30, 60, 230), (250, 200, 0)]
colour = COLOURS[0]
brush = 8
dots = 0

running = True
while running:
    for event in pygame.event.get():
        if event.type == pygame.QUIT:
            running = False
        if event.type == pygame.KEYDOWN:
            # Keys 1 to 5 pick a colour from the list
            if pygame.K_1 <= event.key <= pygame.K_5:
                colour = COLOURS[event.key - pygame.K_1]
            if event.key == pygame.K_c:
                paper.fill((255, 255, 255))
                dots = 0
            # R starts again: clean paper, the first colour and brush
            if event.key == pygame.K_r:
                paper.fill((255, 255, 255))
                dots = 0
                colour = COLOURS[0]
                brush = 8
            # Up and down make the brush bigger or smaller
            if event.key == pygame.K_UP:
                brush = min(40, brush + 2)
            if event.key == pygame.K_DOWN:
                brush = max(2, brush - 2)

    # Is the left mouse button held down? Then paint a dot.
    if pygame.mouse.get_pressed()[0]:
        pygame.draw.circle(paper, colour, pygame.mouse.get_pos(), brush)
        dots = dots + 1

    # Show the paper, then the colour boxes on top
    screen.blit(paper, (0, 0))
    for i in range(len(COLOURS)):
        pygame.draw.rect(screen, COLOURS[i], (10 + i * 35, 360, 30, 30))
    pygame.draw.circle(screen, colour, (220, 375), brush)
    text = font.render("Dots: " + str(dots), True, (100, 100, 100))
    screen.blit(text, (480, 10))

    pygame.display.flip()
    clock.tick(60)

pygame.quit()
