"""The picture library's source list: which Twemoji each picture is, its names and tags in English and Spanish.

tools/build_pictures.py reads TABLE and writes assets/pictures/*.png and
assets/pictures/pictures.json. One line per picture, fields split by "|":

    id | twemoji file | English names | Spanish names | tags (both languages) | kind | group [| rotate]

Names and tags are split by ";" and written in the singular (the search also
finds plurals). The first name is the one a child reads. kind is c for a
character (it moves by itself: cat, rocket) and t for a thing (to catch,
dodge or collect: fish, coin). rotate turns the picture (degrees,
anticlockwise): the rocket points straight up.
"""

TABLE = """
cat | 1f431 | cat; kitten; kitty; kitty cat | gato; gata; gatito; minino; michi | animal; pet; mascota | c | animals
dog | 1f436 | dog; puppy; doggy; hound | perro; perrito; cachorro; perrita | animal; pet; mascota | c | animals
fish | 1f41f | fish | pez; pescado; pececito | animal; sea; mar; water; agua | t | animals
tropical_fish | 1f420 | tropical fish; clownfish | pez tropical; pez payaso | animal; sea; mar | t | animals
pufferfish | 1f421 | pufferfish; blowfish | pez globo | animal; sea; mar | t | animals
bird | 1f426 | bird; birdie | pájaro; pajarito; ave | animal; fly; volar | c | animals
dragon | 1f409 | dragon | dragón | fantasy; fantasía; monster; monstruo | c | fantasy
horse | 1f434 | horse; pony | caballo; poni; yegua | animal; farm; granja | c | animals
cow | 1f42e | cow; bull | vaca; toro | animal; farm; granja | c | animals
pig | 1f437 | pig; piggy | cerdo; cerdito; chancho; puerco; marrano | animal; farm; granja | c | animals
frog | 1f438 | frog; toad | rana; sapo | animal; pond; charca | c | animals
bee | 1f41d | bee; honeybee | abeja | animal; insect; insecto; bug; bicho | c | animals
butterfly | 1f98b | butterfly | mariposa | animal; insect; insecto; bug; bicho | c | animals
spider | 1f577 | spider | araña | animal; insect; insecto; bug; bicho | c | animals
snake | 1f40d | snake; serpent | serpiente; culebra; víbora | animal | c | animals
worm | 1fab1 | worm | gusano; lombriz | animal; bug; bicho | c | animals
bear | 1f43b | bear | oso | animal; forest; bosque | c | animals
lion | 1f981 | lion | león; leona | animal; jungle; selva | c | animals
tiger | 1f42f | tiger | tigre | animal; jungle; selva | c | animals
monkey | 1f435 | monkey; ape | mono; mona; chango | animal; jungle; selva | c | animals
rabbit | 1f430 | rabbit; bunny | conejo; conejito | animal; pet; mascota | c | animals
penguin | 1f427 | penguin | pingüino | animal; ice; hielo; snow; nieve | c | animals
duck | 1f986 | duck; duckling | pato; patito | animal; pond; charca | c | animals
chicken | 1f414 | chicken; hen | gallina; pollo | animal; farm; granja | c | animals
chick | 1f425 | chick; baby chicken | pollito; polluelo | animal; farm; granja | c | animals
shark | 1f988 | shark | tiburón | animal; sea; mar | c | animals
octopus | 1f419 | octopus | pulpo | animal; sea; mar | c | animals
unicorn | 1f984 | unicorn | unicornio | fantasy; fantasía; horse; caballo | c | fantasy
dinosaur | 1f996 | dinosaur; dino; t-rex; trex | dinosaurio; dino | animal; monster; monstruo | c | animals
long_neck_dinosaur | 1f995 | long neck dinosaur; brontosaurus; sauropod | dinosaurio cuello largo; braquiosaurio | animal; dinosaur; dinosaurio | c | animals
mouse | 1f42d | mouse; mice; rat | ratón; ratoncito; rata | animal; pet; mascota | c | animals
hamster | 1f439 | hamster; guinea pig | hámster; cobaya | animal; pet; mascota | c | animals
fox | 1f98a | fox | zorro | animal; forest; bosque | c | animals
wolf | 1f43a | wolf | lobo | animal; forest; bosque | c | animals
panda | 1f43c | panda | panda; oso panda | animal; bear; oso | c | animals
koala | 1f428 | koala | koala | animal; bear; oso | c | animals
elephant | 1f418 | elephant | elefante | animal; jungle; selva | c | animals
giraffe | 1f992 | giraffe | jirafa | animal; jungle; selva | c | animals
zebra | 1f993 | zebra | cebra | animal; horse; caballo | c | animals
turtle | 1f422 | turtle; tortoise | tortuga | animal; sea; mar | c | animals
crocodile | 1f40a | crocodile; alligator; croc | cocodrilo; caimán; lagarto | animal; river; río | c | animals
whale | 1f433 | whale | ballena | animal; sea; mar | c | animals
dolphin | 1f42c | dolphin | delfín | animal; sea; mar | c | animals
crab | 1f980 | crab | cangrejo | animal; sea; mar; beach; playa | c | animals
owl | 1f989 | owl | búho; lechuza | animal; bird; pájaro; night; noche | c | animals
eagle | 1f985 | eagle; hawk | águila; halcón | animal; bird; pájaro | c | animals
parrot | 1f99c | parrot | loro; papagayo; perico | animal; bird; pájaro | c | animals
flamingo | 1f9a9 | flamingo | flamenco | animal; bird; pájaro | c | animals
snail | 1f40c | snail | caracol | animal; bug; bicho | c | animals
ladybug | 1f41e | ladybug; ladybird | mariquita; catarina | animal; insect; insecto; bug; bicho | c | animals
ant | 1f41c | ant | hormiga | animal; insect; insecto; bug; bicho | c | animals
bat | 1f987 | bat | murciélago | animal; night; noche; halloween | c | animals
hedgehog | 1f994 | hedgehog | erizo | animal | c | animals
sloth | 1f9a5 | sloth | perezoso | animal; jungle; selva | c | animals
kangaroo | 1f998 | kangaroo | canguro | animal; jump; saltar | c | animals
sheep | 1f411 | sheep; lamb | oveja; cordero; borrego | animal; farm; granja | c | animals
goat | 1f410 | goat | cabra; chivo | animal; farm; granja | c | animals
deer | 1f98c | deer; reindeer | ciervo; venado; reno | animal; forest; bosque | c | animals
squirrel | 1f43f | squirrel; chipmunk | ardilla | animal; forest; bosque | c | animals
camel | 1f42b | camel | camello | animal; desert; desierto | c | animals
lizard | 1f98e | lizard; gecko | lagartija; iguana | animal | c | animals
scorpion | 1f982 | scorpion | escorpión; alacrán | animal; desert; desierto | c | animals
seal | 1f9ad | seal | foca | animal; sea; mar; ice; hielo | c | animals
hippo | 1f99b | hippo; hippopotamus | hipopótamo | animal; river; río | c | animals
gorilla | 1f98d | gorilla | gorila | animal; monkey; mono; jungle; selva | c | animals
raccoon | 1f99d | raccoon | mapache | animal; forest; bosque | c | animals
swan | 1f9a2 | swan | cisne | animal; bird; pájaro | c | animals
fly | 1fab0 | fly; housefly | mosca | animal; insect; insecto; bug; bicho | c | animals
mosquito | 1f99f | mosquito | mosquito; zancudo | animal; insect; insecto; bug; bicho | c | animals
princess | 1f478 | princess; queen | princesa; reina | people; gente; castle; castillo | c | people
prince | 1f934 | prince; king | príncipe; rey | people; gente; castle; castillo | c | people
knight | 1f93a | knight; fencer; swordsman | caballero; espadachín | people; gente; castle; castillo; sword; espada | c | people
ninja | 1f977 | ninja | ninja | people; gente | c | people
wizard | 1f9d9 | wizard; witch; mage; magician | mago; maga; bruja; brujo | fantasy; fantasía; magic; magia | c | fantasy
fairy | 1f9da | fairy | hada | fantasy; fantasía; magic; magia | c | fantasy
elf | 1f9dd | elf | elfo | fantasy; fantasía | c | fantasy
genie | 1f9de | genie | genio | fantasy; fantasía; magic; magia | c | fantasy
vampire | 1f9db | vampire; dracula | vampiro; drácula | monster; monstruo; halloween | c | fantasy
mermaid | 1f9dc | mermaid; merman | sirena; tritón | fantasy; fantasía; sea; mar | c | fantasy
pirate | 1f3f4-200d-2620-fe0f | pirate; pirate flag | pirata; bandera pirata | people; gente; sea; mar | c | people
hero | 1f9b8 | superhero; hero | superhéroe; héroe; superheroína; heroína | people; gente | c | people
villain | 1f9b9 | villain; supervillain; bad guy | villano; malo | people; gente | c | people
zombie | 1f9df | zombie | zombi | monster; monstruo; halloween | c | fantasy
ghost | 1f47b | ghost; spook | fantasma | monster; monstruo; halloween | c | fantasy
alien | 1f47d | alien; martian; extraterrestrial; et | marciano; extraterrestre; alienígena | space; espacio | c | space
invader | 1f47e | space invader; invader; alien monster | invasor; marciano malo | space; espacio; monster; monstruo | c | space
robot | 1f916 | robot; bot | robot | machine; máquina | c | people
monster | 1f479 | monster; ogre | monstruo; ogro | monster; monstruo | c | fantasy
skull | 1f480 | skull; skeleton | calavera; esqueleto | halloween; monster; monstruo | c | fantasy
clown | 1f921 | clown | payaso | people; gente; circus; circo | c | people
santa | 1f385 | santa; santa claus; father christmas | papá noel; santa claus; san nicolás | people; gente; christmas; navidad | c | people
snowman | 26c4 | snowman | muñeco de nieve | snow; nieve; winter; invierno | c | nature
astronaut | 1f9d1-200d-1f680 | astronaut; spaceman; cosmonaut | astronauta | space; espacio; people; gente | c | space
police | 1f46e | police officer; police; cop | policía | people; gente | c | people
detective | 1f575 | detective; spy | detective; espía | people; gente | c | people
boy | 1f466 | boy; kid | niño; chico | people; gente | c | people
girl | 1f467 | girl | niña; chica | people; gente | c | people
baby | 1f476 | baby | bebé | people; gente | c | people
smiley | 1f600 | smiley; smiley face; happy face; me | carita; cara feliz; sonrisa; yo | face; cara | c | people
cool_face | 1f60e | cool face; sunglasses face | cara con gafas; cara genial | face; cara | c | people
devil | 1f608 | devil; demon; imp | diablo; diablito; demonio | monster; monstruo | c | fantasy
pumpkin | 1f383 | pumpkin; jack o lantern | calabaza | halloween | t | fantasy
angel | 1f47c | angel | ángel | fantasy; fantasía | c | fantasy
cowboy | 1f920 | cowboy; cowgirl | vaquero; vaquera | people; gente | c | people
teddy | 1f9f8 | teddy bear; teddy | osito de peluche; peluche | toy; juguete | t | things
apple | 1f34e | apple; red apple | manzana; manzana roja | food; comida; fruit; fruta | t | food
green_apple | 1f34f | green apple | manzana verde | food; comida; fruit; fruta | t | food
banana | 1f34c | banana | plátano; banana; banano; guineo | food; comida; fruit; fruta | t | food
strawberry | 1f353 | strawberry | fresa; frutilla | food; comida; fruit; fruta | t | food
cherry | 1f352 | cherry | cereza | food; comida; fruit; fruta | t | food
grapes | 1f347 | grapes; grape | uvas; uva | food; comida; fruit; fruta | t | food
watermelon | 1f349 | watermelon | sandía | food; comida; fruit; fruta | t | food
orange | 1f34a | orange; tangerine | naranja; mandarina | food; comida; fruit; fruta | t | food
lemon | 1f34b | lemon | limón | food; comida; fruit; fruta | t | food
pineapple | 1f34d | pineapple | piña; ananá | food; comida; fruit; fruta | t | food
pear | 1f350 | pear | pera | food; comida; fruit; fruta | t | food
peach | 1f351 | peach | melocotón; durazno | food; comida; fruit; fruta | t | food
carrot | 1f955 | carrot | zanahoria | food; comida; vegetable; verdura | t | food
corn | 1f33d | corn | maíz; elote; choclo | food; comida; vegetable; verdura | t | food
broccoli | 1f966 | broccoli | brócoli | food; comida; vegetable; verdura | t | food
mushroom | 1f344 | mushroom | seta; hongo; champiñón | food; comida; forest; bosque | t | food
tomato | 1f345 | tomato | tomate | food; comida; vegetable; verdura | t | food
cheese | 1f9c0 | cheese | queso | food; comida | t | food
pizza | 1f355 | pizza | pizza | food; comida | t | food
burger | 1f354 | burger; hamburger; food | hamburguesa; comida | food; comida | t | food
hot_dog | 1f32d | hot dog | perrito caliente; pancho; hot dog | food; comida | t | food
fries | 1f35f | fries; chips; french fries | papas fritas; patatas fritas | food; comida | t | food
taco | 1f32e | taco | taco | food; comida | t | food
cake | 1f382 | cake; birthday cake | pastel; tarta; torta | food; comida; sweet; dulce | t | food
cupcake | 1f9c1 | cupcake; muffin | magdalena; pastelito; cupcake | food; comida; sweet; dulce | t | food
candy | 1f36c | candy; sweet | caramelo; dulce; golosina | food; comida; sweet; dulce | t | food
lollipop | 1f36d | lollipop | piruleta; paleta; chupete | food; comida; sweet; dulce | t | food
chocolate | 1f36b | chocolate; chocolate bar | chocolate; tableta de chocolate | food; comida; sweet; dulce | t | food
donut | 1f369 | donut; doughnut | dona; rosquilla; donut | food; comida; sweet; dulce | t | food
cookie | 1f36a | cookie; biscuit | galleta | food; comida; sweet; dulce | t | food
ice_cream | 1f366 | ice cream; ice-cream | helado | food; comida; sweet; dulce | t | food
popcorn | 1f37f | popcorn | palomitas; pochoclo; cabritas | food; comida | t | food
egg | 1f95a | egg | huevo | food; comida | t | food
bread | 1f35e | bread; toast | pan | food; comida | t | food
bone | 1f9b4 | bone | hueso | dog; perro | t | food
meat | 1f356 | meat; steak | carne | food; comida | t | food
honey | 1f36f | honey; honey pot | miel | food; comida; bee; abeja | t | food
sandwich | 1f96a | sandwich | sándwich; bocadillo; emparedado | food; comida | t | food
croissant | 1f950 | croissant | cruasán; medialuna | food; comida | t | food
milk | 1f95b | milk | leche | food; comida; drink; bebida | t | food
coconut | 1f965 | coconut | coco | food; comida; fruit; fruta | t | food
pepper | 1f336 | pepper; chili; chilli | chile; pimiento; ají | food; comida; hot; picante | t | food
peanut | 1f95c | peanut; nut | cacahuete; maní; cacahuate; nuez | food; comida | t | food
sushi | 1f363 | sushi | sushi | food; comida | t | food
chicken_leg | 1f357 | chicken leg; drumstick | muslo de pollo | food; comida | t | food
rocket | 1f680 | rocket; spaceship; space ship | cohete; nave; nave espacial | space; espacio; vehicle; vehículo | c | space | 45
car | 1f697 | car; automobile | coche; carro; auto | vehicle; vehículo | c | vehicles
race_car | 1f3ce | race car; racing car; racecar; kart | coche de carreras; carro de carreras; bólido | vehicle; vehículo; race; carrera | c | vehicles
front_car | 1f698 | car from the front; oncoming car | coche de frente | vehicle; vehículo; race; carrera | c | vehicles
police_car | 1f693 | police car | coche de policía; patrulla | vehicle; vehículo | c | vehicles
taxi | 1f695 | taxi; cab | taxi | vehicle; vehículo | c | vehicles
bus | 1f68c | bus | autobús; bus; colectivo; guagua | vehicle; vehículo | c | vehicles
truck | 1f69a | truck; lorry | camión; camioneta | vehicle; vehículo | c | vehicles
fire_truck | 1f692 | fire truck; fire engine | camión de bomberos | vehicle; vehículo | c | vehicles
ambulance | 1f691 | ambulance | ambulancia | vehicle; vehículo | c | vehicles
tractor | 1f69c | tractor | tractor | vehicle; vehículo; farm; granja | c | vehicles
train | 1f682 | train; locomotive | tren; locomotora | vehicle; vehículo | c | vehicles
plane | 2708 | plane; airplane; aeroplane; jet | avión; avioneta | vehicle; vehículo; sky; cielo | c | vehicles
helicopter | 1f681 | helicopter | helicóptero | vehicle; vehículo; sky; cielo | c | vehicles
boat | 26f5 | boat; sailboat | barco; barca; bote; velero | vehicle; vehículo; sea; mar | c | vehicles
speedboat | 1f6a4 | speedboat; motorboat | lancha | vehicle; vehículo; sea; mar | c | vehicles
cruise_ship | 1f6a2 | cruise ship; ocean liner; big ship | crucero; trasatlántico; barco grande | vehicle; vehículo; sea; mar | c | vehicles
bicycle | 1f6b2 | bicycle; bike | bicicleta; bici | vehicle; vehículo | c | vehicles
motorbike | 1f3cd | motorbike; motorcycle | moto; motocicleta | vehicle; vehículo | c | vehicles
skateboard | 1f6f9 | skateboard | patineta; monopatín | sport; deporte | t | sports
ufo | 1f6f8 | ufo; flying saucer | ovni; platillo volante; platillo volador | space; espacio; alien; marciano | c | space
sled | 1f6f7 | sled; sledge; sleigh | trineo | snow; nieve | c | vehicles
parachute | 1fa82 | parachute | paracaídas | sky; cielo | c | vehicles
moon | 1f319 | moon; crescent moon | luna; luna creciente | space; espacio; night; noche | t | space
full_moon | 1f315 | full moon | luna llena | space; espacio; night; noche | t | space
star | 2b50 | star | estrella | space; espacio; night; noche | t | space
glowing_star | 1f31f | glowing star; shiny star | estrella brillante | space; espacio | t | space
shooting_star | 1f320 | shooting star | estrella fugaz | space; espacio | t | space
sun | 1f31e | sun; sunshine | sol | space; espacio; sky; cielo | t | space
planet | 1fa90 | planet; saturn | planeta; saturno | space; espacio | t | space
earth | 1f30d | earth; world; globe | tierra; mundo; planeta tierra | space; espacio | t | space
meteor | 2604 | meteor; asteroid; comet; meteorite | meteorito; asteroide; cometa | space; espacio | t | space
satellite | 1f6f0 | satellite | satélite | space; espacio | t | space
telescope | 1f52d | telescope | telescopio | space; espacio | t | space
ball | 26bd | ball; football; soccer ball | pelota; balón; bola; pelota de fútbol | sport; deporte | t | sports
basketball | 1f3c0 | basketball | pelota de baloncesto; básquet; basquetbol | sport; deporte; ball; pelota | t | sports
baseball | 26be | baseball | béisbol; pelota de béisbol | sport; deporte; ball; pelota | t | sports
tennis_ball | 1f3be | tennis; tennis ball; racket | tenis; pelota de tenis; raqueta | sport; deporte; ball; pelota | t | sports
american_football | 1f3c8 | american football; rugby ball | balón de fútbol americano; balón de rugby | sport; deporte; ball; pelota | t | sports
volleyball | 1f3d0 | volleyball; beach ball | voleibol; pelota de playa | sport; deporte; ball; pelota | t | sports
bowling | 1f3b3 | bowling; bowling ball; skittles | bolos; bola de bolos | sport; deporte | t | sports
pool_ball | 1f3b1 | pool ball; eight ball; billiards | bola de billar; billar | sport; deporte; ball; pelota | t | sports
ping_pong | 1f3d3 | ping pong; table tennis; paddle | ping pong; tenis de mesa; pala | sport; deporte | t | sports
trophy | 1f3c6 | trophy; cup; prize | trofeo; copa; premio | sport; deporte; win; ganar | t | sports
medal | 1f3c5 | medal | medalla | sport; deporte; win; ganar | t | sports
goal | 1f945 | goal; goal net | portería; arco; gol | sport; deporte | t | sports
boxing_glove | 1f94a | boxing glove; glove | guante de boxeo; guante | sport; deporte | t | sports
kite | 1fa81 | kite | papalote; barrilete; cometa | sky; cielo; toy; juguete | t | sports
target | 1f3af | target; bullseye; dart | diana; blanco; dardo | sport; deporte | t | sports
flag | 1f3c1 | flag; finish flag; chequered flag | bandera; meta; bandera de cuadros | race; carrera | t | sports
tree | 1f333 | tree | árbol | nature; naturaleza; forest; bosque | t | nature
pine_tree | 1f332 | pine tree; fir tree; christmas tree | pino; abeto | nature; naturaleza; forest; bosque | t | nature
palm_tree | 1f334 | palm tree; palm | palmera | nature; naturaleza; beach; playa | t | nature
cactus | 1f335 | cactus | cactus; cacto | nature; naturaleza; desert; desierto | t | nature
flower | 1f337 | flower; tulip | flor; tulipán | nature; naturaleza; garden; jardín | t | nature
sunflower | 1f33b | sunflower | girasol | nature; naturaleza; garden; jardín; flower; flor | t | nature
rose | 1f339 | rose | rosa | nature; naturaleza; flower; flor | t | nature
blossom | 1f338 | blossom; cherry blossom | flor de cerezo | nature; naturaleza; flower; flor | t | nature
leaf | 1f343 | leaf | hoja | nature; naturaleza | t | nature
maple_leaf | 1f341 | maple leaf; autumn leaf | hoja de otoño; hoja de arce | nature; naturaleza; autumn; otoño | t | nature
clover | 1f340 | clover; four leaf clover | trébol | nature; naturaleza; luck; suerte | t | nature
rock | 1faa8 | rock; stone; boulder | roca; piedra; pedrusco | nature; naturaleza | t | nature
log | 1fab5 | log; wood | tronco; madera | nature; naturaleza; forest; bosque | t | nature
cloud | 2601 | cloud | nube | sky; cielo; weather; tiempo | t | nature
rain_cloud | 1f327 | rain; rain cloud | lluvia; nube de lluvia | sky; cielo; weather; tiempo | t | nature
lightning | 26a1 | lightning; thunder; bolt; zap | rayo; relámpago; trueno | sky; cielo; weather; tiempo; power; energía | t | nature
snowflake | 2744 | snowflake; snow; snowball | copo; copo de nieve; nieve; bola de nieve | snow; nieve; winter; invierno | t | nature
raindrop | 1f4a7 | raindrop; drop; water drop; water | gota; gota de agua; agua | water; agua; rain; lluvia | t | nature
fire | 1f525 | fire; flame; fireball | fuego; llama; bola de fuego | hot; caliente; danger; peligro | t | nature
rainbow | 1f308 | rainbow | arcoíris; arco iris | sky; cielo; weather; tiempo | t | nature
wave | 1f30a | wave; sea wave | ola; ola de mar | sea; mar; water; agua | t | nature
volcano | 1f30b | volcano | volcán | nature; naturaleza; lava | t | nature
mountain | 26f0 | mountain | montaña | nature; naturaleza | t | nature
tornado | 1f32a | tornado; twister; storm | tornado; torbellino; tormenta | weather; tiempo; danger; peligro | t | nature
umbrella | 2602 | umbrella | paraguas; sombrilla | rain; lluvia | t | things
shell | 1f41a | shell; seashell | concha; caracola | sea; mar; beach; playa | t | nature
feather | 1fab6 | feather | pluma | bird; pájaro | t | nature
house | 1f3e0 | house; home | casa; hogar | building; edificio | t | buildings
castle | 1f3f0 | castle | castillo | building; edificio; princess; princesa | t | buildings
school | 1f3eb | school | escuela; colegio | building; edificio | t | buildings
hospital | 1f3e5 | hospital | hospital | building; edificio | t | buildings
tent | 26fa | tent; camping | tienda de campaña; carpa; campamento | building; edificio; camping | t | buildings
city | 1f3d9 | city; buildings; skyscraper | ciudad; edificios; rascacielos | building; edificio | t | buildings
stadium | 1f3df | stadium | estadio | building; edificio; sport; deporte | t | buildings
hut | 1f6d6 | hut; cabin | cabaña; choza | building; edificio | t | buildings
factory | 1f3ed | factory | fábrica | building; edificio | t | buildings
magic_wand | 1fa84 | magic wand; wand | varita mágica; varita | magic; magia | t | fantasy
crystal_ball | 1f52e | crystal ball; magic ball | bola de cristal | magic; magia | t | fantasy
crown | 1f451 | crown | corona | king; rey; queen; reina; treasure; tesoro | t | fantasy
gem | 1f48e | gem; diamond; jewel; crystal | gema; diamante; joya; cristal | treasure; tesoro | t | fantasy
treasure | 1f4b0 | treasure; money bag; money; loot | tesoro; bolsa de dinero; dinero; botín | treasure; tesoro | t | fantasy
coin | 1fa99 | coin; gold coin | moneda; moneda de oro | money; dinero; treasure; tesoro | t | things
key | 1f511 | key | llave | door; puerta | t | things
sword | 1f5e1 | sword; dagger; knife | espada; daga; cuchillo | knight; caballero | t | fantasy
shield | 1f6e1 | shield | escudo | knight; caballero | t | fantasy
bow_and_arrow | 1f3f9 | bow and arrow; bow; arrow | arco y flecha; arco; flecha | sport; deporte | t | fantasy
scroll | 1f4dc | scroll; map | pergamino; mapa | treasure; tesoro | t | fantasy
heart | 2764 | heart; love; life | corazón; amor; vida | love; amor | t | things
bomb | 1f4a3 | bomb | bomba | danger; peligro | t | things
explosion | 1f4a5 | explosion; boom; bang | explosión; bum; estallido | danger; peligro | t | things
sparkles | 2728 | sparkles; sparkle; magic dust | brillos; destellos; chispas | magic; magia | t | things
balloon | 1f388 | balloon | globo | party; fiesta | t | things
bubble | 1fae7 | bubble; bubbles | burbuja; pompa | water; agua | t | things
brick | 1f9f1 | brick; block; wall | ladrillo; bloque; muro | building; edificio | t | things
box | 1f4e6 | box; package; parcel; crate | caja; paquete | things; cosas | t | things
gift | 1f381 | gift; present | regalo | party; fiesta; birthday; cumpleaños | t | things
basket | 1f9fa | basket | cesta; canasta; cesto | things; cosas | t | things
bell | 1f514 | bell | campana; cascabel | sound; sonido | t | things
magnet | 1f9f2 | magnet | imán | things; cosas | t | things
light_bulb | 1f4a1 | light bulb; lamp; idea | bombilla; foco; bombillo; idea | things; cosas | t | things
music_note | 1f3b5 | music note; note; music | nota musical; nota; música | music; música; sound; sonido | t | things
dice | 1f3b2 | dice; die | dado | game; juego | t | things
puzzle | 1f9e9 | puzzle; puzzle piece; jigsaw | puzle; pieza de puzle; rompecabezas | game; juego | t | things
palette | 1f3a8 | palette; paint | paleta de pintor; pintura | art; arte | t | things
brush | 1f58c | brush; paintbrush | pincel; brocha | art; arte | t | things
pencil | 270f | pencil | lápiz | school; escuela; art; arte | t | things
book | 1f4d5 | book | libro | school; escuela | t | things
clock | 23f0 | clock; alarm clock; timer | reloj; despertador | time; tiempo | t | things
hourglass | 231b | hourglass; sand timer | reloj de arena | time; tiempo | t | things
battery | 1f50b | battery; energy; power | pila; batería; energía | power; energía | t | things
door | 1f6aa | door; exit | puerta; salida | building; edificio | t | things
ladder | 1fa9c | ladder | escalera; escalera de mano | things; cosas | t | things
hammer | 1f528 | hammer | martillo | tool; herramienta | t | things
anchor | 2693 | anchor | ancla | sea; mar | t | things
guitar | 1f3b8 | guitar | guitarra | music; música | t | things
drum | 1f941 | drum | tambor | music; música | t | things
"""
