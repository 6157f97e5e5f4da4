"""Spam signals: a score built from several independent signals, none enough alone."""

from __future__ import annotations

import re

from .text import MAX_SCREENED_CHARS, RuleSet, _compile, _plain, _rule, normalise

SPAM_THRESHOLD = 5

# Weights of the form signals. Each is below the threshold alone and the two together reach
# it, so a bot that fills the hidden field and posts at once is quarantined on that alone.
HONEYPOT_WEIGHT = 4
TOO_FAST_WEIGHT = 3


_TLDS = (
    r"com|net|org|info|biz|ru|xyz|top|io|co|cc|shop|store|online|site|click|bet|club|live|me|"
    r"us|ly|link|app|pro|mx|br|tk|ml|ga|cf|gq|win|vip|loan|cn|su|pw|ws|fun|space|website|icu|"
    r"buzz|monster|casino|today|gl|gd|agency|digital|marketing|tech|network"
)
_LINK = re.compile(
    r"(?:\b(?:https?|hxxps?)://\S+|\bwww\.\S+|"
    # A bare domain, but not the domain of an e-mail address someone leaves to be reached at.
    rf"(?<![@\w.-])(?:[a-z0-9-]+\.)+(?:{_TLDS})\b(?![@\w-])(?:/\S*)?)"
)
_SUSPICIOUS_TLD = re.compile(
    r"\.(?:ru|xyz|top|biz|info|click|bet|shop|store|online|cc|tk|ml|ga|cf|gq|win|vip|loan|su|"
    r"pw|icu|buzz|monster|casino|site|fun|space)\b"
)
# An e-mail address is how a person asks to be reached, so only its domain can count.
_EMAIL_DOMAIN = re.compile(r"(?<=[\w.+-])@((?:[a-z0-9-]+\.)+[a-z]{2,})\b")
_SHORTENER = re.compile(
    r"\b(?:bit\.ly|tinyurl\.com|t\.co|goo\.gl|t\.me|wa\.me|cutt\.ly|is\.gd|rebrand\.ly|"
    r"ow\.ly|shorturl\.at)\b"
)
# Words that sit inside spam domains ("lucky-spins-win.xyz", "cheap-meds-rx.top").
_SPAMMY_DOMAIN = re.compile(
    r"casino|cassino|spin|slot|bet|jackpot|loan|cash|pharma|rx|pill|meds|viagra|cialis|seo|"
    r"crypto|cripto|bitcoin|forex|replica|dating|singles|brides|porn|xxx|cheap|prize|premio|"
    r"gift|gratis|free|prestamo|emprestimo|apuesta|aposta|tigr|renda|ingreso|income|follow|"
    r"segui|citas|encontro|win|ganha|ganad|bonus|bono|lucky|promo"
)
_MARKUP = re.compile(
    r"(?:<\s*a\s+href|<\s*/\s*a\s*>|<\s*(?:img|script|iframe|div|span|p|b|strong|br|font|"
    r"h[1-6])\b[^>]*>|\[\s*(?:url|link|img)\s*[=\]]|\[\s*/\s*url\s*\]|\[[^\]\n]{1,80}\]\(https?://)"
)
_SHOUTING = re.compile(r"\b[A-Z]{3,}(?:\W+[A-Z]{2,}){3,}\b|[A-Z]{12,}")

# Spam vocabulary by theme, searched in the plain text. Words a client might use about their
# own life (casino, betting, crypto, a loan, "no prescription", WhatsApp, a price) weigh 1:
# a message needs several signals from this table, or a link and a couple of them, to reach
# the threshold. Each rule counts once however often it matches.
_SPAM_TERMS: dict[str, list[tuple[str, int]]] = {
    "gambling": [
        (r"\bcas+[i1]n[o0]s?\b", 1),
        (r"\bjackpot\b", 2),
        (r"\b(?:free spins|giros (?:gratis|gratuitos)|rodadas gratis)\b", 3),
        (r"\b(?:welcome bonus|bono de bienvenida|bonus de boas vindas|bonus de cadastro)\b", 3),
        (r"\b(?:first deposit|primer deposito|primeiro deposito)\b", 3),
        (r"\b(?:sports betting|apuestas deportivas|apostas esportivas)\b", 1),
        (r"\b(?:best odds|mejores cuotas|melhores odds|melhores cotacoes)\b", 2),
        (r"\b(?:fortune tiger|tigrinho|jogo do tigre)\b", 3),
        (r"\b(?:real money|dinero real|dinheiro real)\b", 1),
        (r"\b(?:slots?|roulette|ruleta|roleta)\b", 1),
        (r"\b(?:bet now|apuesta ya|aposte ja|gana en grande|win big)\b", 2),
        (r"\bsaque (?:rapido|via pix|na hora|imediato)\b", 2),
    ],
    "crypto": [
        (r"\b(?:bitcoin|btc|usdt|ethereum|eth|crypto|cripto|binance|forex)\b", 1),
        (
            r"\b(?:guaranteed|garantizad[oa]s?|garantid[oa]s?) (?:returns?|profits?|income|"
            r"ganancias|rendimientos?|lucros?|retornos?)\b",
            3,
        ),
        (
            r"\b(?:double|triple) your (?:money|investment|bitcoin|crypto)\b"
            r"|\bx10 (?:profit|gains)\b",
            3,
        ),
        (r"\b(?:passive income|ingresos pasivos|renda passiva|renda extra)\b", 2),
        (
            r"\b(?:daily|diari[oa]s?|por dia) (?:profit|returns?|ganancias|lucros?|rendimentos?)\b",
            2,
        ),
        (r"\b(?:invest|investment|inversion|invierte|investimento|invista)\b.{0,40}\b\d+ ?%", 2),
    ],
    "diet": [
        (r"\b(?:fat burner|burn fat|quemador de grasa|queimador de gordura|garcinia)\b", 3),
        (r"\b(?:lose weight fast|adelgaza rapido|emagrecer rapido|emagreca rapido)\b", 3),
        (
            r"\b(?:no diet|without dieting|sin dieta|sem dieta|sem academia|sin gimnasio|"
            r"no exercise|sin ejercicio)\b",
            2,
        ),
        (
            r"\b(?:keto|detox|seca barriga|emagrecedor|quema grasa|derrete gordura|"
            r"gummies|slimming|adelgazante)\b",
            2,
        ),
        (r"\b(?:clinically proven|doctors (?:dont|hate)|producto milagroso|milagros[oa])\b", 2),
    ],
    "pharma": [
        (r"\bv[i1!|]agra\b|\bc[i1]al[i1]s\b|\blevitra\b|\bkamagra\b", 2),
        (r"\b(?:no|without|sin|sem) (?:a )?(?:prescription|rx|receta|receita)(?: needed)?\b", 1),
        (r"\b(?:overnight|discreet|fast|express|worldwide) (?:delivery|shipping|packaging)\b", 2),
        (r"\b(?:envio|entrega) (?:rapid[oa] (?:y|e) )?discret[oa]\b", 2),
        (r"\b(?:online pharmacy|pharmacy online|farmacia (?:online|en linea))\b", 2),
        (r"\b(?:buy|order|compra|compre|comprar)\b.{0,60}\b(?:online|en linea|on line)\b", 1),
        (
            r"\b(?:weight loss|diet|keto|slimming) pills\b|\b(?:pastillas|pilulas|capsulas) para "
            r"(?:adelgazar|emagrecer)\b|\bcha milagroso\b",
            2,
        ),
        (r"\b(?:lose|baja|perde|emagreca) \d+ ?(?:kg|kilos|lbs|pounds|quilos)\b", 2),
    ],
    "web_services": [
        (r"\bseo\b", 2),
        (r"\b(?:dofollow|do follow|nofollow)\b", 3),
        (r"\b(?:link insertions?|niche edits?|(?:da|dr) \d{2}\+?)\b", 2),
        (r"\bback ?links?\b|\blink building\b|\bconstruccion de enlaces\b", 2),
        (r"\b(?:first|1st) page (?:of|on) google\b|\bprimera pagina de google\b", 2),
        (r"\bprimeira pagina do google\b|\b(?:rank|ranking|rankear) (?:higher|on google)\b", 2),
        (r"\bposicionamiento(?: web| seo)?\b|\botimizacao de sites\b", 2),
        (r"\bguest posts?\b|\barticulos? (?:invitados|patrocinados)\b", 2),
        (r"\bposts? (?:invitado|convidado)s?\b|\b(?:publicar|publish) (?:un |a )?post\b", 2),
        (
            r"\b(?:redesign|rediseno|redesenho|rebuild) (?:your |su |seu )?(?:\w+ )?"
            r"(?:websites?|sites?|pagina|paginas)\b|\bmockup\b|\bwordpress\b",
            2,
        ),
        (r"\b(?:loads? slowly|not mobile|ada complian\w*|page 1 of google|near me)\b", 2),
        (r"\b(?:new patients|pacientes nuevos|novos pacientes) (?:every|each|per|al|por)\b", 2),
        (r"\b(?:strategy call|llamada de estrategia|diseno (?:y|de) (?:paginas|sitios))\b", 2),
        (r"\b(?:artigos|posts) patrocinados\b|\bsponsored (?:posts?|articles?)\b", 2),
        (
            r"\b(?:domain authority|autoridad de dominio|autoridade de dominio)\b|\bda \d{2}\b"
            r"|\bhigh da\b",
            2,
        ),
        (r"\bhigh authority\b|\b(?:more|boost|increase|organic|website) traffic\b", 2),
        (r"\b(?:trafego|trafico) organico\b|\bportais de noticias\b|\bblogs de salud\b", 2),
        (r"\b(?:mas|aumentar el) trafico\b|\b(?:mais|aumentar o) trafego\b", 2),
        (r"\b(?:per|por) (?:post|article|articulo|artigo|link|enlace)\b", 1),
        (r"\b(?:web design(?:ers?)?|disenadores web|web designers?)\b", 1),
        (r"\b(?:mobile friendly|responsive design|diseno responsivo)\b", 2),
        (r"\b(?:content writer|redactor de contenido|redator de conteudo)\b", 2),
        (r"\b(?:digital marketing|marketing digital)\b", 2),
        (r"\bgoogle ads\b", 2),
        (
            r"\b(?:paid ads|facebook ads|meta ads|trafego pago|publicidad en (?:facebook|"
            r"instagram|google))\b",
            2,
        ),
        (r"\b(?:online presence|presencia en linea|presenca online|presenca digital)\b", 2),
        (r"\b(?:social media management|gestion de redes sociales|gestao de redes sociais)\b", 2),
        (
            r"\b(?:gerenciamos|gestionamos|we manage) (?:suas |sus |your )?(?:redes sociais|"
            r"redes sociales|social media)\b",
            2,
        ),
        (r"\b(?:five|5) ?stars? reviews\b|\bresenas de 5 estrellas\b|\bavaliacoes 5 estrelas\b", 3),
        (r"\bgoogle (?:my )?business\b", 2),
        (r"\blisted (?:on|in) \d+|\b(?:directories|directorios|diretorios)\b", 2),
        (r"\bmedical billing\b|\bfacturacion medica\b|\bfaturamento medico\b", 2),
        (
            r"\b(?:instagram|tiktok|youtube) followers\b|\bseguidores (?:reales|reais|no instagram|"
            r"de instagram|brasileiros)\b",
            3,
        ),
        (r"\b(?:\d+k?|mil) (?:real )?(?:followers|seguidores)\b", 1),
        (
            r"\b(?:followers|seguidores|likes|curtidas)\W+(?:y |e |and )?(?:likes|seguidores|"
            r"followers|curtidas|views|visualizaciones|visualizacoes)\b",
            3,
        ),
        (r"\b(?:link in (?:my )?bio|link no perfil|link en (?:mi )?perfil)\b", 2),
    ],
    "sales_pitch": [
        # Who the pitch is for: the site, the clinic as a business.
        (r"\b(?:your (?:web)?site|your blog|su (?:pagina|sitio)(?: web)?|seu site)\b", 1),
        (r"\bo site de voces\b", 1),
        (
            r"\b(?:site owner|website owner|webmaster|propietario del sitio|dueno del sitio|"
            r"proprietario do site)\b",
            2,
        ),
        (
            r"\b(?:rehab|clinic|treatment center) owners?\b|"
            r"\bdueno de (?:un |una )?(?:centro|clinica)\b|\bdono de (?:uma )?clinica\b",
            1,
        ),
        (r"\b(?:your business|tu negocio|su negocio|seu negocio|sua empresa)\b", 1),
        (r"\b(?:clinics|practices|businesses|companies) like yours\b", 2),
        (r"\b(?:more|mas|mais) (?:patients|pacientes|admissions|leads|clientes)\b", 1),
        (r"\bleads\b", 1),
        (r"\b(?:need more (?:clients|customers)|necesitas clientes|precisa de mais clientes)\b", 2),
        (r"\bmissing out on (?:patients|customers|clients|leads)\b|\b\d+ ?x more\b", 2),
        # What the seller says about themselves and how to answer them.
        (
            r"\b(?:we offer|our services|our agency|our team|ofrecemos|nuestros servicios|"
            r"oferecemos|nossos servicos|fazemos (?:seo|google ads)|"
            r"somos (?:un|uma) (?:equipo|equipe)|we are a team)\b",
            1,
        ),
        (r"\bour (?:\w+ ){0,3}services\b", 1),
        (r"\b(?:we sell|vendemos)\b", 1),
        (r"\b(?:free (?:audit|consultation|quote)|consulta gratuita|consultoria gratuita)\b", 1),
        (r"\b(?:auditoria|presupuesto|orcamento) (?:gratis|gratuit[oa])\b", 1),
        (r"\b(?:free (?:trial|demo)|prueba gratis|teste gratis|demo gratis)\b", 1),
        (r"\b(?:want|get) a quote\b|\bfree quote\b|\bcotizacion\b", 1),
        (r"\b(?:book|schedule) a (?:demo|call)\b|\bagende (?:una|uma) (?:demo|llamada)\b", 2),
        (
            r"\b(?:price list|lista de precios|tabela de precos|our packages|los paquetes|"
            r"os pacotes)\b",
            1,
        ),
        (r"\b(?:limited slots|cupos limitados|vagas limitadas)\b", 2),
        (r"\b(?:reply if interested|let me know if (?:you are |youre )?interested)\b", 2),
        (r"\bresponda (?:este mensaje|si le interesa|se tiver interesse)\b", 2),
        (
            r"\b(?:reply to learn more|reply for (?:more )?(?:info|details)|"
            r"responda para saber mais|responda para mas informacion)\b",
            2,
        ),
        (r"\b(?:reply yes|responde si|responda sim)\b", 2),
        (r"\b(?:contact us|contactenos|contactanos|escribanos|escribenos|fale com a gente)\b", 1),
        (r"\b(?:dm us|message us|inbox us|chama no direct)\b", 1),
        (r"\b(?:por|via|pelo) (?:dm|direct|inbox)\b", 1),
        (r"\b(?:whats ?app|whats|zap|telegram)\b", 1),
        # A handle or number to reach a seller on a chat app, rather than the form's contact.
        (r"\b(?:whats ?app|whats|zap|telegram)\W{0,3}(?:@\w+|\+?\d[\d -]{7,})", 2),
        # The classic contact-form probe. A person may ask the same, so it weighs 2: with a
        # too-fast post or the honeypot it quarantines, alone it does not.
        (r"\b(?:wanted to know|queria saber) (?:your|el|o) (?:price|precio|preco)\b", 2),
    ],
    "money": [
        (
            r"\bbitcoins?\b|\bcrypto(?:currency)?\b|\bcripto(?:moneda|moedas)?s?\b|\bcriptomoedas\b",
            1,
        ),
        (r"\bforex\b", 2),
        (
            r"\b(?:trading bot|trading signals|senales de forex|sinais de forex|vip group|"
            r"grupo vip)\b",
            2,
        ),
        (r"\b(?:double your|duplica tus|dobre seus)\b", 2),
        (r"\b(?:passive income|renda extra|ingresos pasivos|dinero facil|dinheiro facil)\b", 2),
        (
            r"\b(?:earn|make|gana|ganhe|ganar|ganhar)\b.{0,20}(?:\$|r\$|usd|dolares|reais)"
            r" ?\d",
            2,
        ),
        (r"\b(?:earn|gana|ganhe|win|get) \d+ (?:reais|dolares|dollars|pesos)\b", 2),
        (r"\b(?:gana|ganhe|earn) (?:dinero|dinheiro|money)\b", 2),
        (r"\bmake money (?:fast|online|from home|with)\b", 2),
        (r"(?:\$|r\$|usd) ?\d+ (?:por|per|al|a) (?:dia|day|semana|week)\b", 2),
        (r"\d ?% (?:monthly|a month|per month|mensual|al mes|ao mes|por mes)\b", 2),
        (r"\b(?:guaranteed|garantizado|garantido)\b", 1),
        (
            r"\b(?:guarantee[ds]?|garantizamos|garantimos|resultado garantido)\b.{0,12}"
            r"\b(?:results?|resultados?|leads|more|mas|mais)\b",
            2,
        ),
        (r"\b100 ?% (?:seguros?|sure|garantizados?|garantidos?)\b", 2),
        (r"\b(?:unete a nuestro|entre no nosso|join our) (?:canal|grupo|channel|group)\b", 2),
        (r"\b(?:prestamos?|emprestimos?|loans?)\b", 1),
        (
            r"\b(?:payday loan|personal loan|prestamo personal|emprestimo pessoal|"
            r"prestamos? rapidos?|emprestimo (?:rapido|facil))\b",
            2,
        ),
        (r"\bcredito (?:consignado|pessoal|rapido|facil)\b|\baprovado na hora\b", 2),
        (
            r"\b(?:bad credit|no credit check|sin buro|sem consulta ao (?:spc|serasa)|"
            r"negativad[oa]s?)\b",
            2,
        ),
        (
            r"\b(?:sin aval|sem fiador|sin fiador|dinero en tu cuenta|"
            r"dinheiro na (?:sua )?conta)\b",
            2,
        ),
        (r"\b(?:fast cash|instant approval|aprobado en|aprovado em)\b", 2),
        (r"\b(?:solicitalo ya|solicite ja|apply now|apply today)\b", 2),
        (
            r"\b(?:work from home|trabaj\w* desde casa|trabalh\w* (?:em|de) casa|"
            r"desde tu celular|pelo celular)\b",
            1,
        ),
        (
            r"\b(?:airdrop|presale|pre ?venta|pre ?venda|token|wallet|carteira cripto|"
            r"valorizacao|memecoin)\b",
            2,
        ),
        (
            r"\b(?:merchant cash advance|business funding|credito inmediato|preaprobad[oa]|"
            r"pre ?aprovad[oa]|tarjeta de credito|cartao de credito aprovado)\b",
            2,
        ),
        (
            r"\b(?:aprobacion garantizada|sin papeles|mal historial|sin historial|tasa baja|"
            r"taxa (?:minima|reduzida)|libere ate|sin checar|sin revisar)\b",
            2,
        ),
        (r"\b(?:solicita|aplica|apply|simule) (?:aqui|here|gratis|ya|now)\b", 2),
        (r"\b(?:dobrado|duplicado|doubled|tripled)\b|\b(?:receba|recibe|receive) (?:\$|r\$)", 1),
        (r"\b(?:prestamos personales|emprestimos pessoais|cash fast|need cash)\b", 2),
        (r"\b(?:no experience needed|sin experiencia|sem experiencia)\b", 1),
    ],
    "dating": [
        (
            r"\b(?:hot singles|singles in your area|solteras cerca de ti|mujeres solteras|"
            r"solteiras perto de voce|mulheres solteiras)\b",
            3,
        ),
        (r"\b(?:beautiful|hot|sexy) (?:women|girls|ladies)\b|\b(?:ukrainian|russian) brides\b", 3),
        (r"\b(?:dating site|sitio de citas|site de encontros)\b", 2),
        (r"\b(?:porn|xxx|escorts?|nudes|onlyfans|hookups?)\b", 2),
        (r"\b(?:saw your profile|vi tu perfil|vi seu perfil)\b", 2),
        (r"\b(?:know you better|conocerte mejor|te conhecer melhor)\b", 1),
        (r"\b(?:hello dear|hola carino|oi amor)\b", 1),
        (r"\b(?:chat with me|chatea conmigo|conversa comigo)\b", 2),
    ],
    "offers": [
        (r"\breplicas?\b", 2),
        (
            r"\b(?:buy now|order now|order today|shop now|compra (?:ya|ahora)|"
            r"compre (?:ja|agora)|pide el tuyo|peca (?:ja|pelo site)|compre \d+ leve \d+)\b",
            2,
        ),
        (r"\b(?:estoque limitado|limited stock|stock limitado|ultimas unidades)\b", 2),
        (r"\b(?:in|en|em) \d+ ?(?:h|hrs|hours|horas|days|dias)\b", 1),
        (r"\b(?:dinheiro de volta|dinero de vuelta|reembolso garantido)\b", 2),
        (r"\b(?:freelance|freelancer|tiendas? en linea|lojas? virtua(?:l|is))\b", 1),
        (r"\b(?:aposte|apueste|bet do brasil|casa de apostas)\b", 2),
        (r"\b(?:farmacia barata|medicamentos baratos|remedios controlados)\b", 2),
        (r"\b(?:click here|haz clic aqui|clique aqui|clic aqui)\b", 2),
        (r"\b(?:register now|sign up now|registrate|cadastre se|inscribete ya)\b", 1),
        (r"\b(?:play now|juega ya|jogue agora)\b", 2),
        (
            r"\b(?:limited (?:time )?offer|oferta limitada|special offer|oferta especial|"
            r"promocao|today only|solo hoy|so hoje)\b",
            2,
        ),
        (r"\b(?:exclusive offer|oferta exclusiva)\b", 2),
        (r"\b(?:free shipping|envio gratis|frete gratis)\b", 2),
        (
            r"\b(?:envios? a todo el pais|entrega em todo o brasil|nationwide shipping|"
            r"worldwide shipping|ships? worldwide)\b",
            1,
        ),
        (r"\b(?:pago contra entrega|pagamento na entrega|cash on delivery)\b", 2),
        (r"\b(?:pago|pagamento|payment) (?:por|via|with) (?:paypal|pix)\b", 1),
        (r"\b(?:best prices?|lowest prices?|mejor precio|melhor preco)\b", 2),
        (r"\b(?:low prices?|precios? bajos?|precos? baixos?|preco baixo)\b", 1),
        (r"\b(?:a mitad de precio|half price|metade do preco|pela metade do preco)\b", 2),
        (r"\b(?:promo code|codigo promocional|cupom|coupon code|con el codigo)\b", 2),
        (r"\d ?% (?:off|discount|de descuento|de desconto)\b", 2),
        (r"\b(?:100 ?% guaranteed|money back|risk free)\b", 2),
        (
            r"\b(?:congratulations|felicidades|parabens)\b.{0,40}\b(?:won|selected|ganado|"
            r"ganhou)\b",
            3,
        ),
        (r"\b(?:claim (?:your|here)|reclame su|reclama tu|resgate seu)\b", 2),
        (
            r"\b(?:win|ganhe|gana|ganar|ganhar) (?:an? |um |un |uma |una )?(?:iphone|viaje|viagem|"
            r"trip|prize|premio)\b",
            2,
        ),
        (
            r"\b(?:encuesta|pesquisa|survey)\b.{0,30}\b(?:premio|premiada|prize|reward)\b|"
            r"\bpesquisa premiada\b",
            1,
        ),
        (r"\bgift card\b|\btarjeta de regalo\b|\bvale presente\b", 2),
        (r"\b(?:free|gratis) (?:iphone|movies|hd)\b|\biphone (?:gratis|15)\b", 2),
        (r"\b(?:movies|peliculas|filmes)\b.{0,20}\b(?:free|gratis)\b", 2),
        (
            r"\b(?:netflix|spotify|disney|hbo) premium\b|\b(?:cuentas|contas) (?:de )?(?:netflix|"
            r"spotify)\b",
            3,
        ),
        (r"\bessay (?:writing )?service\b", 3),
        (r"\bcbd\b", 1),
        (
            r"\b(?:licencia de conducir|pasaporte|passaporte|documentos originales)\b.{0,60}"
            r"\b(?:compre|compra|buy|registrados)\b|\b(?:compre|buy)\b.{0,40}\b(?:licencia|"
            r"pasaporte|passport|documentos)\b",
            3,
        ),
    ],
    "prices": [
        (r"(?:\$|r\$|€|£) ?\d|\b\d+ ?(?:usd|dolares|reais)\b", 1),
        (
            r"\b(?:only|just|por solo|por apenas|a partir de|desde|from|starting at|"
            r"prices? start)\b"
            r".{0,12}(?:\$|r\$|€|usd|\d)",
            1,
        ),
        (r"(?:\$|r\$) ?\d+(?:[.,]\d+)? ?(?:/ ?|per |por |al |a )(?:month|mes|mo)\b", 1),
    ],
}
_SPAM_RULES = RuleSet(_rule(p, weight) for rules in _SPAM_TERMS.values() for p, weight in rules)
# A person asking to come back, telling their own recovery story or asking for help. Spam
# pitches never do, so this takes some weight off the words and links of a message (never off
# the honeypot or a too-fast post): a client in recovery from gambling who names the casino,
# the betting app and a helpline link stays a client.
_PERSONAL_CONTEXT = _compile(
    [
        # Asking to come back.
        r"\b(?:i|id|i would|can i|could i|may i|want to|wanna|like to|ready to|hoping to|"
        r"thinking about|thinking of|how do i|how can i) (?:come|coming|get|getting|go|going) "
        r"back\b",
        r"\b(?:rejoin|re join|re enroll|restart|return to) (?:the |your )?(?:program|group|iop|"
        r"sessions|treatment)\b",
        r"\b(?:quiero|puedo|quisiera|me gustaria|pienso|podria|deseo|necesito|como puedo|para) "
        r"(?:volver|regresar|retomar)\b",
        r"\b(?:quero|posso|queria|gostaria de|penso em|pensando em|preciso|como faco pra|pra|"
        r"para) (?:voltar|retomar)\b",
        # Their own recovery story.
        r"\b(?:i|im|ive|my)\b(?:\W+\w+){0,4}?\W+(?:relapsed?|relapsing|sober|sobriety|"
        r"drinking|using again|addiction|addicted|recovery|detox|withdrawal|sponsor|therapist|"
        r"counselor)\b",
        r"\b(?:recai|recaida|volvi a (?:consumir|tomar|beber|usar|apostar|jugar)|"
        r"mi (?:adiccion|recuperacion|terapeuta|consejer[oa]|padrino|madrina)|"
        r"estoy (?:sobri[oa]|limpi[oa]))\b",
        r"\b(?:tive uma recaida|recai|voltei a (?:usar|beber|jogar|apostar)|"
        r"minha (?:recuperacao|terapeuta|psicologa)|meu (?:vicio|terapeuta|psicologo|padrinho)|"
        r"estou (?:limp[oa]|sobri[oa]))\b",
        # Asking for help for themselves.
        r"\b(?:do|can|could) you (?:treat|help (?:me|with)|take (?:my|medicaid|medicare|"
        r"insurance|\w+ insurance))\b",
        r"\b(?:me pueden ayudar|pueden ayudarme|ustedes (?:ayudan|tratan))\b",
        r"\b(?:voces podem me ajudar|podem me ajudar|voces (?:ajudam|tratam))\b",
    ]
)
_PERSONAL_CONTEXT_CREDIT = 3
# A message can carry many spam words; a cap keeps one noisy theme from outweighing the rest.
_VOCABULARY_CAP = 8


# Gambling brand words as they arrive in long runs with no sentence around them ("slot gacor
# maxwin togel 4d"): each family counts once.
_BRAND_WORDS = re.compile(
    r"\b(?:gacor|maxwin|togel|toto|4d|slot\w*|judi|bandar|situs|scatter|rtp|pragmatic|zeus|"
    r"olympus|hoki|bocoran|jackpot|deposit|depo|wd|pulsa|dana|daftar|terpercaya|resmi|"
    r"alternatif|\w+88|\w+77|\w+4d|\w*gacor\w*|\w*slot\w*|\w*toto\w*)\b"
)
# Small words every sentence a person writes has, in the three languages of the form.
_FUNCTION_WORDS = frozenset(
    "i im me my you we is am are was the a an and to of for in on it this that can "
    "yo mi me te que y o de la el en un una es por para no si estoy quiero "
    "eu me meu minha voce que e o a de do da em um uma para nao sim estou quero".split()
)
# Letters outside the Latin script (Cyrillic, Greek, Arabic, Hebrew, CJK...).
_NON_LATIN = re.compile(r"[^\W\d_a-z]")
_CYRILLIC_PROMO = re.compile(
    r"(?:скидк|акци|бесплатн|заработ|казино|ставк|купит|доставк|заказ|звоните|выгодн|"
    r"распродаж|бонус|кредит|займ|телеграм|рассылк|предложени|дешев|реклам|клиент)"
)


# Words only a sentence in English, Spanish or Portuguese has (not shared with the creoles and
# other languages people also write in), and the words a person uses about themselves.
_FORM_LANGUAGE_WORDS = frozenset(
    "the and is are your with you for this our "
    "el los las con para su sus usted tu nuestro nuestra ustedes en del al y "
    "voce voces com seu sua seus suas nosso nossa os pelo pela em do dos das ao".split()
)
_FIRST_PERSON = frozenset(
    "i im ive id ill me my mine myself "
    "yo me mi mis conmigo estoy quiero tengo puedo soy necesito quisiera deje volvi "
    "eu meu minha meus minhas comigo estou to quero tenho posso sou preciso queria parei "
    "voltei".split()
)
IMPERSONAL_WEIGHT = 2


def _impersonal_points(plain: str) -> int:
    """A message in the form's languages in which nobody speaks of themselves: a pitch, a
    promotion. One signal below the threshold: "is there a group on tuesdays?" is a person.
    """
    words = set(plain.split())
    if len(words & _FORM_LANGUAGE_WORDS) < 2 or words & _FIRST_PERSON:
        return 0
    return IMPERSONAL_WEIGHT


def _brand_run_points(plain: str) -> int:
    """Runs of gambling brand words with no sentence in them: quarantined on that alone."""
    words = plain.split()
    families = {m.group(0)[:5] for m in _BRAND_WORDS.finditer(plain)}
    if len(families) < 3:
        return 0
    sentence = sum(1 for w in words if w in _FUNCTION_WORDS)
    return SPAM_THRESHOLD + 1 if sentence < max(2, len(words) // 10) else 2


def _script_points(norm: str, has_link_or_address: bool) -> int:
    """Another script is one signal below the threshold (a person may write in Russian or
    Chinese); with a link, an address or promotional words it is spam."""
    letters = [ch for ch in norm if ch.isalpha()]
    if not letters:
        return 0
    foreign = sum(1 for ch in letters if _NON_LATIN.match(ch))
    if foreign / len(letters) < 0.4:
        return 0
    promo = bool(_CYRILLIC_PROMO.search(norm))
    return 2 + (3 if has_link_or_address or promo else 0)


# A street address in a promotion ("ул. Ленина, д. 5", "123 Main Street"): abbreviations
# only with their full stop, so ordinary words that start the same way never count.
_STREET_ADDRESS = re.compile(
    r"\b(?:ул|пр|д)\.\s*\w+|\b(?:улица|проспект)\s+\w+"
    r"|\b\d{1,5}\s+\w+\s+(?:st|street|ave|avenue|rd|road)\b"
)


def _link_points(norm: str) -> int:
    links = _LINK.findall(norm)
    if not links:
        return 0
    # One link is weak (a person may paste their clinic portal); more links add up.
    points = 2 + min(len(links) - 1, 3)
    joined = " ".join(links)
    if _SUSPICIOUS_TLD.search(joined):
        points += 2
    if _SHORTENER.search(joined):
        points += 2
    if _SPAMMY_DOMAIN.search(joined):
        points += 2
    return points


def _email_points(norm: str) -> int:
    domains = " ".join("." + d for d in _EMAIL_DOMAIN.findall(norm))
    return 2 if domains and _SUSPICIOUS_TLD.search(domains) else 0


def _vocabulary_points(plain: str) -> int:
    return min(sum(rule.weight for rule in _SPAM_RULES.matches(plain)), _VOCABULARY_CAP)


def spam_score(text: str, *, honeypot_filled: bool = False, too_fast: bool = False) -> int:
    """The sum of the spam signals in a message; 0 for a plain message from a person.

    ``SPAM_THRESHOLD`` or more means quarantine (unless the message has crisis language).
    """
    text = text[:MAX_SCREENED_CHARS]
    norm = normalise(text)
    plain = _plain(text)
    links = _link_points(norm)
    # A person's own e-mail address is how they ask to be reached: it never counts here.
    addressed = bool(links or _STREET_ADDRESS.search(norm))
    score = (
        links
        + _email_points(norm)
        + _vocabulary_points(plain)
        + _brand_run_points(plain)
        + _script_points(norm, addressed)
        + _impersonal_points(plain)
    )
    # People do not type HTML or BBCode into a phone form; link-posting robots do.
    if _MARKUP.search(norm):
        score += 4
    # Capitals are how anxious people write too, so they only tip a message already close.
    if _SHOUTING.search(text):
        score += 1
    if _PERSONAL_CONTEXT.any(plain):
        score = max(score - _PERSONAL_CONTEXT_CREDIT, 0)
    if honeypot_filled:
        score += HONEYPOT_WEIGHT
    if too_fast:
        score += TOO_FAST_WEIGHT
    return score
