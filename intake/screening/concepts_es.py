"""Spanish concept tables for crisis screening: Spanish as Latin American people in the US
write it.

Patterns use the syntax of ``intake.screening.concepts``: words in a row, ``a|b`` alternatives,
``stem*``, ``word?`` optional. Text arrives lower-cased, without accents or punctuation
("daño" -> "dano", "mí" -> "mi"). Denials ("no me quiero morir", "no estoy pensando en
hacerme daño") are listed as IDIOMS, not as a bare "no" in NEGATIONS: a bare "no" up to
three words before a match would cancel "no aguanto mas me quiero morir" and "no se que
hacer me voy a matar", which are crisis.
"""

from __future__ import annotations

# Shared alternatives, written once (private; the engine reads only the five tables below).
_PILLS = (
    "pastilla*|pastis|pildora*|medicina*|medicamento*|remedio*|tableta*|capsula*|clonazepam|"
    "clonazepan|rivotril|xanax|alprazolam|tafil|valium|diazepam|ativan|lorazepam|ambien|"
    "seroquel|quetiapina|tramadol|percocet*|oxicodona|fentanilo|tylenol|paracetamol|"
    "somnifero*|antidepresivo*|litio|insulina"
)
_PARTNER = (
    "esposo|esposa|pareja|novio|novia|marido|ex|exnovio|exnovia|exesposo|exesposa|expareja|"
    "exmarido|viejo|chavo|companero|companera|concubino|padrastro"
)
_FAMILY = (
    "hijo|hija|hijos|hijas|hermano|hermana|esposo|esposa|mama|papa|madre|padre|amigo|amiga|"
    "novio|novia|pareja|primo|prima|sobrino|sobrina|nieto|nieta|tio|tia|abuelo|abuela|"
    "companero|companera|vecino|vecina|roomie|hijastro|hijastra|muchacho|muchacha"
)
_SELF_END = "matarme|suicidarme|morirme|ahorcarme|colgarme|envenenarme"
_OTHER_END = (
    "matarse|suicidarse|quitarse|morirse|ahorcarse|colgarse|tirarse|aventarse|cortarse|"
    "envenenarse|lastimarse"
)
_JUMP_TO = (
    "puente|edificio|azotea|balcon|vias|via|metro|tren|carro|camion|trailer|precipicio|"
    "barranco|ventana|rio|acantilado|segundo|tercer|quinto"
)
# Street drugs that kill in one go: "me meti demasiado fentanilo".
_STRONG = "fenta|fentanilo|fentanil|heroina|chiva|morfina|oxy|oxys|percos|xanax|pastis"
# Counts of pills no one takes as a dose: "me tome como 30 pastillas".
_MANY = (
    "10|12|14|15|16|18|20|25|30|35|40|45|50|60|70|80|90|100|diez|doce|quince|veinte|"
    "treinta|cuarenta|cincuenta|sesenta|cien"
)
_DRINK = "alcohol|tequila|cerveza|cervezas|cheve|cheves|vino|vodka|whisky|licor|pisto|guaro|ron"

CONCEPTS: dict[str, tuple[str, ...]] = {
    # ---- urgent ------------------------------------------------------------------------
    "intent": (
        "me|m quiero|kiero|qiero|quisiera|queria|keria|kisiera matar|morir|suicidar|ahorcar|"
        "colgar|envenenar",
        "me|m voy|vooy|boy|vy a|aa matar|suicidar|morir|ahorcar|colgar|envenenar",
        "quiero|kiero|qiero|quisiera|queria|deseo|necesito|voy|pienso|pense|penso|pensando|"
        "pensaba|planeo|planeando|ganas|decidi|decidido|decidida|tentado|tentada|intentar "
        f"a|de|en? {_SELF_END}",
        "quiero|kiero|qiero|quisiera|deseo|ganas|pensando|pienso|pense|pensar de|en? morir",
        "quiero|kiero|quisiera|voy|pienso|pensando|pense|ganas|decidi a|de|en? quitarme|quitar "
        "la|mi vida",
        "quitarme|quitarse la|mi propia? vida",
        "me|m quiero|kiero|quisiera|queria|voy a? quitar la|mi vida",
        "suicidarme",
        "acabar|terminar|acabo|termino|acabare|terminare|acabe|termine con mi|la propia? vida|"
        "existencia",
        "poner|ponerle|darle|dar fin a mi vida",
        "acabar|terminar|acabo|termino|acabare|terminare con todo",
        "quiero|kiero|ojala|deseo|quisiera que|q|k todo|ya se? acabe|termine|acabara|terminara",
        "ya? no quiero|kiero|qiero|quisiera|deseo vivir|existir|despertar|despertarme|amanecer",
        "no quiero|kiero|qiero seguir viviendo|existiendo|vivo|viva",
        "ya? no quiero|kiero|qiero estar viva|vivo",
        "ya no quiero|kiero|qiero estar aqui|aca",
        "no quiero|kiero|qiero estar|seguir en este mundo",
        "no tengo ganas de vivir",
        "sin|perdi|perdido|pierdo|ni las? ganas de vivir",
        "cansado|cansada|harto|harta|canse|cansé de vivir|existir",
        "irme|ir|salir|marcharme de este mundo",
        "desaparecer|desaparecerme|desaparezca para siempre",
        "desaparecer|desaparecerme del mundo|planeta",
        "desaparecer|desaparecerme de este mundo",
        "dormir|dormirme|descansar para siempre",
        "dormir|dormirme y no|nunca despertar|despertarme|volver|amanecer",
        "quisiera|quiero|ojala|deseo|desearia|preferiria|prefiero no despertar|despertarme|"
        "amanecer|existir|haber",
        "ojala que? me muera|muriera|muriese",
        "quisiera|quiero|ojala|prefiero|preferiria|desearia|deberia|mejor estar|estuviera|"
        "estuviese muerto|muerta",
        "lo? mejor es|seria|sera morir|morirme|matarme|desaparecer|suicidarme|muerto|muerta",
        "mejor muerto|muerta|morirme|matarme",
        "mas facil morir|morirme|matarme|estar",
        "pensamientos|ideas|ideacion|tendencias|impulsos|deseos de? suicida|suicidas|suicidio|"
        "matarme|morir|morirme|muerte",
        "siento|estoy|ando|sentir|sentirme|sigo|soy|volvi suicida",
        "pensando|pienso|pense|penso|pensar|pensaba en el|la? suicidio|muerte",
        "no vale la pena seguir? vivir|viviendo|vivirla",
        "mi|la vida ya? no vale nada|la",
        "no hay|tengo|veo|encuentro|tiene razon|razones|motivo|motivos|sentido|caso para|de? vivir",
        "no hay|tengo|veo|encuentro|tiene razon|razones|motivo|motivos|sentido|caso para|de? "
        "seguir viviendo",
        "le veo|encuentro|hallo sentido|caso a|de la vida",
        "nada|nadie por|para lo? que|q? vivir",
        "no puedo|aguanto|soporto seguir? viviendo|vivir",
        "da|vale igual? si? me? morir|morirme|muero|muera",
        "estoy|toy|ando a punto de matarme|suicidarme|quitarme|tirarme|ahorcarme",
        "no estoy a salvo",
        "no me siento a salvo",
        "no me siento segura|seguro conmigo|ahora|ahorita|hoy|sola|solo",
        "ojala|quisiera|quiero|deseo que? no despierte|despertara|amanezca|amaneciera|despertase",
        "dejar de existir",
        "quiero|kiero|quisiera|deseo|necesito dejar de vivir|respirar",
        "mejor me muero|mato|muera|suicido|desaparezco",
        "me|m quito|quitare|quitaria la|mi vida",
        "me|m quiero|kiero|voy a? dar|pegar|echar|meter un tiro|balazo|plomazo|disparo",
        "acabar|terminar|acabo|termino con mi|este|el sufrimiento|miseria",
        "mi|nuestra vida esta|corre peligro",
    ),
    "plan": (
        "tengo|hice|arme|planee|planeado|planeando un|el|mi? plan para|de matarme|morir|"
        "morirme|suicidarme|quitarme",
        "como|cuando|donde|manera|maneras|forma|formas|metodo|metodos|modo|modos|fecha|dia|"
        f"hora|lugar de|para {_SELF_END}|quitarme",
        f"{_SELF_END}|suicidar hoy|manana|ahorita|ahora|ya|pronto",
        f"{_SELF_END}|matar|suicidar|vida|mato|suicido esta|este noche|fin|madrugada|semana|finde",
        "hoy|noche|manana|ahorita|ahora|ya|finde|semana|mejor|neta|juro me|m mato|suicido|ahorco|"
        "cuelgo",
        "cuando todos|todas esten|estan|se dormidos|dormidas|duerman",
        f"tirarme|aventarme|lanzarme|arrojarme|botarme|saltar|brincar del|de|desde|al|a|frente "
        f"un|una|el|la|las|los? {_JUMP_TO}",
        f"tirar|aventar|lanzar|arrojar del|de|desde|al|a un|una|el|la|las|los? {_JUMP_TO}",
        "estoy|toy|ando|estoi en el|la|las|un|una puente|azotea|vias|cornisa|borde|barranco|"
        "precipicio|acantilado",
        "pegarme|darme|meterme|echarme un tiro|balazo|plomazo|disparo|balazo",
        "dispararme|balacearme",
        "volarme la|los cabeza|sesos",
        "ahorcarme|colgarme|ahorcandome con|del|de|en una|un|el|la? soga|cuerda|cinturon|"
        "cable|sabana|viga|arbol|ventilador|closet|regadera|puerta",
        "cortarme|cortar|cortarse|cortandome las|mis venas|munecas",
        f"tomar|tomarme|tragar|tragarme todas|todos|toda|todo las|los|mis|el|la? {_PILLS}|"
        "frasco|bote|caja|blister|paquete",
        "me|m las|los voy? a? tomo|tomar|trago|tragar|tomare todas|todos",
        "tomarmelas|tragarmelas|tomarmelos|tragarmelos todas|todos|de",
        f"{_PILLS} de un|una golpe|vez|jalon|sentada",
        "sobredosis a proposito",
        "sobredosis intencional|hoy|ahorita|manana",
        "sobredosis esta noche",
        "voy|quiero|kiero|pienso|pensando|planeo a|en? darme|provocarme|meterme|tener una? "
        "sobredosis",
        "estrellarme|chocarme|aventarme|estamparme contra|con|en|a? un|una|el|la? arbol|pared|"
        "muro|trailer|camion|poste|barda|tren",
        "tomar|tomarme|beber|beberme|tragar|tragarme veneno|cloro|raticida|anticongelante",
        "no creo que|q? pase|llegue|amanezca|sobreviva|aguante de|a|hasta? manana",
        "pase|paso|llegue|llego|amanezca|amanezco|sobreviva|sobrevivo|aguante de|a|hasta esta "
        "noche",
        f"decidi|decidido|decidida|decision de|a? {_SELF_END}|quitarme",
        "todo listo|preparado para morir|matarme|suicidarme|partir|despedirme",
        f"todo planeado|pensado|decidido para|pa {_SELF_END}|morir|quitarme|suicidarme",
        "lo tengo todo planeado|planeadito",
        "lo voy|vooy|boy a hacer esta noche|madrugada",
        "voy|vooy|boy a hacerlo esta|hoy noche|madrugada",
        "lo hago|hare esta noche|madrugada",
        "esta noche lo hago|hare",
        "esta noche lo voy a hacer",
        "a hacer|hacerlo hoy en la noche|madrugada",
        "hoy en la noche lo hago|hare",
        "se|decidi|pense|planee|elegi|escogi como|cuando|donde lo voy a hacer",
        "se|decidi|pense|planee como|cuando|donde lo hare|hago|hacerlo esta|hoy",
        "se vaya|vayan|duerma|duerman a|al? trabajar|trabajo|dormir|escuela? lo hago|hare",
        "se vaya|vayan|duerma|duerman lo voy a hacer",
        "a|al trabajar|trabajo|dormir lo voy a hacer",
        "me quede|quedo|quedemos sola|solo lo hago|hare",
        "estoy|toy|ando|estoi|parado|parada|sentado|sentada arriba|encima|orilla|borde|filo "
        "de|del el|la|un|una? puente|azotea|edificio|vias|cornisa|barranco|precipicio|"
        "acantilado",
        "estoy|toy|estoi|sentado|sentada|encerrado|encerrada en el|mi carro|coche|troca|"
        "camioneta en la cochera|garaje|garage",
        "cochera|garaje|garage con|y el? motor|carro|coche prendido|encendido|corriendo",
        "echar|echarme|echarse al|del|a la? rio|puente|tren|vias|mar|lago",
        "estrellar|estampar|chocar el|mi carro|coche|troca|camioneta contra|a proposito",
        "voy|quiero|kiero a? estrellar|estampar el|mi carro|coche|troca|camioneta",
        "manana ya no existo|existire",
        "ya no voy a estar viva|vivo",
        "no voy|creo a amanecer",
    ),
    "means": (
        "junte|guarde|guardado|juntado|acumulado|acumulando|juntando|guardando|escondi|"
        "escondiendo|escondido|ahorrando|ahorrado|almacenando|reuniendo todas? las|mis|unas|"
        f"muchas|suficientes? {_PILLS}",
        f"{_PILLS} guardadas|guardados|juntas|juntos|escondidas|escondidos|acumuladas|"
        "acumulados|ahorradas|listas|listos|separadas|separados|contadas",
        f"suficientes|bastantes {_PILLS} para|pa|como {_SELF_END}|morir",
        f"{_PILLS} para|pa {_SELF_END}|morir|suicidarme|quitarme",
        f"{_PILLS} para|pa no despertar|despertarme|amanecer",
        "tengo|compre|consegui|agarre|traigo|cargue|saque la|una|un|el|mi? pistola|arma|"
        "escopeta|rifle|revolver|fusca",
        "pistola|arma|escopeta|revolver|rifle cargada|cargado|conmigo|lista|enfrente|aqui",
        "soga|cuerda|cinturon|cuchillo|navaja|veneno lista|listo|preparada|preparado|"
        "enfrente|conmigo|colgada|amarrada",
        "compre|consegui|tengo|amarre|ate|colgue|prepare|hice una|la? soga|horca",
        "soga|cuerda|cinturon|cable|lazo para|pa|en ahorcarme|colgarme|matarme",
        "cuerda|soga|lazo|cinturon del|en|al el? techo|viga|ventilador|arbol|closet|barandal",
        "cuchillo|navaja|cuchilla|gillette|rastrillo|vidrio|tijeras|bisturi|cutter para|pa "
        "cortarme|matarme|lastimarme|abrirme",
        "cuchillo|navaja|cuchilla|gillette|cutter|bisturi|pistola|arma en|entre la|mi|mis "
        "mano|manos|muneca",
        "compre|tengo|consegui|traigo|guarde el|un|una? veneno|raticida|cianuro|anticongelante",
        "veneno para|de ratas|rata|raton|ratones|cucarachas",
        "carro|coche|motor prendido|encendido en|dentro la|el? cochera|garaje|garage",
        f"suficiente|suficientes|bastante|bastantes para|pa|como hacerlo|{_SELF_END}|morir",
        f"lo que necesito|ocupo para|pa {_SELF_END}|morir|suicidarme|quitarme",
        f"{_PILLS} en la|mi|mis mano|manos",
        f"{_PILLS} enfrente|frente de|a mi",
        "comprar|conseguir una|un|la|el? pistola|arma|escopeta|rifle|revolver|soga|horca",
        "pistola|arma|escopeta|revolver|rifle ya? esta|estan cargada|cargado|cargadas",
        "manguera al|del|en el escape|mofle",
        "compre|consegui|prepare carbon|anafre para|pa|y? encerrarme|matarme",
        "cuantas|cuantos de? " + _PILLS + "|tylenol se necesitan|ocupan|bastan",
    ),
    "preparatory": (
        "carta|cartas|nota|notas|mensaje|mensajes|video|videos|cartita de despedida",
        "regalando|regale|regalar|regalado|repartiendo|reparti|repartir|repartido|"
        "deshaciendome|deshacerme|deshice de? todas|todo? mis cosas|pertenencias|posesiones|"
        "ropa|joyas",
        "despedirme|despido|despidiendome de todos|todas|ustedes",
        "despedirme|despido|despidiendome de la|este vida|mundo",
        "despedirme|despido|despidiendome de mis|mi hijos|hijas|familia|seres",
        "adios|bye|chao para siempre",
        "adios a todos|todas",
        "adios mundo",
        "hasta nunca",
        "es|sera|este|esta mi ultimo|ultima mensaje|carta|noche|adios|despedida",
        "mi ultimo mensaje",
        "es|sera|esta mi despedida",
        "perdonenme|perdoname|perdonen por todo",
        "perdon|disculpen|disculpenme por todo los|las|te|adios|cuiden|bye",
        "no puedo|aguanto|doy mas perdon|perdonen|perdoname|perdonenme|adios|disculpen|bye",
        "cuiden|cuidenme|cuidame|cuidaras|cuidamelo|cuidamela a? mi|mis perro|perra|perrito|"
        "perrita|gato|gata|gatito|gatita|mascota|mascotas|perros|gatos",
        "cuiden|cuida|cuidenme|cuidame|cuidaras a? mi|mis hijos|hijas|hijo|hija|ninos|bebe por mi",
        "hice|escribi|deje|redacte|termine|actualice mi|un|el testamento",
        "deje|dejando|dejo todo arreglado|arreglada|resuelto",
        "deje|dejando|dejo|poniendo|puse mis asuntos|cosas|papeles|cuentas en orden",
        "ultima vez que me|les|los|te? escribo|ven|veran|oyen|oiran|hablo|escuchan|escucharan",
        "no|nunca|jamas me volveran|volvera|vuelven a ver|saber",
        "diganle|dile|diles|diganles|digales que|q los|las|la|lo|le quiero|amo|perdone|perdonen",
        "gracias por todo adios",
        "regale|regalando|regalar|entregue|encargue a? mi|mis perro|perra|gato|gata|mascota|"
        "mascotas|perrito|perrita|gatito",
        "quedense|quedate|queden con mis|mi cosas|ropa|perro|gato|carro|pertenencias",
        "mi funeral|entierro|velorio|cremacion",
        "deje|dejando|dejo|dejare una|unas|mi|mis carta|cartas|nota|notas|cartita para|a mis? "
        "hijos|hijas|hijo|hija|familia|esposo|esposa|mama|papa|todos",
        "mis ultimas palabras",
        "di|regale mi|mis perro|perra|gato|gata|mascota|mascotas|perrito|perrita|gatito|gatita a",
        "les|te deje|dejo|dejando|mando|paso mis|las contrasenas|contrasena|claves|passwords|nips",
        "aqui|estas son|estan mis contrasenas|claves|passwords|nips",
        "es|sera|este|esto|esta mi|un adios|despedida",
        "diles|dile|diganle|diganles|digale|digales a mi|mis hijos|hijas|hijo|hija|familia|"
        "mama|papa|madre|padre|esposo|esposa|hermano|hermana que|q los|las|la|lo|le",
        "cuando yo? ya no este|estes|exista aqui|aca|mas|viva|vivo",
        "cuando yo? ya no exista",
    ),
    "self_harm_now": (
        "me|m estoy|sigo|ando|toy|estoi cortando|lastimando|quemando|golpeando|rasgunando|"
        "aranando|autolesionando",
        "volvi|vuelvo|volviendo|volvere a cortarme|lastimarme|quemarme|autolesionarme|golpearme",
        "volvi|vuelvo|volviendo a hacerme dano|danio",
        "me volvi|vuelvo a cortar|lastimar|quemar|autolesionar|golpear",
        "me corte|corto otra|de vez|nuevo",
        "me corte|corto|cortaba muy|bien? hondo|profundo",
        "me corte|corto|cortaba|cortando|cortado los|las|mis|el|la brazos|brazo|piernas|pierna|"
        "munecas|muneca|muslos|muslo|piel|panza|abdomen|estomago",
        "me corto|corte|cortaba|lastimo|quemo|golpeo para sentir|olvidar|calmarme|desahogarme|"
        "castigarme|aliviar|sacar",
        "quiero|kiero|voy|ganas|necesito|pensando|pienso|tentado|tentada a|de|en? cortarme|"
        "lastimarme|quemarme|golpearme|autolesionarme|rasgunarme|aranarme",
        "quiero|kiero|voy|ganas|necesito|pensando|pienso|tentado|tentada a|de|en? hacerme "
        "dano|danio",
        "me|m voy|quiero|kiero a? hacer dano|danio",
        "me|m estoy|sigo|ando haciendo dano|danio",
        "dano|lastimo|golpeo|corto|hiero a mi mismo|misma",
        "autolesion*",
        "me quemo|queme|quemando|quemarme con|los|mis|el|la|un cigarro*|encendedor|cerillo*|"
        "brazos|piel|mechero",
        "cortes|cortadas|heridas|quemaduras en|de mis|los|las? brazos|piernas|munecas|muslos",
        "me? doy|daba golpes|cabezazos",
        "darme golpes|cabezazos",
        "golpeo|pego|azoto la|mi cabeza contra",
        "me|m acabo de cortar|quemar|lastimar|cortarme|quemarme",
        "me|m acabo de hacer dano|danio",
        "estoy|toy|sigo sangrando mucho|bastante|demasiado|sin",
        "no para|deja|paro de sangrar",
    ),
    "overdose_now": (
        f"me? tome|trague|meti|tomado|tragado todas|todos las|los|mis|sus? {_PILLS}",
        f"me? tome|trague|tomado|tragado|meti un|una|el|la|todo|toda frasco|bote|caja|blister|"
        f"tira|paquete|sobre de {_PILLS}",
        "tome|trague|tomado|tragado el|la|todo|toda|un|una frasco|bote|caja|blister|paquete "
        "entero|entera|completo|completa",
        "me? tome|trague|tomado|tragado|meti todo|toda el|la frasco|bote|caja|blister|paquete|tira",
        "me? tome|trague|tomado|tragado|meti un? monton|punado|puno|chingo|chingos|madral|"
        f"bonche|demasiad*|muchisim*|muchas|muchos de? {_PILLS}",
        "me|m las|los tome|trague|meti todas|todos",
        f"mezcle|combine|revolvi|mezclando|mezclado|combinando|combinado las|mis|el|unas? "
        f"{_PILLS}|alcohol|fenta|heroina|cocaina|coca|cristal|pastis con|y",
        "no puedo mantenerme|quedarme|seguir|estar despierto|despierta",
        "no me puedo mantener|quedar despierto|despierta",
        "estoy|toy|ando teniendo|sufriendo|en? una? sobredosis",
        "me di|doy|dando|provoque|meti|tome|provocando una? sobredosis",
        "acabo|acabe de tomar|tomarme|tragar|tragarme|meterme|tomarmelas|tragarmelas "
        "todas|todos|muchas|muchos|demasiad*|monton|frasco|caja|bote",
        f"tome|trague|tomado|tragado|meti unas|las|mis|muchas? {_PILLS} para|pa morir|matarme|"
        "morirme|suicidarme|acabar",
        "tome|bebi|trague|tomado|bebido veneno|cloro|raticida|anticongelante|insecticida|lejia",
        "me inyecte|puse|meti toda|demasiad* insulina|fentanilo|heroina|morfina",
        "perdiendo|pierdo el conocimiento",
        f"me? tome|trague|meti como|unas|unos|mas|casi de? {_MANY} {_PILLS}",
        f"me? tome|trague|meti {_MANY} {_PILLS}",
        f"me|m tome|trague|tomando|tragando todas? las|mis|unas? {_PILLS} con|y {_DRINK}",
        f"tomandome|tragandome todas? las|mis|unas? {_PILLS} con|y {_DRINK}",
        f"me? meti|inyecte|puse|tome un? demasiad*|monton de? {_STRONG}",
        f"me pase|pasé de|con las|los|mis? {_PILLS}|dosis|{_STRONG}",
        "ya? no siento las|los|mis piernas|manos|brazos|cuerpo|pies|labios",
        f"vueltas despues|desde de|que las|mis|todas|tantas|tome|tomar {_PILLS}",
        "me estoy|toy|estoi desmayando",
        "me voy a desmayar",
        "me estoy|toy|estoi muriendo",
        "siento|creo que|q me estoy muriendo",
    ),
    "partner_danger": (
        f"{_PARTNER} me amenaza|amenazo|amenazando|pega|pego|golpea|golpeo|golpeando|ahorca|"
        "ahorco|estrangula|estrangulo|asfixia|asfixio|empuja|empujo|lastima|lastimo|maltrata|"
        "violo|viola|abusa|abuso|persigue|acosa|encerro|madrea|madreo",
        f"{_PARTNER} me|nos quiere|va|quiso|trato|intento|amenazo a? matar|matarme|matarnos|"
        "ahorcar|pegar|golpear|quemar",
        "amenaza|amenazo|amenazando|amenazado|amenazó con matarme|matarnos|matar|pegarme|"
        "golpearme|lastimarme|quemarme",
        "me esta|estaba|estan golpeando|ahorcando|amenazando|lastimando|persiguiendo|acosando|"
        "estrangulando|asfixiando|encerrando",
        "no me siento segura|seguro|salva|salvo en|con casa|mi|el|ella",
        "no estoy segura|seguro|salva|salvo en|con casa|el|ella",
        "no estoy segura|seguro en mi casa|hogar",
        "no estoy a salvo en|con casa|mi|el|ella",
        f"miedo de|a mi {_PARTNER}",
        "miedo de volver|regresar|llegar a casa",
        "me tiene|tienen encerrada|encerrado|secuestrada|amenazada|amarrada",
        "me apreto|apreta|agarro|agarra|aprieta del|el cuello",
        "me ahorca|estrangula|estrangulo|asfixia|asfixio",
        "me golpea|golpeo|madrea|madreo|pego|pega cuando|si|todos|anoche|hoy|borracho|tomado",
        "abusa|abuso|abusando de mi",
        "sufro|vivo|viviendo|sufriendo violencia",
        "que me va|quiere a? matar|matarme",
        "me quiere|quieren|quiso matar|ahorcar|golpear",
        "ex|exnovio|exnovia|exesposo|exesposa|expareja|exmarido esta|anda afuera|fuera|"
        "enfrente de|en mi? casa|puerta|depa|trabajo",
        "me amenazo|amenaza|amenazando|amenazaba con|a un|una|el|la|su? cuchillo|pistola|"
        "arma|navaja|machete",
        "me apunto|apunta|apuntando|apuntaba con|a la|una|un|su? pistola|arma|escopeta|"
        "cuchillo|navaja",
        "estoy|toy|me|ando escondida|escondido|escondi en el|la|un bano|cuarto|closet|"
        "recamara|carro",
        "estoy|toy|estamos en peligro",
        "miedo de|a que|q me mate|golpee|lastime|ahorque|mata",
        "si lo|la dejo|denuncio me mata|matara",
        "no me deja|dejan salir de|a? la? casa|cuarto",
        "me va|iba a pegar|golpear cuando|si|otra",
        "me rompio|quebro|revento la|el|un nariz|boca|labio|brazo|costilla|costillas|diente|cabeza",
        "me dejo|dejaron moretones|moreteada|moreteado",
        "me dejo|dejaron|puso el ojo morado",
    ),
    "someone_else_acute": (
        f"el|ella|mi {_FAMILY} ya no quiere vivir",
        f"el|ella|mi {_FAMILY} ya? no quiere seguir viviendo|despertar",
        "dijo|dice q|que ya no quiere vivir",
        "dijo|dice q|que ya? no quiere seguir viviendo|despertar",
        "se quiere|queria|va|iba|piensa a? matar|suicidar|ahorcar|colgar|tirar|aventar|envenenar",
        "quiere|queria|piensa|pensando|amenaza|amenazo|amenazando|va|dice|dijo|habla a|en|con|"
        f"de|que? {_OTHER_END}",
        "dice|dijo|dicen|escribio|puso|publico|comento|menciona que|q? se quiere|queria|va|iba a? "
        "matar|morir|suicidar",
        "ya? no quiere|queria vivir|existir|despertar",
        f"se tomo|trago|metio un? todas|todos|muchas|demasiad*|monton|chingo|punado las|los|sus|"
        "de? "
        f"{_PILLS}",
        "se tomo|trago|metio un|una|el|la|todo|toda frasco|bote|caja|blister|tira de|entero|"
        "entera|completo",
        "se esta|sigue|estaba cortando|lastimando|golpeando|autolesionando",
        "se esta|sigue haciendo dano|danio",
        "se corta|corto|cortaba los|las|sus brazos|piernas|munecas|venas|muslos",
        "tiene|trae|agarro|compro|consiguio una|un|la|el|su pistola|arma|escopeta|rifle|"
        "revolver|soga",
        f"se llevo|robo|agarro las|mis|sus|una|un|el|la? {_PILLS}|pistola|arma|cuchillo|soga|"
        "navaja",
        f"desaparecio|fue|salio|escapo|huyo con las|sus|mis|una|un|el|la? {_PILLS}|pistola|"
        "arma|cuchillo|soga|navaja",
        "esta|anda|subio en|a el|la|las puente|azotea|vias|cornisa|barandal",
        "no respira",
        "no lo|la puedo despertar|despertarlo|despertarla",
        "esta|lo|la|encontre|quedo inconsciente|desmayad*",
        "le dio|esta|tiene|teniendo una sobredosis",
        "se despidio de todos|todas|nosotros|la",
        "se quiere|va|queria|iba a? quitar la|su vida",
        "se encerro|encerraron en el|la|su bano|cuarto|recamara|carro|closet con",
        "no reacciona|respira",
        "lo|la encontre|encontramos tirado|tirada|inconsciente|colgado|colgada",
        "labios morados|azules",
        "tuvo|dio una sobredosis hoy|ahorita|ahora",
        "acaba de tener|darle una sobredosis",
        "lo|la encontre|vi|cache|encontramos con una|la|un|el|su soga|cuerda|pistola|arma|navaja",
        f"intento|trato {_OTHER_END}",
        f"acaba de intentar {_OTHER_END}",
    ),
    # ---- review ------------------------------------------------------------------------
    "burden": (
        "soy|siento|sentirme|siendo|volvi|convertido|convertida|ser una|un carga|estorbo|lastre",
        "estarian|estaria|estaran|estara|estan|vivirian|viviran|estariamos|seria|serian|irian "
        "mejor sin mi",
        "estarian|estaria|estaran|estara|estan|vivirian mejor sin su|mi madre|mama|padre|papa|"
        "hermana|hermano|hija|hijo|esposa|esposo",
        "nadie me va|iba a extranar|extrañar|notar|echar",
        "nadie me extranaria|extranara|echaria|echara|extrana|recordaria|lloraria",
        "nadie se daria|dara|darian cuenta",
        "nadie se va a dar cuenta",
        "nadie notaria|notara|extranaria|lloraria",
        "a? nadie le importo|importaria|importara",
        "solo|nomas les? doy|causo problemas|lata|molestias|sufrimiento|dolor|verguenza",
        "solo|nomas les? estorbo|arruino|complico",
        "mejor si yo? no existiera|estuviera|hubiera",
        "un favor si me? muero|muriera|mato|matara|desaparezco|desapareciera",
        "no valgo nada",
        "no sirvo para nada",
        "soy un|una inutil|fracaso|desperdicio|basura",
        "todo lo arruino|destruyo",
        "les arruino|arruine la vida",
        "merecen|merece algo|alguien|una|un mejor",
    ),
    "hopeless": (
        "no le? hay|veo|tengo|encuentro salida|escapatoria|esperanza|esperanzas|futuro",
        "sin salida|esperanza|esperanzas|futuro",
        "ya? no puedo|aguanto|soporto|doy mas",
        "ya? no puedo|aguanto|soporto mas? con? esto",
        "no puedo|aguanto|soporto mas? con? esta|mi vida",
        "no puedo|quiero seguir|continuar asi|adelante",
        "no le? veo|encuentro|tiene|hay|tengo sentido|caso|proposito|razon a|de|para? nada|"
        "seguir|esto",
        "nada tiene sentido",
        "ya? nada me? importa",
        "perdi|perdido|sin las? ganas de todo|nada",
        "me rindo|rendi",
        "tirar|tiro|tire la toalla",
        "me doy|di por vencido|vencida",
        "darme por vencido|vencida",
        "no tengo|tiene|hay arreglo|remedio",
        "ya? todo esta perdido",
        "siento|estoy|sentirme|ando atrapad*|desesperad*|hundid*|vacio|vacia",
        "nunca|jamas voy|vamos a mejorar|cambiar|salir|estar",
        "ya? no me queda nada|nadie",
        "para|pa que|q seguir|vivir|intentarlo|luchar",
        "harto|harta|cansado|cansada de todo|la vida|esta vida",
        "quiero|kiero|ganas de rendirme",
    ),
    "past_attempt": (
        f"intente|trate|quise|intentaba|intento de? {_SELF_END}|quitarme|morir|cortarme|"
        "tirarme|aventarme",
        "intento|intentos de suicidio",
        "tuve|tenido|sobrevivi|sufri una|un|varias|dos? sobredosis|intento|intentos",
        "casi me muero|mori de|por|con una? sobredosis",
        "me lavaron el estomago",
        "internada|internado|hospitalizada|hospitalizado|internaron|hospitalizaron por|despues|"
        "tras? intento|sobredosis|intentar|suicid*",
        "me cortaba|lastimaba|autolesionaba|quemaba|golpeaba",
        f"estuve|estaba a punto de {_SELF_END}|quitarme|tirarme",
        "me dieron|pusieron|aplicaron narcan|naloxona",
        "me sobredosifique",
        "me hice|hacia dano|danio",
    ),
    "worry_other": (
        f"preocupad*|preocupa|preocupan|preocupacion por|de? mi|mis {_FAMILY}",
        f"mi|mis {_FAMILY} esta|anda|estan|andan muy? mal|deprimid*|triste|raro|rara|apagad*|"
        "aislad*",
        "la|lo veo muy|bien|tan? mal|triste|deprimid*|apagad*",
        "habla|hablando|hablaba de la? muerte|morir|morirse|suicidio|matarse|desaparecer",
        "no sabemos|se donde esta|anda",
        "no contesta|responde el|mis|los? telefono|llamadas|mensajes",
        "volvio a consumir|tomar|beber|usar|drogarse|inyectarse",
        "recayo",
        "no sale de su cuarto|recamara|cama",
        f"miedo por mi {_FAMILY}",
        "miedo de que se mate|lastime|haga|quite|suicide|muera",
    ),
}

# The parts an urgent idea is told with (see ``concepts.COMBINATIONS``): a cue of
# ``concepts.RISK_CUES`` alone is a review; two that combine, tightly matched, are urgent.
# As everywhere, "a|b" is one word of several, so each multi-word wording is its own line.
CUES: dict[str, tuple[str, ...]] = {
    "death": (
        # The writer's own death, in every person and tense: "me mato", "matarme".
        _SELF_END,
        "me|m mato|matare|mataria|matara|muero|muera|muriera|moriria|morire|suicido|suicidare|"
        "suicidaria|ahorco|cuelgo|colgare|envenene|envenenare",
        "suicidio|suicida|suicidas|sucidio|suisidio",
        "quitarme|quito|quitare|quitaria la|mi vida",
        "quitarme|quito|quitare|quitaria de en medio",
        "quitarme|quito|quitare|quitaria del camino|medio",
        "no despertar|despertarme|amanecer|despierte|amanezca|despertara|amaneciera",
        "amanezco|despierto|amanecer|despertar o no",
        "no seguir|estar aqui|aca|vivo|viva|viviendo|respirando",
        "seguir respirando|viviendo",
        "dejar de respirar|existir|vivir",
        "para|pa|por que|q sigo|seguir aqui|aca|vivo|viva|viviendo",
        "ya no estar|exista|existir",
        "irme|ire|salir|desaparecer|dejar|estar|seguir|vivir|quedarme|existir|paso de|en este "
        "mundo",
        "dejar|deje|dejo este mundo",
        "es|sera|seria mi|la ultima noche",
        "ultima noche que|q paso|estoy|vivo",
        "nadie|ninguno|ninguna de? los? dos? sale|salimos|saldra|saldremos vivo|viva|vivos",
        "no hay|tiene vuelta atras",
        "ultimo dia de mi vida",
        "ultimo dia en|de este mundo",
        "desaparecer|desaparezco|desapareciera|desaparezca|irme|ire para|pa siempre",
        "acabar|acabo|acabare|acabaria|terminar|termino|terminare con todo",
        "acabar|acabo|acabare|acabaria|terminar|termino|terminare con mi vida",
        "mejor muerto|muerta",
        "estar|estaria|estuviera muerto|muerta",
        "no quiero|kiero|qiero|quisiera vivir|existir|despertar",
        "ya no voy|vy|boy a estar|existir",
        "no voy|vy|boy a estar aqui|aca|viva|vivo",
        "tiro|balazo|plomazo en la cabeza",
        "suicid*|suisid*|sucid*|suizid*",
        "quitar|quito de en medio",
        "desaparecer|desapareciera|desaparezca|desaparezco de una vez",
        "es|sera el final|fin",
        "llego a la semana|manana|noche",
        "de ahi|alli ya no salgo|saldre",
        "me voy a ir y ya",
        "me voy a ir para|pa siempre",
        "ya no me van a volver a ver",
    ),
    "method": (
        "me|m aviento|tiro|lanzo|arrojo|boto del|desde|al|frente|por|abajo|debajo",
        "estoy|toy|ando|estoi parado|parada|trepado|trepada en|arriba|encima|sobre el|la|del|de|"
        "un|una?",
        "estoy|toy|ando|estoi en|a la|el orilla|borde|filo",
        "me|m aviento|tiro|lanzo|arrojo|boto de un|una|la|el",
        "aventarme|tirarme|lanzarme|arrojarme|echarme|botarme|saltar|brincar del|desde|al|frente|"
        "por|abajo|debajo",
        "aventarme|tirarme|lanzarme|arrojarme|botarme|saltar|brincar de un|una|la|el",
        "me|m voy|vy|boy|vooy a? aventar|tirar|lanzar|arrojar|botar|echar del|desde|al|frente|"
        "por|abajo|debajo",
        "me|m voy|vy|boy|vooy a? aventar|tirar|lanzar|arrojar|botar de un|una|la|el",
        "salto|brinco del|desde",
        "me|m cuelgo|ahorco|colgare|ahorcare",
        "ahorcarme|colgarme|ahorcandome|colgandome",
        "estrellar|estampar|chocar|aventar el|mi? carro|coche|troca|camioneta contra|con|en",
        "estrello|estampo|estrellare el|mi carro|coche|troca|camioneta",
        "estrellarme|estamparme|aventarme contra|con|en un|una|el|la? arbol|poste|pared|muro|"
        "trailer|camion|tren|barda",
        "manguera del|al|en el? escape|mofle",
        "motor prendido|encendido|corriendo",
        "cerrar|cierro|cerrada|cerrado la cochera|garaje|garage",
        "cortarme|cortar|abrirme|abrir|rajarme|corto|abro|rajo|corte|raje las|mis|el venas|cuello",
        "dispararme|balacearme",
        "pegarme|darme|meterme un tiro|balazo|plomazo",
        "volarme|volar la|los|mis cabeza|sesos",
        "ahogarme",
        "ponerme|pararme|meterme|echarme|aventarme enfrente|frente|delante del|de|al tren|metro|"
        "camion|trailer|carro|coches|carros",
        "ponerme|pararme|meterme|echarme|aventarme enfrente|frente|delante de un|una|los|las",
        "tomarme|tomar|tragarme|tragar|beberme|beber el? veneno|cloro|raticida|anticongelante",
        # Someone else about to do it: "dice q se va a cortar".
        "se va|quiere|queria|iba|piensa|amenaza a? cortar|matar|colgar|ahorcar|tirar|aventar|"
        "envenenar|suicidar|disparar",
        "va|quiere|iba|piensa|amenaza con|a|en? cortarse|matarse|colgarse|ahorcarse|tirarse|"
        "aventarse|envenenarse|suicidarse|dispararse",
        "cerrar|cierro la puerta y prender|prenderlo|encender|encenderlo|arrancar",
        "manejar|irme hasta|al el? lago|rio|puente|barranco|precipicio",
        "manguera|manguerita pegada|conectada|puesta? al|del|en el? escape|mofle",
        "meterme|entrar|entro hasta el fondo",
        "meterme|entrar|entro al agua|rio|lago|mar",
        "me meto hasta el fondo",
        "me meto al agua|rio|lago|mar",
        "donde nadie me encuentre|encuentra|vea",
    ),
    "place": (
        "puente|puentes|azotea|techo|cornisa|barranco|precipicio|acantilado|autopista|"
        "freeway|periferico|presa|barandal|balcon|viaducto",
        "vias|via del? tren|metro",
        "paso a desnivel",
        "ultimo|tercer|cuarto|quinto|decimo piso",
        "garaje|garage|cochera",
    ),
    "weapon": (
        "pistola|pistolas|arma|armas|escopeta|rifle|revolver|fusca|glock|bala|balas",
        "cuchillo|cuchillos|navaja|navajas|cuchilla|cuchillas|machete|gillette|rastrillo|"
        "bisturi|cutter",
        "soga|horca|cuerda|mecate",
        "veneno|raticida|cianuro|anticongelante",
        "cuter|cutter|exacto",
    ),
    "farewell": (
        "me|nos|se estoy|estoy|esta|estamos despidiendo",
        "despedida|despedidas|despedirme|despidiendome|despidiendose|despedirse",
        "me|se despedi|despidio",
        "me despido de todos|todas|ustedes|la|este|mi|mis",
        "adios|adio|bye|chao|chau para|pa siempre",
        "adios a todos|todas|ustedes",
        "perdon|perdonen|perdoname|perdonenme|disculpen por todo",
        "gracias por todo",
        "carta|cartas|nota|notas ya? esta|estan escrita|escritas|lista|listas",
        "es|sera mi ultimo dia",
        "escribi|escribiendo|escrito|deje|dejo|dejando|dejare las|una|unas|mis|la carta|cartas|"
        "nota|notas|cartita",
        "carta|cartas|nota|notas de despedida",
        "mi|un ultimo mensaje",
        "a quien le|les toca|tocan|queda|quedan mi|mis",
        "quien se queda|quedara con mi|mis",
        "cancele|cancelando mi|el|los|las celular|telefono|cuenta|cuentas|renta|contrato",
        "pague|pagando lo que|q debia|debo",
        "pague|pagando mis|todas deudas",
        "testamento",
        "deje|dejo|dejando pagada|pagado|pagadas|pagados la|el|las|los|todo renta|cuentas|deudas",
        "escribirles|escribirte|despedirme por ultima vez",
        "seguro de vida",
        "mis contrasenas|claves|passwords",
        "regalando|regale|regalar|reparti|repartiendo mis|mi cosas|ropa|perro|perra|gato|gata|"
        "mascota|carro",
        "le|les di|deje mi|mis perro|perra|gato|gata|mascota|cosas|ropa",
        "ya no las|los voy a necesitar",
        "no es|fue culpa de nadie",
        "fueron|siempre muy? buenos|buenas|lindos conmigo",
        "han sido muy? buenos|buenas|lindos conmigo",
        "cuiden|cuidenme|cuidame a mi|mis",
        "cuando yo? ya? no este|estes|exista",
        "a quien le|les toca cada",
        "donde estan mis cosas",
        "fue un gusto|placer conocerlos|conocerlas|conocerte",
        "ha sido un gusto|placer conocerlos|conocerlas|conocerte",
        "no fue|es culpa de ella|el|ustedes|nadie",
        "deje|regale|di mi|mis perro|perra|gato|gata|mascota|mascotas con|a",
        "ya no tengo pendientes",
        "que Dios me perdone",
        "no cuenten conmigo",
        "no me busquen",
        "no me anden buscando|marcando",
        "diciendo|diciendoles adios",
        "deje las claves|contrasenas",
        "le|les di la|las llave|llaves del|de la carro|casa",
        "acomode|arregle mis|los papeles",
        "hice la transferencia a mis",
        "solo|nomas queria que|q alguien supiera",
    ),
    "harm": (
        "cortarme|cortandome|autolesion*|autolastim*|rasgunarme|aranarme",
        "me|m corte|corto|cortaba|raje|rajo|abri|quemo|queme los|las|la|el|mis|mi brazo|brazos|"
        "pierna|piernas|muneca|munecas|muslo|muslos|piel|panza|venas",
        "me|m corte|corto|raje|rajo otra|de|con",
        "hacerme mas? dano|danio",
        "me hago|hice|hize mas? dano|danio",
        "lastimarme|lastimandome|golpearme|golpeandome|quemarme|quemandome|rayarme|rayandome",
        "me hice|hago|hize cortes|cortadas|cortaditas|heridas",
        "me estoy haciendo cortes|cortadas|cortaditas|heridas",
        "me raye|rayo|rasgune|rasguno|arane los|las|mis brazos|piernas|munecas|piel",
        "me di|doy|daba de? golpes|cabezazos",
        "darme de? golpes|cabezazos",
        "golpeo|pego|azoto|estrello la|mi cabeza",
        "me quemo|queme con|los|el|un|una cigarro|cigarros|encendedor|cerillo|cerillos|plancha",
        "cortadas|cortaditas|cortdas|cortes en el|los|mis|la|las? brazo|brazos|pierna|piernas|"
        "muneca|munecas",
        "dandome|darme contra la|el pared|piso|puerta|suelo",
        "me doy|di|daba contra la|el pared|piso|puerta|suelo",
        "dando|dandome contra la|el pared|piso|puerta",
    ),
    "overuse": (
        "mas de lo normal|usual|acostumbrado|debido",
        "mas de la cuenta",
        "mas que nunca|siempre",
        "mas de lo que acostumbro|uso|tomo",
        "mas de lo que me meto|tomo",
        "mucho|muchisimo mas de lo que",
        "me|m meti|tome|trague|inyecte|puse demasiad*|monton|chingo|chingos|madral|bonche",
        "me|m meti|tome|trague|inyecte un monton|chingo|madral|bonche|punado",
        "me|m tome|trague|meti todas|todos|toda|todo",
        "tomarmelas|tragarmelas|tomarmelos|tragarmelos",
        f"me|m tome|trague|meti como|unas|unos|casi|mas de? {_MANY}",
        "se tomo|trago|metio algo|todo|todas|todos|demasiad*|muchas|muchos",
        "mezcle|mezclando|combine|revolvi con alcohol|pisto|cerveza|tequila|pastillas|pastis",
        "me pase de|con la dosis",
        "me|m tome|trague|meti de mas",
        f"tome|tomando|trague|tragando|mezcle|mezclando|tomandome las|mis|unas? {_PILLS} con|y "
        f"{_DRINK}",
        f"tome|tomando|trague|tragando|mezcle|mezclando {_DRINK} con|y {_PILLS}",
        "llevo|van muchas|muchos|demasiad*|chingo|chingos",
        "llevo|van un monton|chingo|punado",
        "me|m pase con|de las|los|la",
        "creo q|que me pase",
        "tomarme|tragarme todas|todos las|los|mis",
        "me meti|tome|trague lo que|q me quedaba",
    ),
    "body": (
        "sangrando|sangra|sangrar|sangro",
        "sangre por todos lados|todas partes",
        "mucha sangre",
        "no para|paro la sangre",
        "no se detiene|para|paro la sangre",
        "no para|paro|deja|dejo de sangrar",
        "sale|saliendo|sigue|salio mucha? sangre",
        "no|ni puedo|puede respirar",
        "no respira|respiro",
        "respira|respiro raro|mal|feo|lento|despacio",
        "me|le cuesta respirar",
        "corazon se me|le sale|acelera|acelerado",
        "corazon me|le late|va muy|bien|rapidisimo|rapido|fuerte",
        "dolor de|en el pecho",
        "me duele el pecho",
        "no despierta|reacciona",
        "no abre los ojos",
        "no lo|la puedo despertar",
        "inconsciente|desmayad*|desmayando|convulsion*",
        "labios morados|azules",
        "vomitando|vomito|vomite sangre",
        "se me cierran los ojos",
        "no me puedo mantener|quedar despierto|despierta",
        "me da vueltas todo",
        "todo me|le da vueltas",
        "veo borroso",
        "me|le falta el aire",
        "se puso|esta morado|morada|azul",
        "se esta poniendo morado|morada|azul",
        "espuma en|por la boca",
        "no se despierta|mueve",
        "perdiendo el conocimiento",
        "me estoy|toy|estoi muriendo|desmayando",
        "no siento las|los|mis piernas|brazos|manos|pies|labios",
        "no puedo|puede mantener|tener los ojos abiertos",
        "no puedo|puede abrir los ojos",
        "veo todo borroso",
        "se me cierra|aprieta el pecho",
        "el corazon se me va|sale",
        "me tiemblan las manos",
    ),
    "violence": (
        "me|nos va|van|iba|quiere|quieren|quiso a? matar|golpear|ahorcar|quemar",
        "me|nos mata|matara|matan si",
        "dice|dijo q|que me|nos va|van a? matar",
        "dice|dijo q|que me|nos mata|matara",
        "me|nos amenaza|amenazo|amenazando|golpea|golpeo|golpeando|ahorca|ahorco|estrangula|"
        "estrangulo|empuja|empujo|jalonea|madrea|madreo",
        "ninguno|ninguna|nadie de? los? dos? sale|salimos|saldra|saldremos vivo|viva|vivos",
        "golpeando|pateando|tumbando la puerta",
        "me|nos esta golpeando|pegando|amenazando|persiguiendo",
        "miedo de|a que|q me mate|pegue|golpee|lastime",
        "no me deja|dejan salir",
        "me|nos tiene|tienen encerrada|encerrado|encerrados|encerradas|amenazada|amenazado|"
        "amenazados|secuestrada|secuestrados",
        "me|nos encerro|encerraron",
        "me apunto|apunta|apuntando con",
        "no estoy segura|seguro|salva|salvo aqui|aca",
        "no estoy segura|seguro|salva|salvo en|con casa|el|ella",
        "no estoy a salvo aqui|aca",
        "no estoy a salvo en|con casa|el|ella",
        "estoy|estamos|toy escondida|escondido|escondidos|escondidas",
        "me|nos esta siguiendo|acosando|vigilando",
        "me|nos sigue|siguio|acosa|acoso",
        "no la|lo cuento|cuentas|contaras",
        "me|nos pega|pego|pegaba",
        "me|nos volvio a pegar|golpear",
        "si le|les digo|cuento a? alguien|nadie me mata|matara",
        "dijo|dice q|que hoy|ahorita me|nos mata|matara",
        "dijo|dice q|que esta noche me|nos mata|matara",
        "rompio|rompe|quebro|quiebra la|las|el|los ventana|ventanas|puerta|vidrio",
        "prende|prender|prendio|quemar fuego a|la",
    ),
    "fear_self": (
        "no paro|dejo|puedo dejar de verlo|verla|verlos|verlas|mirarlo|mirarla",
        "miedo de mi mismo|misma",
        "miedo de|a lo que|q pueda|puedo|llegue|vaya a? hacer|hacerme",
        "miedo de hacer una tonteria|locura|pendejada|estupidez",
        "no confio en mi",
        "no me puedo controlar|detener",
        "no puedo controlarme|detenerme",
        "no dejo|puedo dejar? de pensar en usarla|usarlo|hacerlo|matarme|morirme|morir",
        "no me siento segura|seguro conmigo",
        "no me siento a salvo conmigo",
        "ya no me aguanto",
    ),
    "burden": (
        "una carga",
        "un estorbo|lastre",
        "ser|soy|siendo un|una peso|estorbo|carga|lastre",
        "estorbo",
        "estarian|estaria|estaran|vivirian|serian|seria mas? tranquilos|tranquila|tranquilo|"
        "felices|feliz|mejor|mejores sin mi",
        "estarian|estaria|estaran|vivirian|serian|seria mas tranquilos|tranquila|tranquilo|"
        "felices|feliz",
        "sin mi estarian|estaria|vivirian|serian",
        "se les|le quita|quitaria|quitara un peso",
        "descansan|descansarian|descansaran|descansen de mi",
        "cansados|cansadas|hartos|hartas de mi",
        "sufre|sufren|sufrio x|por mi culpa",
        "nomas|solo les|le doy|causo problemas|lata|molestias",
        "nada mas les|le doy|causo problemas|lata|molestias",
        "me quito del camino",
        "nadie se va a tener q|que preocupar",
        "nadie me va a extranar",
        "nadie me extranaria",
        "otra carga",
        "si yo? no estuviera|existiera",
        "todos|todas descansarian",
        "todos|todas estarian mejor",
        "mejor|mejores si yo? desapareciera|muriera",
        "mejor|mejores si yo? me muriera|fuera",
        "mejor|mejores si yo? no estuviera",
        "el|la problema de todos",
        "le|les cuesto",
        "ya no voy a dar lata|molestar",
        "ya no le|les voy a ser un problema|una carga",
        "no hago sino estorbar",
    ),
    "hopeless": (
        "no hay|veo|tengo|encuentro salida|esperanza|remedio|futuro|luz",
        "no veo|hay|tengo ninguna salida|luz|esperanza",
        "no veo|hay|tengo ni una salida|luz|esperanza",
        "sin salida|esperanza|futuro",
        "nada va|vaya a cambiar|mejorar",
        "nunca va|vaya a cambiar|mejorar",
        "no tiene caso",
        "ya? se acabo todo",
        "ya? todo se acabo",
        "no hay nada q|que hacer conmigo",
        "toy|estoy en el fondo|hoyo",
        "no le encuentro razon|sentido",
        "ya me canse de todo|vivir",
        "ya me canse de la vida",
        "no me importa si amanezco|despierto|vivo|muero",
        "me da igual si amanezco|despierto|vivo|muero",
        "no hay forma|manera de salir",
        "no creo q|que las? cosas? vayan|van a mejorar|cambiar",
    ),
    "drugs": (
        _PILLS,
        _STRONG,
        _DRINK,
        "cocaina|coca|perico|cristal|meth|crack|heroina|opioides|morfina|droga|drogas|suboxone|"
        "metadona|pepas|pastas|roches|rufis|benzos|clona|clonas|tachas|tusi|perico|foco",
    ),
    "stockpile": (
        "frasco|bote|caja lleno|llena|completo|completa",
        "guardadas|guardados|guardadito|guardaditas|guardaditos|guardando|guarde|guardado",
        "juntando|junte|juntado|juntadas|juntados|juntar",
        "escondidas|escondidos|acumuladas|acumulados|acumulando|acumule|ahorrando|ahorradas",
        "suficiente|suficientes|bastantes pa|para|como",
        "ya tengo suficiente|suficientes",
        "cuantas|cuantos necesito|ocupo|serian|bastan",
        "cuantas|cuantos se necesitan|ocupan",
        "frasco|bote|caja|tarro|tira entero|entera|completo|completa",
        "todo el|un frasco|bote|caja|blister|tarro",
        f"como|unas|unos|casi|mas de? {_MANY}",
        "un monton|punado|chingo de",
        "ya las|los conte",
        "cuantas|cuantos de? " + _PILLS + "|tylenol se necesitan|necesito|ocupo",
    ),
    "when": (
        "esta|hoy noche|madrugada",
        "hoy en la noche|madrugada",
        "hoy|manana",
        "manana temprano",
        "el|este|ese|proximo? lunes|martes|miercoles|jueves|viernes|sabado|domingo",
        "fin de semana",
        "finde",
        "al rato",
        "en un rato|ratito",
        "en una hora",
        "cuando todos|todas se duerman|vayan|salgan",
        "cuando todos|todas duerman",
        "cuando todos|todas esten dormidos|dormidas",
        "en cuanto todos|todas se? duerman",
        "a la medianoche",
        "antes de que|q amanezca",
        "cuando se duerman|duerma|vayan|vaya",
        "en cuanto se duerman|duerma|vayan|vaya|salga|salgan",
        "cuando nadie me vea|este",
        "cuando me quede|quedo sola|solo",
        "saliendo del trabajo",
        "en cuanto salga|salgan|llegue|termine|pueda",
        "despues del|de trabajo|trabajar|turno",
        "ya mero",
        "despues de mandar|enviar este",
    ),
    "decided": (
        "decidi|decidido|decidida|decision",
        "lo tengo bien? decidido|pensado|planeado",
        "ya lo pense bien?",
        "ya tengo pensado|planeado|decidido",
        "ya se como|cuando|donde|cual",
        "todo planeado|listo|preparado|pensado|decidido",
        "ya no hay vuelta atras",
        "ya me decidi",
        "tengo un|el plan",
        "esta vez si",
        "en serio",
        "considerando",
        "ya lo tengo claro",
        "ya escogi|elegi el|la dia|lugar|fecha|hora",
        "ya escogi|elegi",
        "se|sabe exactamente|perfectamente",
        "tengo planeado|pensado|decidido",
        "en serio esta vez",
        "ya se lo q|que voy a hacer",
        "ya se por donde|como|cuando",
        "ya escribi todo lo q|que voy a decir",
        "tengo escrito todo lo q|que voy a decir",
        "compre la|una|el? soga|cuerda|carbon|veneno|manguera",
        "ya tome la decision",
    ),
    "now": (
        "ahorita|ahoritita|ahoritica|ahoramismo",
        "ya mismo",
        "ahora mismo",
        "en este momento|instante",
        "hace rato|ratito",
        "hace un rato|ratito|momento",
        "hace unos|como minutos|min",
        f"hace como? {_MANY}|5 minutos|min|mins",
        "hoy",
        "esta noche",
        "otra vez",
        "de nuevo",
        "todavia|aun|sigo|sigue",
        "esta|estan|anda afuera",
        "aqui afuera",
        "ya esta tomando|borracho|drogado",
        "en la|mi mano|manos",
        "aqui conmigo",
        "a mi lado",
        "enfrente de mi",
        "mientras escribo|escribia",
        "mientras te|les escribo",
        "escribo esto",
        "acabo|acabamos de",
        "volvio|volvieron a",
        "volvi a lo de antes",
        "cada noche|dia",
        "esperando afuera",
        "afuera esperando",
        "acaba de",
        "junto a la cama",
        "al lado de la cama",
        "recien|recientito",
    ),
    "other": (
        f"mi|mis {_FAMILY}",
        "mi|mis compa|compas|carnal|carnala|pana|parce|parcero|parcera|cuate|cuata|mejor|chamo|"
        "chama|suegra|suegro|cunado|cunada|bebe|nino|nina|ninos|ninas|jeva|morra|morro|roomie",
        "le|les escribo x|por mi|mis",
        "de parte de mi|mis",
    ),
    "afraid": (
        "miedo",
        "me da|tengo miedo",
        "asustada|asustado|aterrada|aterrado",
    ),
    "do_it": (
        "hacerlo|hacerme",
        "lo voy a hacer",
        "como|cuando lo voy a hacer",
        "ahi|entonces|y lo hago",
    ),
}

IDIOMS: tuple[str, ...] = (
    # "Me muero de risa / de ganas / de sueño", "muerto de cansancio".
    "muero|muere|mori|morimos|moria|muriendo|morir|morirme|morirse|muerta|muerto|muertos|"
    "muertas de|del|por la|el? risa|ganas|verguenza|pena|sueno|hambre|sed|frio|calor|cansancio|"
    "aburrimiento|nervios|miedo|susto|envidia|amor|gusto|curiosidad|ansias|emocion|flojera|"
    "celos|antojo",
    "muero|muriendo|moria|mori por volver|regresar|verlos|ver|ir|empezar|entrar|saber|estar",
    # "Este trafico me mata", "me mata la espera", "mi jefe me va a matar".
    "trafico|trayecto|horario|trabajo|jefe|jefa|calor|frio|espera|viaje|camion|autobus|metro|"
    "tarea|ruido|esto|escuela|renta|turno|cansancio|chamba|camino me|nos mata|mato|matan",
    "me|nos mata|matan la|el|los|las? espera|horario|trafico|calor|frio|trabajo|camino|"
    "trayecto|ansiedad|curiosidad|turno|chamba",
    "jefe|jefa|mama|mami|papa|papi|madre|padre|abuela|abuelo|maestra|maestro|profe|supervisor|"
    "supervisora|tia|suegra|coach|entrenador me|nos va|van|iba|quiere|quieren a? matar|matarme",
    "mato|mata|matando|matarme|matarse|matar trabajando|estudiando|chambeando|corriendo|entrenando",
    "matarme|mato|matando a|de trabajar|trabajo|estudiar",
    "matar el|la|mi|un? tiempo|hambre|sed|rato|antojo|aburrimiento",
    "mataria|mato|matar por un|una",
    # Hair, nails, cooking and accidents: "me corte el pelo", "me corte con un cuchillo cocinando".
    "cortarme|cortar|corte|corto|cortando|cortado|cortaba|cortarse|corta|cortaron el|la|las|"
    "los|mi|mis pelo|cabello|fleco|unas|barba|puntas|copete|grenas|melena|bigote|pelito",
    "corte|corto|cortaba|cortando|cortarme|cortado|cortada con|en un|una|el|la? cuchillo|lata|"
    "vidrio|papel|hoja|tijeras|maquina|abrelatas|sierra",
    "corte|corto|cortaba|cortando|cortado|cortada|queme|quemo|lastime|lastimo sin|por "
    "querer|accidente|error",
    "corte|corto|cortaba|cortando|cortado|cortada|queme|quemo|lastime|lastimo|quemando "
    "cocinando|picando|rasurandome|afeitandome|rasurando|afeitando|trabajando|jugando|"
    "entrenando|planchando",
    "quemando con|del|al sol|calor",
    # Living somewhere or with someone: "ya no quiero vivir con mi ex".
    "vivir|viviendo|existir con|en|cerca|lejos|junto|sin mi|mis|el|la|los|las|un|una|ella|ellos|"
    "ese|esa|su|sus|tu|ti|nadie|alguien|mis",
    "vivir|viviendo aqui|alla|ahi|sola|solo|juntos|rentando",
    # Ordinary "acabar con todo el papeleo", "de una vez por todas".
    "acabar|terminar|acabo|termino|acabe|termine|acabare|terminare con todo el|la|los|las|lo|"
    "eso|este|esta|mi|mis|su|sus|tu|que",
    "de una vez por todas",
    "despedida de soltera|soltero",
    # Not being able to stand the heat, the job: "ya no aguanto mas este calor".
    "puedo|aguanto|soporto mas? con? este|esta|el|la|los|las|tanto|tanta calor|frio|trabajo|"
    "horario|trafico|jefe|jefa|ruido|situacion|clima|espera|gente|escuela|renta|ciudad|turno",
    "puedo|aguanto mas de|que",
    "despierto|despierta en|durante|para el|la|las|los|mis",
    "desesperad* por volver|regresar|empezar|entrar|una|un",
    # Following the program's own doses: "me tome todas mis pastillas de hoy".
    "pastilla*|medicina*|medicamento*|pildora*|remedio* de|del hoy|dia",
    "pastilla*|medicina*|medicamento*|pildora*|remedio* como me|las|los indicaron|recetaron|"
    "dijeron|indico|receto|dijo",
    "pastilla*|medicina*|medicamento*|pildora*|remedio* a tiempo",
    # Denials of the present state: "no me quiero morir", "no estoy pensando en hacerme daño".
    "no me? quiero|quisiera|kiero|voy|pienso|planeo|pretendo|deseo|queria a? matar|morir|"
    "suicidar|matarme|morirme|suicidarme|hacer|hacerme|lastimar|lastimarme|cortar|cortarme|"
    "quitar|quitarme|ir|irme|tirar|tirarme|ahorcar|ahorcarme",
    "no me? siento|considero|estoy|ando|soy suicida",
    "no estoy|ando|estaba pensando|planeando en|de? matarme|suicidarme|morirme|morir|hacerme|"
    "lastimarme|cortarme|quitarme|suicidio|ahorcarme",
    "no tengo|tenia|tenido pensamientos|ideas|planes|intencion|intenciones|ganas de? suicid*|"
    "matarme|morir|morirme|hacerme|lastimarme|cortarme",
    "no es que quiera|quiero morir|morirme|matarme",
    # "No sé cómo lo voy a hacer" (how I'll manage), "estoy en peligro de perder el trabajo".
    "no|ni se|sabia|sabemos como|cuando|donde lo voy|vamos|hare|hago|hacer",
    "en peligro de",
    "no tengo|tenemos|hay suficiente|suficientes|bastante|bastantes",
    "no es un|mi adios|despedida",
    "panico|ansiedad|ansiosa|ansioso y? siento|creo|pienso que|q me",
    "muero|muriendo|moria de ansiedad|estres|preocupacion|tos|gripa|trabajo|calor|frio",
    "acabo de cortar|quemar con|en el|la|un|una? cuchillo|lata|papel|horno|estufa|sarten|"
    "plancha|aceite|agua|abrelatas",
    # "Casi me muero cuando vi la cuenta": a fright, not a death.
    "casi me muero|moria|mori|da cuando|al",
    # Amounts of a dose or of time, not a handful of pills: "metadona 80 mg", "30 dias".
    f"{_MANY}|1|2|3|4|5|6|7|8|9 mg|mgs|miligramos|ml|dias|semanas|meses|anos|pesos|dolares",
    # Asking about a topic: "un taller sobre prevencion del suicidio", "hablan de autolesiones".
    "hablan|hablar|hablamos|habla|tema|temas|taller|talleres|platica|platicas|grupo|grupos|"
    "material|informacion|prevencion|serie|pelicula|libro|clase|curso sobre|de|del "
    "pensamientos? suicid*|autolesion*|sobredosis|sobredosis",
    "prevencion del|de suicidio|sobredosis|autolesiones",
    # Told safe: "no estoy en peligro", "ya no me corto".
    "no estoy|estamos|toy|ando en peligro",
    "ya no me corto|cortaba|lastimo|quemo|golpeo",
    "ya no me hago|hacia dano|danio",
    "ni pienso|quiero|planeo|pretendo matarme|morirme|suicidarme|hacerme|lastimarme|cortarme|"
    "morir|matar|suicidar",
    "ni tengo|tenia ganas|intencion|intenciones de? matarme|morirme|suicidarme|hacerme|"
    "lastimarme|cortarme|morir|hacerlo",
    "sin cortarme|lastimarme|hacerme dano|danio",
    # Lengths of time, not amounts: "ya llevo muchas semanas sin tomar".
    "muchas|muchos|varias|varios|tantas|tantos dias|semanas|meses|anos|horas|veces|sesiones|"
    "citas|grupos",
    "quemarme|quemando|queme|quemo con|del|al|en el? sol|calor",
    "en el fondo del|de",
    "cierran los ojos de|del sueno|cansancio|aburrimiento",
    "gracias por todo su|sus|tu|tus|el|lo|la|los|las|que|q",
    "perdon|perdonen|perdoname|perdonenme|disculpen por todo el|este tiempo|rato|mes",
    "ultimo dia de|en|del trabajo|trabajar|clases|escuela|chamba|vacaciones|la|el",
)

# A match starting within three words after one of these is cancelled. Only phrases that deny
# crisis are listed: see the module docstring for why a bare "no" is not.
NEGATIONS: tuple[str, ...] = (
    "nunca",
    "jamas",
    "ni loca",
    "ni loco",
    "no estoy pensando",
    "no ando pensando",
    "no estoy planeando",
    "no planeo",
    "no pretendo",
    "no pienso",
    "no tengo pensamientos",
    "no tengo ideas",
    "no tengo intencion",
    "no tengo intenciones",
    "no tengo planes",
    "no he pensado",
    "no he tenido",
    "no es que",
    "ya no estoy pensando",
    "ni pienso",
    "ni quiero",
    "ni tengo ganas",
    "ni de",
)

PAST: tuple[str, ...] = (
    "hace|hacen ya? un|una|unos|unas|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|muchos|"
    "mucho|varios|algunos|1|2|3|4|5|6|7|8|9|10|11|12|15|20? ano|anos|mes|meses|tiempo|semanas",
    "el|la? ano|mes|verano|invierno|otono|primavera|semana|navidad pasado|pasada",
    "cuando yo? era|tenia|vivia|estaba",
    "de joven|chico|chica|nino|nina|adolescente|chamaco|morro|morra|chavo|chava|pequeno|"
    "pequena|chamaca",
    "en el pasado",
    "en mi|la adolescencia|juventud|infancia|ninez|prepa|secundaria|preparatoria",
    "antes de|del entrar|venir|empezar|programa|tratamiento|grupo",
    "anos|meses|tiempo|semanas atras",
    "cuando empece|ingrese",
    "cuando entre al|el programa|grupo|tratamiento|iop|rehab",
    "la primera vez que|q entre|vine|estuve|fui",
    "antes pensaba|queria|tenia|sentia|solia|intentaba",
    "antes me cortaba|lastimaba|quemaba|golpeaba",
    "solia|solía",
    "tenia|tuve pensamientos|ideas",
    "en|el|del 2005|2006|2007|2008|2009|2010|2011|2012|2013|2014|2015|2016|2017|2018|2019|2020|"
    "2021|2022|2023|2024|2025",
    "tuve|tenia|pase por? una epoca|etapa|temporada|racha",
    "ya paso|paso todo",
)

# Real words one typo from a key word above; never read as that key word.
NEAR_WORDS: tuple[str, ...] = (
    "matiz",
    "ahorrarme",
    "apunte",
    "pesado",
    "sangrado",
    "ahorrarse",
    "ahorro",
    "camino",
    "casada",
    "casado",
    "cargas",
    "castigarte",
    "colgarle",
    "colgarte",
    "contestar",
    "conteste",
    "contesto",
    "cortarle",
    "cortarte",
    "cuerdo",
    "cuidarme",
    "decidir",
    "despedido",
    "despida",
    "encontro",
    "estaban",
    "estarla",
    "importar",
    "importe",
    "lastimas",
    "manzana",
    "matarle",
    "matarte",
    "notario",
    "pedido",
    "pesando",
    "quedaba",
    "quemarle",
    "quemarte",
    "regalo",
    "respire",
    "saluda",
    "sentida",
    "sentirse",
    "sentirte",
    "siente",
    "solida",
    "terminal",
    "tomate",
    "vendida",
    "vendido",
    "volverme",
    "volverse",
)

# Una pregunta que la persona cuenta ("el formulario pregunta si tengo pensamientos de
# suicidio") y contesta que no ("no tengo"): la idea no es suya.
ASKED: tuple[str, ...] = (
    "pregunta|preguntaba|preguntan|pregunto|preguntaron si",
    "pregunta|preguntas sobre|de",
)
ANSWERED_NO: tuple[str, ...] = (
    "no tengo|tuve",
    "no los|las tengo",
    "nunca los|las? he tenido|tuve",
    "la respuesta es no",
    "no no",
    "le|les dije que|q no",
    "dije que|q no",
)
