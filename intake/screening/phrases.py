"""Crisis phrases: the confident, listed phrasings of danger now, in three languages.

A match here is urgent. Explicit denials of the present state are masked first (see
``_NEGATIONS``). Words near crisis that are not crisis language alone are ``_RISK_WORDS``.
"""

from __future__ import annotations

from .text import MAX_SCREENED_CHARS, _compile, _plain

# --- Crisis language ------------------------------------------------------------------------

# A phrase "ends" at a clause boundary or at the end of the message.
_END = r"(?=\s*(?:$|[.,;:!?)]))"
_MYSELF = r"(?:myself|my self|meself)"
# Idioms that follow "die/morir/morrer": dying of embarrassment is not dying.
_IDIOM_OF = (
    r"(?:verguenza|vergonha|risa|rir|risada|ganas|vontade|sueno|sono|hambre|fome|calor|frio|"
    r"aburrimiento|tedio|pena|nervios|nervoso|envidia|inveja|amor|cansancio|cansaco|saudade|"
    r"susto|curiosidad|curiosidade|emocion|emocao|gusto|embarrassment|shame|laughter|laughing|"
    r"boredom|cringe)"
)
# Accidents that follow "cut/cortar": a kitchen knife or a razor is not self-harm.
_ACCIDENT = (
    r"(?:cooking|shaving|by accident|accidentally|cocinando|afeitandome|rasurandome|"
    r"por accidente|sin querer|cozinhando|fazendo a barba|me barbeando|sem querer|por acidente|"
    r"el pelo|el cabello|las unas|el fleco|o cabelo|as unhas|a franja)"
)
_ACCIDENT_NEAR = rf"(?!(?:\s+\S+){{0,5}}?\s+{_ACCIDENT}\b)"
# What a person could take all of at once.
_DOSES = (
    r"(?:pills|meds|medication|medicine|tablets|xanax|klonopin|valium|ativan|benzos|oxys?|"
    r"oxycodone|percs|percocet|fentanyl|heroin|dope|insulin|tylenol|ambien|seroquel|lithium|"
    r"sleeping pills|painkillers|pain pills|pastillas?|medicinas?|medicamentos?|remedios?|"
    r"comprimidos?|pilulas?|calmantes|clonazepam|rivotril|insulina)"
)

_CRISIS_PATTERNS: dict[str, list[str]] = {
    "en": [
        # Killing, hurting, cutting oneself. Overwork idioms ("killing myself at work"),
        # accidents ("hurt myself at the gym", "cut myself shaving") and "cut myself off from
        # everyone" (withdrawal) are not.
        rf"\b(?:kill+|kil+ing|killin|end|ending|hang|hanging|shoot|shooting|drown|drowning|"
        rf"off|offing|unalive|unaliving) ?{_MYSELF}\b"
        r"(?! (?:at work|at the gym|working|laughing|trying to|to (?:make|get|keep|pay|finish)))",
        r"\bkms\b",
        r"\bunalive\b",
        rf"\b(?:hurt|hurting|harm|harming) ?{_MYSELF}\b"
        r"(?! (?:at (?:work|the gym|practice)|lifting|playing|running|skiing|falling|"
        r"in (?:a|the) (?:fall|game|accident)|on the job))",
        rf"\b(?:cut|cuts|cutting) (?:{_MYSELF}|my (?:arms?|wrists?|legs?|thighs?|skin))\b"
        r"(?! (?:off|some slack|a break|short|out|loose|free|on (?:a|an|the|some|broken|paper)\b))"
        + _ACCIDENT_NEAR,
        r"\b(?:slit|slash|slitting|slashing) (?:my )?wrists?\b",
        r"\bself ?(?:harm|harming|harmed|injury|injuring|mutilation)\b",
        # Ending one's life, wanting to die.
        r"\b(?:end|ending|take|taking|took) (?:my|my own) life\b",
        r"\bend(?:ing)? it all\b",
        r"\b(?:(?:want|wanna|going|gonna|plan|planning|ready|decided|about) (?:to )?|"
        r"(?:should|could|might|will) (?:just )?)end (?:it|things)\b(?! with)",
        r"\bplan to end (?:it|things|my life)\b",
        r"\bsuicidal\b",
        r"\bsuicide (?:note|plan|letter|attempt|attempts)\b",
        r"\b(?:commit|commiting|committing|attempt|attempting|attempted|tried|try) suicide\b",
        r"\b(?:think|thinking|thinkin|thought|thoughts|fantasi[sz]ing) (?:about|of|abt) "
        r"(?:suicide|dying|killing myself|ending (?:it|it all|things|my life)|"
        r"taking my (?:own )?life|not waking up)\b",
        r"\bthink(?:ing)? about death (?:all the time|every day|constantly|a lot)\b",
        rf"\b(?:want|wanna|going|gonna|ready|plan|planning|deserve|just want) (?:to )?die\b"
        rf"(?! (?:of|from) {_IDIOM_OF})",
        r"\bwant to be dead\b",
        r"\b(?:rather|prefer to) be dead\b",
        r"\bwish (?:i|id) (?:was|were|had been|could be) dead\b",
        r"\bwish (?:i|id) (?:wasnt|werent|was not|were not) (?:alive|here|around|born)\b",
        r"\bwish i (?:had )?never (?:been born|woke up)\b",
        rf"\bfeel like (?:dying|ending it|killing myself|ending my life)\b"
        rf"(?! (?:of|from) {_IDIOM_OF})",
        r"\bbetter (?:if|that) i (?:died|was dead|were dead|was gone|were gone|wasnt here|"
        r"werent here|wasnt around)\b",
        r"\bdone with (?:this |my )?(?:life|living|being alive)\b(?! of)",
        r"\bleave this world\b",
        r"\b(?:disappear|vanish) (?:forever|for good|and never come back)\b",
        r"\b(?:go to |fall )?sleep forever\b",
        r"\b(?:ways|way|how) to (?:die|kill myself|end it|end my life|commit suicide|overdose)\b",
        # Not wanting to live or to wake up; not expecting to be here. "I don't want to live
        # with my parents" is not.
        r"\b(?:dont|do not|dont really|no longer|not sure i) (?:want|wanna|wish) (?:to )?"
        r"(?:live|be alive|exist|keep living|wake up)\b"
        r"(?! (?:with|in|at|near|there|alone|by myself|on my own|far|close|so far))",
        r"\b(?:dont|do not) (?:want|wanna) to be (?:here|around) any ?more\b",
        r"\b(?:stop|to stop) existing\b",
        rf"\b(?:tired|sick) of (?:living|being alive|life)(?: any ?more)?{_END}",
        rf"\bcant (?:keep|go on|carry on) living(?: like this)?{_END}",
        # "I can't go on Tuesdays" is a schedule, so the phrase must end here.
        rf"\bcant (?:go on|keep going|do this any ?more|take (?:it|this) any ?more|"
        rf"live like this)(?: like this)?(?: any ?more)?{_END}",
        r"\bcant (?:go on|keep going) (?:living|with life|like this)\b",
        r"\b(?:dont know|do not know|idk|not sure) how (?:much )?(?:longer|long) i can "
        r"(?:keep going|go on|hold on|take (?:it|this)|do this)\b",
        r"\b(?:not gonna|not going to|wont|will not) be (?:around|here|alive) (?:much |for )?"
        r"(?:longer|any ?more|tomorrow|for long)\b",
        r"\b(?:dont|do not|wont|not)\b(?:\W+\w+){0,3}?\W+make it (?:through|past) "
        r"(?:the night|tonight|this night)\b",
        rf"\bin case i (?:dont|do not) make it{_END}",
        r"\b(?:dont|do not|never) want to wake up\b",
        r"\bhope i (?:dont|never) wake up\b",
        r"\b(?:sleep|go to sleep|fall asleep) and (?:never|not) wake up\b",
        r"\b(?:if|what if) i (?:just )?(?:didnt|never|dont) wake up\b",
        r"\b(?:dont|do not) care (?:if|whether) i (?:die|live|wake up|dont wake up|od)\b",
        # No reason to live.
        r"\b(?:no|not any|dont have a|dont see (?:a|any|the)|cant see (?:a|any|the)|"
        r"lost (?:my|the|all)?|without a|there is no|theres no) ?(?:reason|point|will) "
        r"(?:to|in|for) (?:live|living|go on|going on|keep going|be alive|life|being alive)\b",
        r"\bnothing (?:left )?to live for\b",
        r"\blost the will to live\b",
        r"\b(?:whats|what is) the point (?:of|in) (?:living|life|being alive|going on)\b",
        r"\b(?:life|living) (?:isnt|is not|aint|is no longer) worth (?:living|it)\b",
        r"\bwant (?:it|it all|everything|my life|this) to (?:be over|end|stop)\b",
        r"\b(?:except|but|other than|only) (?:ending it|dying|death|suicide|killing myself)\b",
        r"\b(?:death|dying) would be (?:a relief|easier|better)\b",
        # Feeling a burden.
        r"\bbetter off (?:dead|without me|if i (?:was|were|wasnt|werent) (?:dead|gone|here))\b",
        r"\b(?:everyone|everybody|they|my family|my kids|the world|people)(?: would| will|d)? "
        r"be better (?:off )?without me\b",
        r"\b(?:no one|nobody) (?:would|will|is going to) (?:even )?(?:miss|notice|care about) me\b",
        r"\b(?:no one|nobody) would (?:even )?(?:notice|care)\b",
        r"\b(?:doing|do) (?:everyone|everybody|them|the world|my family) a favou?r (?:by (?:dying|"
        r"leaving for good|disappearing|killing myself)|if i (?:died|was gone|disappeared))\b",
        # Overdose on purpose. A dose taken as prescribed ("I take all my pills in the
        # morning") is not; an overdose told as history is not.
        r"\b(?:want to|wanna|going to|gonna|plan(?:ning)? to|about to|trying to) "
        r"(?:od|overdose)\b",
        r"\b(?:od|overdose|overdosing) (?:on purpose|tonight|today|now|this (?:week|weekend))\b",
        r"\bhope (?:i (?:die|od|overdose)|(?:it|this|the next one) kills me)\b",
        r"\b(?:took|take|taking|swallowed|swallow|gonna take|going to take) "
        r"(?:a bunch|all|a lot|a handful|the whole (?:bottle|pack|box)|everything) "
        rf"(?:of )?(?:my |the |these )?{_DOSES}\b"
        r"(?! (?:today|this morning|in the morning|at night|every day|daily|now|as prescribed|"
        r"on time|like (?:i|im) supposed))",
        rf"\b(?:thinking (?:of|about)|going to|gonna|want to|wanna|plan(?:ning)? to|about to) "
        rf"(?:take|taking|swallow|swallowing) (?:all|every|a bunch|the rest) (?:of )?"
        rf"(?:my |the )?{_DOSES}\b",
        rf"\b{_DOSES} at once\b",
        r"\bthe whole bottle\b",
        r"\b(?:took|swallowed) (?:a|an entire|a whole) (?:bottle|pack|box) of\b",
        r"\b(?:take|took|swallow|swallowed|taking) every (?:pill|tablet)\b",
        r"\b(?:pills|meds|tablets) (?:lined up|saved up|stockpiled|stashed)\b",
        rf"\b(?:stockpil\w+|hoarding|saving up|stashing) (?:all )?(?:my |the )?{_DOSES}\b",
        r"\b(?:use|take|do) (?:everything|all) (?:i have|ive got|i got) left\b",
        r"\b(?:use|using|drink|drinking) (?:until|till|til) i (?:die|am dead|m dead)\b",
        r"\bdrink(?:ing)? myself to death\b",
        # Means at hand, places, methods.
        r"\b(?:bought|got|buying|looking at|holding|loaded) (?:a |my |the )?(?:gun|pistol|"
        r"firearm|rope|noose)\b(?! (?:license|permit|safe|course|class))",
        r"\bhave (?:a |my |the )?(?:gun|pistol|rope|noose) (?:ready|loaded|here|next to me|"
        r"in my hand)\b",
        r"\b(?:gun|rope|pills|knife|blade|razor) (?:is |are )?(?:ready|loaded|in my hand|"
        r"next to me)\b",
        r"\b(?:bought|have|got|drink|drank|take|took|swallow) (?:some |the )?(?:rat )?poison\b",
        r"\bgarage\b.{0,40}\bengine (?:running|on)\b",
        r"\b(?:jump|jumping|throw myself|throwing myself) (?:off|from|in front of) "
        r"(?:a |the |this |that )?(?:bridge|building|roof|train|overpass|balcony|cliff|car|truck|"
        r"bus)\b",
        rf"\b(?:going to|gonna|about to|ready to) jump{_END}",
        r"\b(?:im|i am) (?:on|at) (?:the|a) (?:bridge|ledge|edge of the roof)\b",
        r"\b(?:drive|driving|crash|crashing) (?:my car )?(?:off (?:a|the) (?:road|bridge|cliff)|"
        r"into (?:a|the) (?:wall|tree|river)|on purpose)\b",
        # Not safe now; farewells.
        r"\b(?:im|i am|i m) not safe\b",
        r"\bnot safe (?:right now|tonight|with myself|alone|by myself|around myself)\b",
        r"\bdont feel safe (?:with myself|right now|tonight|alone|around myself)\b",
        r"\bgoodbye (?:forever|everyone|everybody|all)\b",
        r"\b(?:this is|its) my (?:last|final) (?:message|goodbye|night)\b",
        r"\bgoodbye (?:letter|note)\b",
        r"\bgiving away (?:all )?my (?:stuff|things|belongings)\b",
    ],
    "es": [
        # Matarse, hacerse daño, cortarse. "Me mato trabajando" (overwork) and "me corté el
        # pelo / cocinando" are not.
        r"\b(?:matarme|suicidarme|autolesionarme|ahorcarme|colgarme|dispararme|envenenarme)\b"
        r"(?! (?:trabajando|estudiando|de (?:risa|trabajo)))",
        r"\bme (?:quiero|voy a|pienso|gustaria) (?:matar|suicidar|ahorcar)\b"
        r"(?! (?:trabajando|estudiando|de (?:risa|trabajo)))",
        r"\b(?:hoy|esta noche|manana|ya) me mato\b(?! (?:trabajando|estudiando|de))",
        r"\bpegarme un tiro\b",
        r"\b(?:hacerme|me voy a hacer|me quiero hacer|me hago|me hice) dano\b",
        r"\b(?:estoy|sigo|vuelvo a|voy a|quiero) (?:hacerme|haciendome|haciendo) dano\b",
        r"\bme (?:estoy|sigo|vuelvo a) (?:haciendo dano|lastimando)\b",
        r"\blastimarme\b",
        rf"\b(?:cortarme|me corto|me corte|me estoy cortando|me sigo cortando|"
        rf"me volvi a cortar)\b{_ACCIDENT_NEAR}",
        r"\bautolesion(?:es)?\b",
        # Quitarse la vida, querer morir. "Me muero de ganas de volver" is not.
        r"\bquitarme la vida\b",
        r"\bme (?:\w+ ){1,2}quitar la vida\b",
        r"\b(?:quitar|terminar|acabar|poner fin a|ponerle fin a) (?:con )?mi (?:propia )?vida\b",
        r"\bsuicidas?\b",
        r"\b(?:pensando|pienso|pensar|pensamientos?|ideas?|ideacion|planeando|plan) "
        r"(?:en |de |del )?(?:el )?suicidio\b",
        r"\bintento de suicidio\b",
        r"\b(?:pienso|pensando|pensar) en la muerte\b",
        rf"\b(?:me quiero|quiero|quisiera|me gustaria|tengo ganas de|ganas de|deseo|me voy a) "
        rf"morir(?:me)?\b(?! de {_IDIOM_OF})",
        r"\b(?:quisiera|ojala|desearia|quiero|preferiria) (?:estar|estuviera) muert[oa]s?\b",
        r"\bprefiero estar muert[oa]\b",
        r"\bojala (?:me muriera|me muera|no despertar|no despierte|no haber nacido)\b",
        r"\bme da igual (?:morir|morirme|si me muero)\b",
        r"\b(?:lo mejor|mejor) (?:es|seria|sera) (?:morir|morirme|matarme|desaparecer|"
        r"que me muera)\b",
        r"\b(?:irme|ir) de este mundo\b",
        r"\bdesaparecer (?:para siempre|del mundo|de este mundo)\b",
        r"\bdormir(?:me)? para siempre\b",
        # No querer vivir ni despertar; no esperar seguir aquí. "No quiero vivir con mi ex"
        # and "ya no puedo ir los lunes" are not.
        r"\b(?:no|ya no) (?:quiero|tengo ganas de) (?:seguir )?"
        r"(?:vivir|viviendo|despertar|despertarme|estar viv[oa]|existir)\b"
        r"(?! (?:con|en|aqui|alla|ahi|cerca|sol[oa]|lejos|junto))",
        r"\bno (?:tengo )?ganas de vivir\b",
        r"\b(?:no quiero|ya no quiero) (?:seguir )?existi(?:r|endo)\b",
        r"\b(?:dejar de|parar de) (?:existir|vivir)\b",
        r"\bya no quiero estar aqui\b",
        rf"\bno quiero (?:seguir )?estar aqui{_END}",
        r"\b(?:estoy|ya me) (?:cansad[oa] de|canse de) vivir\b"
        r"(?! (?:en|con|de|lejos|cerca|sol[oa]|aqui|alla|rentando))",
        rf"\b(?:ya )?no (?:puedo|aguanto|soporto) (?:mas|con (?:esta|la|mi) vida)"
        rf"(?:{_END}| de vivir| con (?:esta|la|mi) vida| vivir)",
        r"\b(?:quisiera|quiero|ojala|deseo|me gustaria) no (?:despertar|despertarme|volver a "
        r"despertar)\b",
        r"\b(?:dormirme|dormir) y (?:no|nunca) (?:volver a )?despertar\b",
        r"\bno despertar(?:me)? nunca\b",
        r"\bno voy a estar (?:aqui|viv[oa]) (?:manana|mucho tiempo)\b",
        r"\bno (?:creo que )?(?:pase|paso|llegue|llego) (?:de esta noche|a manana)\b",
        # Sin razón para vivir.
        r"\b(?:no|sin) (?:tiene|tengo|hay|le encuentro|le veo|encuentro|veo) (?:ningun |el |mas )?"
        r"(?:sentido|razon|razones|motivo|motivos) (?:a la vida|de la vida|de vivir|para vivir|"
        r"por el que vivir|seguir viviendo|a vivir|a nada)\b",
        r"\bno tiene (?:caso|sentido) (?:seguir viviendo|vivir|seguir)\b",
        r"\bno vale la pena (?:vivir|seguir viviendo|seguir)\b",
        r"\b(?:la vida|vivir) (?:ya )?no vale la pena\b",
        r"\bnada por (?:lo )?que vivir\b",
        r"\b(?:acabar|terminar) con todo\b(?! (?:el|los|la|las|lo que|eso de))",
        r"\bla muerte seria (?:un alivio|mas facil|mejor)\b",
        r"\bseria mas facil (?:morir|morirme|estar muert[oa])\b",
        # Ser una carga.
        r"\b(?:todos|mi familia|mis hijos|el mundo|todo el mundo|la gente) "
        r"(?:estarian|estaria|estaran|estara) mejor sin mi\b",
        r"\b(?:estarian|estaria|estaran) mejor sin (?:mi|su (?:madre|padre|mama|papa))\b",
        r"\b(?:estaria|estarian) mejor muert[oa]\b",
        r"\bnadie (?:me )?(?:extranaria|va a extranar|notaria)\b",
        r"\bnadie (?:se )?(?:daria cuenta|notaria|va a notar)\b",
        # Sobredosis a propósito. "Quiero dejar de tomar de una vez por todas" is not.
        r"\bsobredosis (?:a proposito|esta noche|hoy|intencional)\b",
        r"\b(?:quiero|voy a) (?:darme |tener |provocarme )?una sobredosis\b",
        r"\b(?:tomarme|me voy a tomar|me tome|me tomo|tome|tomar) (?:todas|todos) "
        r"(?:las|los|mis) (?:pastillas|pildoras|medicamentos|medicinas|remedios)\b"
        r"(?! (?:del dia|de hoy|como|a tiempo))",
        rf"\b(?:pensando en|quiero|voy a|pienso) (?:tomar(?:me)?|tragar(?:me)?) (?:todas|todos) "
        rf"(?:las |los |mis )?{_DOSES}\b",
        r"\b(?:me las|las) (?:voy a tomar|tomo|tome|tomare) todas\b|\btomarmelas todas\b",
        rf"\b(?:tomar(?:me)?(?:las|los)?|tragar(?:me)?(?:las|los)?) (?:todas|todos) "
        rf"(?:las |los |mis )?(?:{_DOSES} )?de (?:una|un) (?:vez|golpe)\b(?! por todas)",
        rf"\b{_DOSES} de (?:una|un) (?:vez|golpe)\b(?! por todas)",
        r"\b(?:me tome|tome|me tomo|tomarme) (?:un|el|todo el|una|la) (?:frasco|bote|blister|caja)"
        r"(?: entero| entera)? de\b",
        r"\b(?:ya )?(?:tengo|junte|guarde) (?:las|mis|suficientes) pastillas "
        r"(?:listas|guardadas|juntas|separadas)\b",
        r"\b(?:tomar|beber|consumir|usar) hasta (?:morir|morirme|matarme)\b",
        # Medios y lugares.
        r"\b(?:compre|tengo|tomar|tomarme|tome|me tome) (?:el |un |este )?veneno\b",
        r"\bveneno (?:para|de) (?:ratas|raton|ratones)\b",
        r"\b(?:tirarme|aventarme|lanzarme|arrojarme|me (?:voy a |quiero )?(?:tirar|aventar|lanzar|"
        r"arrojar)) (?:de|del|desde|al|a las|a la|frente al?) "
        r"(?:un |una |el |la )?(?:puente|edificio|techo|azotea|metro|tren|vias|carro|balcon)\b",
        r"\b(?:estoy|me encuentro) en (?:el|la) (?:puente|azotea|orilla del techo)\b",
        # No estar a salvo; despedidas. "No estoy seguro" (not sure) is not.
        r"\bno estoy a salvo\b",
        r"\b(?:no me siento) (?:a salvo|segur[oa]) (?:conmigo|esta noche|ahora)\b",
        r"\b(?:despedirme de todos|esta es mi despedida|adios para siempre)\b",
        r"\b(?:carta|nota) de despedida\b",
        r"\bregalar (?:todas )?mis cosas\b",
    ],
    "pt": [
        # Se matar, se machucar, se cortar. "Eu me mato de trabalhar" and "me cortei
        # cozinhando" are not.
        r"\b(?:me matar|me suicidar|me enforcar|me envenenar)\b"
        r"(?! (?:de (?:trabalhar|rir|estudar|trabalho)|trabalhando|estudando))",
        r"\b(?:hoje|essa noite|esta noite|amanha)(?: eu)? me mato\b(?! (?:de|trabalhando))",
        r"\beu me mato\b(?! (?:de|trabalhando|estudando))",
        r"\bme dar um tiro\b",
        r"\b(?:me machucar|me ferir)\b(?! (?:no|na) (?:trabalho|academia|jogo|futebol|treino))",
        r"\b(?:me machucando|me ferindo)\b(?! (?:no|na) (?:trabalho|academia|jogo|futebol|treino))",
        rf"\b(?:me cortar|me cortando|me cortei|me corto)\b{_ACCIDENT_NEAR}",
        r"\b(?:automutilacao|autolesao|me automutilar|me mutilar)\b",
        # Tirar a própria vida, querer morrer. "Morrendo de vontade de voltar" is not.
        r"\b(?:tirar|dar (?:um )?fim (?:a|na|em)|acabar com) (?:a )?(?:minha )?(?:propria )?vida\b",
        r"\bsuicidas?\b",
        r"\b(?:pensando|penso|pensar|pensamentos?|ideias?|ideacao|planejando|plano) "
        r"(?:em |de |no )?(?:o )?suicidio\b",
        r"\btentativa de suicidio\b",
        r"\b(?:penso|pensando|pensar) na morte\b",
        rf"\b(?:quero|queria|to querendo|tou querendo|estou querendo|tenho vontade de|"
        rf"vontade de|desejo) morrer?\b(?! de {_IDIOM_OF})",
        r"\bvou morrer (?:hoje|essa noite|esta noite)\b",
        r"\b(?:queria|quero|preferia|gostaria de) (?:estar|tar|ta|ter) mort[oa]s?\b",
        r"\bprefiro estar mort[oa]\b",
        r"\btomara que eu morra\b",
        r"\btanto faz se eu (?:morrer|morro)\b",
        r"\b(?:o melhor|melhor) (?:e|seria|ia ser) (?:eu )?(?:morrer|me matar|sumir)\b",
        r"\b(?:ir embora|partir|sair) (?:desse|deste) mundo\b",
        r"\b(?:sumir|desaparecer) (?:pra sempre|para sempre|do mundo)\b",
        r"\bdormir (?:pra|para) sempre\b",
        # Não querer viver nem acordar; não esperar estar aqui. "Não quero mais viver com
        # meus pais" and "não aguento mais ficar sem o grupo" are not.
        r"\b(?:nao|n|naum|nem) (?:quero|to querendo|tenho vontade de) (?:mais )?"
        r"(?:viver|acordar|estar viv[oa]|existir|continuar vivendo|continuar viv[oa])\b"
        r"(?! (?:com|em|aqui|la|perto|sozinh[oa]|longe|junto|no|na))",
        r"\b(?:sem|nao tenho(?: mais)?|perdi a) vontade de viver\b",
        r"\b(?:nao quero|n quero|quero) (?:mais |continuar )?(?:parar de )?existir\b",
        r"\bparar de (?:existir|viver)\b",
        r"\b(?:nao|n) quero mais estar aqui\b",
        r"\b(?:cansei|cansad[oa]) de viver\b"
        r"(?! (?:no|na|em|com|de|longe|perto|sozinh[oa]|aqui|la|de aluguel))",
        rf"\b(?:ja )?(?:nao|n) (?:aguento|suporto|consigo) mais(?:{_END}| viver|"
        rf" (?:essa|esta|a|minha) vida)",
        r"\b(?:queria|quero|gostaria de|tomara que eu) (?:nao|n) (?:acordar|acorde|acordasse)\b",
        r"\bdormir e (?:nunca mais|nao) acordar\b",
        r"\b(?:nao|n) vou estar (?:aqui|viv[oa]) (?:amanha|por muito tempo)\b",
        r"\b(?:acho que )?(?:nao|n) (?:passo|chego) (?:dessa|desta|de hoje a) noite\b",
        # Sem motivo para viver.
        r"\b(?:nao|n) (?:vejo|tem|ha|encontro) (?:mais )?(?:nenhum )?(?:sentido|motivo|razao|"
        r"razoes|motivos) (?:em|na|pra|para|de) (?:viver|vida|continuar vivendo|continuar|nada)\b",
        r"\bsem (?:sentido|motivo|razao) (?:pra|para) viver\b",
        r"\bnada pelo que viver\b",
        r"\b(?:a vida|viver) (?:ja )?(?:nao|n) vale (?:mais )?a pena\b",
        r"\bnao vale a pena (?:viver|continuar vivendo|continuar)\b",
        r"\bacabar com tudo\b(?! (?:o|os|a|as|que))",
        r"\b(?:so|somente|apenas) (?:a )?morte\b",
        r"\ba morte seria (?:um alivio|mais facil|melhor)\b",
        r"\bseria mais facil (?:morrer|estar mort[oa])\b",
        # Ser um peso.
        r"\b(?:todo mundo|minha familia|meus filhos|o mundo|todos|as pessoas) "
        r"(?:ficaria|ficariam|estaria|estariam|vai ficar|vao ficar|fica) melhor sem mim\b",
        r"\b(?:ficariam|ficaria|estariam|estaria) melhor sem (?:mim|a mae deles|o pai deles|"
        r"sua mae|seu pai)\b",
        r"\bninguem (?:sentiria|vai sentir) (?:a )?minha falta\b",
        r"\bninguem (?:ia|iria|vai|vai nem) (?:notar|perceber|sentir (?:a )?(?:minha )?falta)\b",
        # Overdose de propósito. "Quero parar de beber de uma vez por todas" is not.
        r"\boverdose (?:de proposito|proposital|hoje|essa noite|esta noite)\b",
        r"\b(?:quero|vou) (?:ter |tomar )?uma overdose\b",
        r"\b(?:tomar|tomei|vou tomar|tomo|tomando) (?:todos|todas) (?:os|as) (?:meus |minhas )?"
        r"(?:remedios|comprimidos|pilulas|calmantes)\b"
        r"(?! (?:do dia|de hoje|certinho|na hora))",
        r"\btomar (?:tudo|todos|todas) de uma vez\b(?! por todas)",
        rf"\btomei (?:um monte|uma cartela|um vidro|um frasco|uma caixa|varios|muitos|muitas) "
        rf"(?:de )?{_DOSES}\b",
        r"\btomei (?:a cartela|a caixa|o vidro|o frasco) (?:toda|todo|inteira|inteiro)\b",
        r"\bseparei (?:os|as|uns|umas|meus|minhas) (?:comprimidos|remedios|pilulas|calmantes)\b",
        r"\b(?:beber|usar|tomar) ate morrer\b",
        # Meios e lugares.
        r"\b(?:comprei|tenho|tomar|tomei|beber|bebi) (?:o |um |uns )?veneno\b",
        r"\bveneno de rato\b|\bchumbinho\b",
        r"\b(?:me jogar|pular|me atirar) (?:da|de|do|na frente d[eoa]|embaixo d[eoa]) "
        r"(?:um |uma |da |do )?(?:ponte|predio|janela|trem|metro|carro|onibus|viaduto|sacada)\b",
        r"\b(?:to|tou|estou) (?:na|em cima da) (?:ponte|beira do predio|laje)\b",
        # Não estar seguro; despedidas. "Não estou seguro se posso voltar" (not sure) is not.
        r"\b(?:nao|n) (?:estou|to|tou) segur[oa]\b"
        r"(?! (?:se|de|que|sobre|do|da|quanto|com relacao|em relacao))",
        r"\bnao me sinto segur[oa] (?:comigo|hoje|agora|sozinh[oa])\b",
        r"\b(?:me despedir de todos|essa e minha despedida|adeus para sempre)\b",
        r"\b(?:carta|bilhete) de despedida\b",
        r"\bdar (?:todas )?as minhas coisas\b",
    ],
}
_CRISIS = _compile(p for patterns in _CRISIS_PATTERNS.values() for p in patterns)

# Explicit denials of the present state. The denied phrase is blanked out before the crisis
# search, so "I'm not suicidal, just tired" is routine while "not suicidal, but I want to die"
# is still urgent. Only "not / never / no longer" style cues count: "can't stop thinking about
# killing myself" and "I don't want to hurt myself" are not denials. "I don't want to die
# like my dad did" is: it says the wish to live, and would otherwise match "want to die".
_CRISIS_CORE_EN = (
    r"(?:suicidal|suicide|kill(?:ing)? myself|hurt(?:ing)? myself|harm(?:ing)? myself|"
    r"cut(?:ting)? myself|end(?:ing)? (?:it|my life)|self harm(?:ing)?|taking my (?:own )?life)"
)
_CRISIS_CORE_ES = (
    r"(?:suicid\w*|matarme|hacerme dano|lastimarme|cortarme|quitarme la vida|autolesion\w*)"
)
_CRISIS_CORE_PT = r"(?:suicid\w*|me matar|me machucar|me ferir|me cortar|tirar (?:a )?minha vida)"
_NEGATIONS = _compile(
    [
        r"\b(?:not|never|no longer|isnt|arent|wasnt) (?:at all |even |really |currently )?"
        r"(?:feeling |been |being |going to |gonna |planning (?:to |on )|thinking (?:about |of )|"
        r"about to |having thoughts (?:about |of )|trying to )?" + _CRISIS_CORE_EN + r"\b",
        r"\bno (?:suicidal|self harm) (?:thoughts|ideation|plans?|feelings)\b",
        r"\b(?:dont|do not) have (?:any )?(?:suicidal thoughts|thoughts (?:of|about) "
        + _CRISIS_CORE_EN
        + r")\b",
        r"\bno thoughts (?:of|about) " + _CRISIS_CORE_EN + r"\b",
        r"\b(?:dont|do not) (?:want|wanna) to die\b",
        r"\bno (?:estoy|ando|me siento|soy|tengo|voy a|pienso|planeo) (?:pensando en |"
        r"pensamientos |ideas |planes de |intencion de |ganas de )?" + _CRISIS_CORE_ES + r"\b",
        r"\bnunca (?:he )?(?:sido|estado|pensado en|tenido) (?:pensamientos |ideas )?"
        + _CRISIS_CORE_ES
        + r"\b",
        r"\bno (?:me quiero|quiero) morir\b",
        r"\b(?:nao|n|nunca) (?:estou|to|tou|sou|me sinto|tenho|penso|vou|pretendo|ando|fui) "
        r"(?:pensando em |pensamentos |ideias |vontade de |planos de )?" + _CRISIS_CORE_PT + r"\b",
        r"\bnao quero morrer\b",
    ]
)


def has_crisis_language(text: str) -> bool:
    """True when the message holds a phrase saying the writer may be in danger now."""
    plain = _plain(text[:MAX_SCREENED_CHARS])
    for negation in _NEGATIONS.candidates(plain):
        plain = negation.pattern.sub(" ~ ", plain)
    return _CRISIS.any(plain)


# Words near crisis that are not crisis language on their own ("I've been so hopeless",
# "drinking again", "no aguanto más"). With the person's own "I'm struggling" they make the
# inquiry "possible risk — review today"; alone they change nothing.
_RISK_WORDS = _compile(
    [
        # English
        r"\b(?:hopeless\w*|worthless|helpless|burden|trapped|empty inside|numb)\b",
        r"\b(?:give up|giving up|gave up|cant go on|cant do this|cant take (?:it|this))\b",
        r"\b(?:die|dying|dead|death|suicid\w*|kill\w*|hurt(?:ing)? myself|harm\w*)\b",
        r"\b(?:overdos\w*|pills|relaps\w*|using again|drinking again|high again)\b",
        r"\b(?:unsafe|not safe|scared|panic\w*|alone|no one|nobody cares)\b",
        # Spanish
        r"\b(?:sin esperanza|desesperad[oa]|no valgo nada|una carga|atrapad[oa]|vaci[oa])\b",
        r"\b(?:no aguanto|no puedo mas|rendirme|me rindo|ya no puedo)\b",
        r"\b(?:morir\w*|muert[eo]\w*|suicid\w*|matar\w*|lastimarme|hacerme dano)\b",
        r"\b(?:sobredosis|pastillas|reca(?:i|ida)\w*|consumiendo otra vez|bebiendo otra vez)\b",
        r"\b(?:no estoy a salvo|no me siento segur[oa]|mied[oa]|sol[oa]|nadie)\b",
        # Brazilian Portuguese
        r"\b(?:sem esperanca|desesperad[oa]|nao valho nada|um peso|um fardo|preso|vazi[oa])\b",
        r"\b(?:nao aguento|nao consigo mais|desistir|desisto)\b",
        r"\b(?:morrer|morte|mort[oa]|suicid\w*|me matar|me machucar|me ferir)\b",
        r"\b(?:overdose|remedios|comprimidos|reca(?:i|ida)\w*|usando de novo|bebendo de novo)\b",
        r"\b(?:nao estou segur[oa]|medo|sozinh[oa]|ninguem)\b",
    ]
)


def has_risk_words(text: str) -> bool:
    """True when the message holds a word near crisis (hopeless, pills, no aguanto...)."""
    return _RISK_WORDS.any(_plain(text[:MAX_SCREENED_CHARS]))
