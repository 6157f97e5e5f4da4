"""Spam vocabulary by theme: the words and phrases promotions, pitches and scams are made of.

Searched in the plain text (``text._plain``). Words a client might use about their own life
(casino, betting, crypto, a loan, "no prescription", WhatsApp, a price) weigh 1: a message
needs several signals from this table, or a link and a couple of them, to reach the
threshold. Each rule counts once however often it matches.
"""

from __future__ import annotations

from .spam_scams import SCAM_TERMS

SPAM_TERMS: dict[str, list[tuple[str, int]]] = {
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
        (
            r"\b(?:gotas|pastillas|capsulas|pilulas|pills|drops|cha|te) (?:para |pra |to )?"
            r"(?:adelgazar|emagrecer|bajar de peso|perder peso|lose weight|slim)\b",
            3,
        ),
        (
            r"\b(?:los doctores|los medicos|os medicos|doctors) no quieren que (?:sepas|sepa)\b|"
            r"\bos medicos nao querem que voce saiba\b|\bdoctors dont want you to know\b",
            2,
        ),
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
        # Broken-link outreach: "a broken link on your resources page, my article would fit".
        (r"\b(?:broken link|dead link|enlace roto|link roto|link quebrado|link quebrado)\b", 3),
        (
            r"\b(?:great replacement|replace it|reemplazarlo|sustituirlo|substitui-?lo|"
            r"poderia substituir|podria reemplazar|consider linking|linking to it)\b",
            2,
        ),
        # Site makeovers: "your site looks outdated and does not open well on a phone".
        (r"\b(?:criacao|desenvolvimento) de sites\b|\bdiseno de (?:paginas|sitios) web\b", 2),
        (
            r"\b(?:your|su|sus|seu|o) (?:website|site|sitio|pagina)(?: de voces| web)? "
            r"(?:looks|is|se ve|esta|parece|ta) (?:outdated|old|dated|anticuad[oa]|"
            r"desactualizad[oa]|desatualizad[oa]|antig[oa])\b",
            3,
        ),
        (
            r"\b(?:can i send|may i send|puedo enviar(?:les)?|puedo mandar(?:les)?|posso "
            r"mandar|posso enviar) (?:you |les )?(?:some |a few |algunos |alguns )?"
            r"(?:examples|samples|ejemplos|exemplos|mockups?|propuesta|proposta)\b",
            2,
        ),
        (r"\bseo\b", 2),
        (r"\b(?:dofollow|do follow|nofollow)\b", 3),
        (r"\b(?:link insertions?|niche edits?|(?:da|dr) \d{2}\+?)\b", 2),
        (r"\bback ?links?\b|\blink building\b|\bconstruccion de enlaces\b", 2),
        (r"\b(?:first|1st) page (?:of|on) google\b|\bprimera pagina de google\b", 2),
        (r"\bprimeira pagina do google\b|\b(?:rank|ranking|rankear) (?:higher|on google)\b", 2),
        (r"\bposicionamiento(?: web| seo)?\b|\botimizacao de sites\b", 2),
        (r"\bguest posts?\b|\barticulos? (?:invitados|patrocinados)\b", 2),
        # Paying to place an article: "happy to pay for placement", "pago pela publicação".
        (
            r"\b(?:pay|paying|pago|pagamos|pagaria|pagaremos|pagar) (?:for|por|pela|pelo|a) "
            r"(?:the |a |la |el )?(?:placement|publicacao|publicacion|publication|posting|"
            r"insercao|colocacion)\b",
            3,
        ),
        (r"\b(?:for|para|pro|pra) (?:your|tu|su|seu|o|el) blog\b", 2),
        (r"\b(?:artigos? convidados?|post de convidado|articulo invitado)\b", 2),
        (r"\b(?:publicar|publish|post) (?:um |un |an? )?(?:artigo|articulo|article)\b", 1),
        (r"\b(?:no seu|en tu|en su|on your) (?:blog|site|sitio|website)\b", 1),
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
            r"\bbitcoins?\b|\bcrypto(?:currency)?\b|\bcripto(?:moneda|moedas)?s?\b|"
            r"\bcriptomoedas\b",
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
    "b2b": [
        # Outsourced services pitched to clinics.
        (r"\b(?:virtual assistants?|asistentes? virtual(?:es)?|assistentes? virtua(?:l|is))\b", 2),
        (r"\b(?:explainer videos?|videos? animados?|videos? explicativos?)\b", 2),
        (
            r"\b(?:google (?:maps|business profile|my business)|perfil de empresa en google|"
            r"google meu negocio|perfil da empresa no google)\b",
            2,
        ),
        (
            r"\b(?:app development|desarrollo de (?:apps|aplicaciones)|desenvolvimento de apps|"
            r"desenvolvimento de aplicativos)\b",
            2,
        ),
        (r"\b(?:seo audit|auditoria seo|free audit|auditoria gratis|auditoria gratuita)\b", 2),
        (r"\b(?:credentialing|payroll|crm) (?:services?|software|solutions?)\b", 2),
        # The footer of a mass mailing.
        (
            r"\b(?:reply (?:stop|no|unsubscribe)|to unsubscribe|responda (?:stop|nao|sair)|"
            r"responde (?:stop|no|baja)|darse de baja|descadastrar)\b",
            2,
        ),
        # Cold pitches to the clinic as a business: leads, chatbots, supplies.
        (r"\b(?:patient|qualified) (?:leads|acquisition)\b", 2),
        (r"\bpay per lead\b|\bper lead\b", 2),
        (r"\bthe right person to (?:talk|speak) (?:to|with)\b", 2),
        (r"\b(?:post invitado|post patrocinado|articulo patrocinado|artigo patrocinado)\b", 2),
        (r"\b(?:enlace|link) (?:a|para|pro|pra) (?:mi|meu) cliente\b", 2),
        (r"\b(?:retorno|valorizacao|valorizacion|lucro|rendimento|ganancia)s? garantid[oa]s?\b", 2),
        (r"\bgrupo vip\b|\bpre ?venda\b|\bpreventa\b", 1),
        (r"\bremedios controlados\b|\bnao precisa (?:de )?receita\b", 2),
        (r"\b(?:desconto|descuento|discount) (?:de )?(?:ate |hasta |up to )?\d+ ?%", 1),
        (r"\bcalendly\b|\b(?:book|grab|schedule) a (?:\d+ ?min(?:ute)? |quick |short )?call\b", 2),
        (r"\b(?:ai )?chat ?bot for your\b|\b\d+ ?days? free trial\b", 2),
        (r"\b(?:behavioral health|treatment|rehab) (?:practices|clinics|centers|centres)\b", 1),
        (r"\b(?:factory|wholesale) prices?\b", 2),
        (r"\bmoq\b", 2),
        (r"\bmanufacturer\b", 1),
        (r"\b(?:precio|preco) de fabrica\b|\bfabricante lider\b", 2),
        (r"\bbusiness (?:partnership|proposal)\b|\bpropuesta de negocio\b", 2),
        (r"\bdear (?:sir|madam|friend|beneficiary)\b|\bestimado senor\b|\bprezado senhor\b", 1),
        (r"\b(?:my|your) private email\b", 2),
        (r"\b(?:clinicas|clinics) de (?:salud|saude) mental\b", 1),
        (r"\b\d+ ?(?:min|mins|minute) (?:call|chat|demo)\b", 2),
        (r"\b(?:llamada|ligacao|chamada|reuniao|reunion) de \d+ ?(?:min|minutos)\b", 2),
        (r"\b(?:somos|we are) (?:una|uma|a|an) (?:empresa|company|agency|agencia)\b", 1),
        (
            r"\b(?:reduce|reduces|cut|reducimos|reduza|reduzimos|increase|aumente|aumentamos)\b"
            r".{0,50}\b\d+ ?%",
            2,
        ),
        (
            r"\b(?:verified|buy|real) (?:google |trustpilot |yelp )?reviews\b|"
            r"\b5 stars? guaranteed\b",
            3,
        ),
        (r"\b(?:showing up|rank|ranking) (?:for|on) (?:key |local )?searches\b|\bnear me\b", 2),
        (r"\bboleto\b.{0,40}\b(?:atraso|vencido)\b|\b2a via\b|\bevite protesto\b", 2),
        (r"\bbarrister\b|\bunclaimed (?:inheritance|funds)\b|\bnext of kin\b", 3),
        (r"\b(?:your )?bank (?:details|account details)\b|\bbeneficiary\b", 2),
        (r"\bme chama no (?:whats|zap|insta|direct)\b|\bfotos? no meu perfil\b", 2),
        # Fake invoices and domain notices.
        (r"\b(?:invoice|factura|fatura) ?#? ?(?:inv)? ?\d{3,}|\binv \d{3,}\b", 2),
        (r"\b(?:attached invoice|documento adjunto|documento anexo)\b", 2),
        (r"\b(?:remit payment|realice el pago|efetue o pagamento)\b", 2),
        (r"\b(?:service interruption|evitar recargos|suspension del servicio)\b", 2),
        (r"\bdomain (?:notice|expir\w*|renewal|listing)\b|\bseo submission\b", 3),
        # Pharmacy spam.
        (r"\b(?:buy|order|compra|compre) cheap\b|\bcheap (?:meds|pills|pharmacy)\b", 2),
        (
            r"\b(?:oxycodone|oxycontin|xanax|adderall|tramadol|valium|percocet|vicodin|"
            r"hydrocodone|codeine) (?:\w+ ){0,3}online\b",
            2,
        ),
    ],
}
SPAM_TERMS.update(SCAM_TERMS)
