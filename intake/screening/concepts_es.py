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
    "en|el|del 2005|2006|2007|2008|2009|2010|2011|2012|2013|2014|2015|2016|2017|2018|2019|2020|"
    "2021|2022|2023|2024|2025",
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
