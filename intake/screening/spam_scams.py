"""Spam vocabulary of scams and bait: phishing, fake invoices and awards, parcel fees,
crypto giveaways, bought reviews, dating bait (the rest of the themes: ``spam_terms``)."""

from __future__ import annotations

SCAM_TERMS: dict[str, list[tuple[str, int]]] = {
    "scams": [
        # Invoices that are not: "FACTURA PENDIENTE No. 45721, saldo vencido, pague aqui".
        (
            r"\b(?:invoice|factura|fatura|boleto) (?:no \d+ )?(?:overdue|pending|pendiente|"
            r"pendente|vencid[oa]|atrasad[oa])\b|\b(?:overdue|pending|outstanding) invoice\b",
            3,
        ),
        (r"\b(?:saldo vencido|saldo devedor|past due balance|overdue balance|balance due)\b", 2),
        (
            r"\b(?:avoid|evite|evita) (?:additional|late|extra|cargos|recargos|juros|multas?|"
            r"cobrancas)\b",
            2,
        ),
        (r"\b(?:pay|pague|paga|pagando|pagar) (?:here|now|aqui|ahora|agora|ya)\b", 2),
        # Awards nobody applied for: "your clinic has been selected, claim your plaque".
        (
            r"\b(?:your|su|sua|tu) (?:clinic|practice|clinica|consultorio|empresa|company)\b"
            r"(?:\W+\w+){0,2}?\W+(?:has been selected|was selected|fue seleccionada|"
            r"foi escolhida|foi selecionada|ha sido elegida|won|gano|ganhou)\b",
            3,
        ),
        (
            r"\b(?:claim|redeem|reclame|reclama|resgate|retire) (?:your|su|sua|tu) (?:award|"
            r"plaque|prize|premio|placa|trofeo|trofeu|certificado|certificate)\b",
            3,
        ),
        # Account and tax-number phishing: "your account has been suspended, verify here".
        (
            r"\b(?:your|su|seu|sua|tu) (?:account|cuenta|conta|cpf|cartao|tarjeta|card|"
            r"cuenta bancaria|conta bancaria)\b(?:\W+\w+){0,4}?\W+(?:suspended|locked|blocked|"
            r"bloquead[oa]|suspendid[oa]|suspens[oa]|desativad[oa]|desactivad[oa]|"
            r"cancelad[oa])\b",
            3,
        ),
        (
            r"\b(?:verify|confirm|update|verifique|verifica|confirme|actualice|atualize|"
            r"regularize|regulariza|restore|reactive|reative) (?:your|su|sus|seu|seus|sua|suas|"
            r"tu|tus|now|agora|ahora|ya|aqui|here|o acesso|el acceso)\b",
            2,
        ),
        # "Your password expires today, keep it here": mailbox and password phishing.
        (
            r"\b(?:your|su|sua|seu|tu)(?:\W+\w+){0,2}?\W+(?:password|contrasena|senha|mailbox|buzon|"
            r"caixa de (?:entrada|correio)|email account|cuenta de correo|conta de e ?mail)\b"
            r"(?:\W+\w+){0,3}?\W+(?:expires?|expired|expira|expirou|expirara|vence|vencera|"
            r"vencida|will be (?:closed|deleted|suspended)|esta llen[oa]|esta chei[oa]|is full)\b",
            3,
        ),
        (
            r"\bdomain (?:verification|registration|renewal)\b|\bverificacion de dominio\b",
            2,
        ),
        (
            r"\b(?:avoid|evitar|evite) (?:the )?(?:suspension|suspensao|bloqueio|"
            r"cancelamento|cancellation)\b",
            2,
        ),
        (r"\b(?:unpaid balance|kindly settle|settle within)\b", 2),
        (r"\.(?:exe|scr)\b", 2),
        # Prizes and easy money: "spin the wheel", "weekly returns of 12%", "credit for all".
        (
            r"\b(?:gire la ruleta|spin the wheel|gire a roleta|visitante numero|"
            r"visitor number)\b",
            3,
        ),
        (r"\b(?:solo el costo de envio|only pay shipping|so o frete|so pagar o frete)\b", 2),
        (
            r"\b(?:invierte en oro|invest in gold|ganancias semanales|weekly returns|"
            r"lucro semanal|rendimento semanal)\b",
            3,
        ),
        (r"\b(?:credito (?:pra|para) negativado|prestamo rapido|emprestimo rapido)\b", 3),
        (r"\b(?:fortune tiger|horario pagante|fortune ox|fortune rabbit)\b", 3),
        (r"\bwithin \d+ hours\b|\ben (?:las proximas )?\d+ horas\b|\bem \d+ horas\b", 1),
        # Parcel-fee texts: "your package could not be delivered, pay the fee".
        (
            r"\b(?:package|parcel|delivery|paquete|envio|encomenda|pacote|entrega)\b"
            r"(?:\W+\w+){0,6}?\W+(?:could not be delivered|no pudo ser entregado|retid[oa]|"
            r"on hold|held|pending fee|taxa|tarifa|fee)\b",
            3,
        ),
        (r"\b(?:correios|usps|fedex|dhl|ups)\b.{0,60}\b(?:taxa|fee|tarifa|pague|pay)\b", 2),
        # Giveaways: send a little, get double back.
        (r"\bsend \d+(?:[.,]\d+)? ?(?:btc|eth|usdt|bitcoin)\b", 3),
        (r"\b(?:giveaway|sorteio|sorteo)\b", 1),
        (r"\b(?:receive|recibe|receba|get)\b.{0,15}\b(?:double|doble|dobro|back instantly)\b", 2),
        # Bought reviews and followers.
        (
            r"\b(?:resenas|reviews|comentarios|avaliacoes|opiniones|opinioes) positiv[ao]s\b|"
            r"\bpositive reviews\b",
            3,
        ),
        (r"\bdoctoralia\b", 1),
        (
            r"\b(?:buy|compra|compre|comprar|vendemos|vendo|venda de)\b(?:\W+\w+){0,2}?\W+"
            r"(?:resenas|reviews|avaliacoes|opiniones|seguidores|followers|likes)\b",
            3,
        ),
    ],
    "outreach": [
        # Contact lists for sale: "a verified list of 25,000 decision makers, free sample".
        (
            r"\b(?:list|lista|base de datos|banco de dados|mailing|database|planilha)\b"
            r"(?:\W+\w+){0,6}?\W+(?:contacts|contactos|contatos|emails|e ?mails|correos|"
            r"decision makers|directores|diretores|psicologos|psiquiatras|clinicas|clinics)\b",
            3,
        ),
        (
            r"\b(?:free sample|muestra gratis|amostra gratis|a sample|una muestra|"
            r"envio amostra)\b",
            2,
        ),
        # Outsourced building: "we build healthcare apps at 60% less cost, send portfolio".
        (
            r"\b(?:we build|we develop|we create|desarrollamos|desenvolvemos|creamos|criamos)\b"
            r"(?:\W+\w+){0,4}?\W+(?:apps?|aplicativos?|aplicaciones|software|websites?|"
            r"paginas web|sites?)\b",
            2,
        ),
        (r"\b(?:software house|dedicated team|offshore team|equipo en|desde la india)\b", 1),
        (
            r"\b\d{2} ?% (?:less|lower) cost\b|\b(?:a|al) (?:un tercio|\d{2} ?%) del costo\b|"
            r"\b\d{2} ?% (?:mais barato|menos)\b",
            2,
        ),
        (
            r"\b(?:send|envio|envie|enviar|enviarle|mando|mandar)\b(?:\W+\w+){0,3}?\W+"
            r"(?:portfolio|portafolio|our portfolio|nuestro portafolio)\b",
            2,
        ),
        (r"\b(?:schedule a (?:\d+ ?min\w* |quick )?call|agendamos una llamada)\b", 1),
        # Site makeovers and maps listings: "who runs your website? a redesign, no obligation".
        (
            r"\b(?:quien lleva (?:la pagina|el sitio)|quem cuida do site|"
            r"who (?:manages|runs|handles) your (?:website|site))\b",
            2,
        ),
        (r"\b(?:redesign|rediseno)\b", 2),
        (r"\b(?:sin compromiso|sem compromisso|no obligation)\b", 1),
        (r"\b(?:perdiendo pacientes|perdendo pacientes|losing patients)\b", 2),
        (r"\b(?:google maps|google meu negocio|google my business)\b", 1),
        (r"\b(?:your competitor|tu competencia|seu concorrente)\b", 2),
        # Wholesale supplies: "direct from factory, MOQ 10,000 pcs".
        (
            r"\b(?:wholesale|al por mayor|atacado|direct from (?:the )?factory|"
            r"direto da fabrica|directo de fabrica)\b",
            2,
        ),
        (r"\b(?:moq|minimum order|pedido minimo)\b", 2),
        (r"(?<![a-z])(?:qq|wechat|weixin|vx)\W*\d{5,}\b", 3),
    ],
    "dating": [
        (r"\b(?:recien llegada|recem chegada|just moved to your city)\b", 2),
        (
            r"\b(?:me chama no privado|escribeme al privado|my private email|"
            r"meu contato particular|contato particular)\b",
            2,
        ),
        (r"\b(?:link na bio|link in bio|link en mi bio)\b", 2),
        (r"\b(?:busco alguien serio|procuro alguem serio)\b", 2),
        (r"\b(?:you are very beautiful|eres muy guap[oa]|vc e muito lind[oa])\b", 1),
        (r"\b(?:to sozinha|estoy sola) (?:hoje|hoy)\b", 1),
        # "new in town and lonely, see my photos": a profile link behind a greeting.
        (r"\b(?:new in town|nueva en (?:tu|la|esta) ciudad|nova na cidade)\b", 2),
        (
            r"\b(?:check out|see|look at|mira|ve|checa|veja|ve|olha) (?:my|mis|minhas|meu) "
            r"(?:profile|photos|pics|fotos|perfil)\b",
            3,
        ),
        (
            r"\b(?:women|girls|ladies|mujeres|chicas|mulheres|garotas) (?:in|near|en|cerca de|na|"
            r"perto de) (?:your|tu|sua) (?:area|zona|cidade|ciudad|regiao)\b",
            3,
        ),
        (
            r"\b(?:women|girls|ladies|singles|mujeres|chicas|solteras|mulheres|garotas|"
            r"solteiras|gatas) (?:near|close to|cerca de|perto de) (?:you|ti|voce|vc)\b",
            3,
        ),
        (r"\blonely (?:women|girls|ladies|wives)\b|\b(?:chicas|mujeres) solas\b", 2),
        (r"\b(?:hi|hey|hello) (?:handsome|sexy|babe)\b|\b(?:hola guapo|oi gato|oi lindo)\b", 1),
        (r"\bno sign ?up fee\b|\bsin costo de registro\b|\bsem taxa de cadastro\b", 2),
        (
            r"\b(?:meet|conoce|conheca|find) (?:local |real )?(?:singles|solteras|solteiras|"
            r"women|mujeres|mulheres)\b",
            3,
        ),
        (r"\b(?:verified profiles|perfiles verificados|perfis verificados)\b", 2),
        (r"\b(?:free sign ?up|registro gratis|cadastro gratis)\b", 2),
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
}
