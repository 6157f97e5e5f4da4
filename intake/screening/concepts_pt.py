"""Brazilian Portuguese concept table for crisis screening (see ``concepts.py`` for the syntax).

Patterns are matched against the message read as words: lower case, no accents ("não" ->
"nao", "tô" -> "to", "remédio" -> "remedio"), punctuation ignored. Texting spellings
(kero, qro, to/tou, vc, pq, n) and the colloquial "se" for the first person ("pensando em se
matar") are written in. A pattern that starts at "nao"/"n" carries its own negation.
"""

from __future__ import annotations

# Building blocks, repeated inline below (patterns are plain strings).
# pills: remed* comprim* pilul* calmant* rivotril clonazepam diazepam zolpidem tarja
# partner: marido namorado ex companheiro esposo noivo parceiro (and the feminine forms)

CONCEPTS: dict[str, tuple[str, ...]] = {
    # --- urgent -------------------------------------------------------------------------
    "intent": (
        "quero|qria|queria|keria|quiria|prefiro|preferia|desejo muito|mt|mto|so|tanto|mesmo? "
        "morrer|morre|morer",
        "gostaria|gostava de morrer|morre",
        "querendo|pensando|penso|pensei|pensar morrer|morre",
        "vontade|vontades|desejo de morrer|morre|morer",
        "vou|vo|quero|queria|preciso|pretendo|posso|devo|querendo|tentar|tentando|coragem|"
        "deveria|ia me|mim matar|mata|suicidar|suicida|enforcar|envenenar",
        "vontade|vontades|desejo|coragem|ideia|ideias|pensamento|pensamentos de me|mim|se "
        "matar|mata|suicidar|enforcar|envenenar",
        "pensando|penso|pensei|pensar|pensava|planejando seriamente|muito|mt|sempre|direto? "
        "em me|mim|se matar|mata|suicidar|enforcar|envenenar",
        "me|mim|se suicidar|suicidando",
        "hoje|amanha|agora|noite|logo|ja eu? me mato",
        "eu me mato",
        "suicida|suicidas",
        "pensando|penso|pensei|pensar|pensamento|pensamentos|ideia|ideias|ideacao|planejando|"
        "cometer em|de|no? suicidio",
        "so|somente|apenas o? suicidio|morrendo",
        "tirar|tira|tirando|tiro|tirarei a? minha propria? vida",
        "tirar|tirando a propria vida",
        "acabar|acabo|acabarei com a? minha propria? vida",
        "acabar|acabo|acabarei com tudo",
        "dar|dou|darei|colocar um? fim na|a|em minha? vida",
        "por fim a|na|em minha vida",
        "nao|n|naum quero|kero|qro mais? viver|vive",
        "nao|n|naum quero|kero|qro mais? estar|ficar|continuar|seguir viva|vivo|vivendo",
        "nao|n|naum quero|kero|qro mais estar aqui",
        "nao|n|naum quero|kero|qro estar mais aqui",
        "nao|n|naum quero|kero|qro mais? existir",
        "nunca mais quero|queria acordar|viver",
        "nao|n tenho|sinto mais? vontade de viver|vive",
        "sem|perdi|perdendo a? vontade de viver",
        "parar|deixar de existir",
        "nao|n aguento|suporto mais? viver|vive",
        "nao|n consigo mais viver|vive",
        "nao|n aguento|suporto mais? essa|esta|minha|a vida",
        "nao|n mereco|merecia viver|estar viva|estar vivo",
        "mereco|merecia|merecer morrer|morre",
        "queria|quero|preferia|prefiro estar|ta|tar|ficar morta|morto",
        "gostaria|gostava de estar morta|morto",
        "melhor estar|ficar morta|morto",
        "queria|quero|qria|prefiro|preferia|gostaria|tomara nao|n acordar|acorda|acordasse|acorde",
        "tomara|espero|queria|quero que eu? morra|morresse",
        "tomara|espero|queria que eu? nao|n acorde|acordasse|acordar",
        "queria|quero|preferia|gostaria|gostava de? nunca|nao|n ter nascido",
        "dormir e nunca|nao mais? acordar|acorda",
        "nao|n quero|kero mais? acordar|acorda",
        "dormir|descansar pra|para sempre",
        "sumir|desaparecer pra|para sempre",
        "sumir|desaparecer do|desse|deste mundo",
        "ir embora desse|deste|do mundo",
        "partir desse|deste mundo",
        "so|somente|apenas a morte",
        "a morte e|seria a? unica|minha saida|solucao",
        "morte seria|e um? alivio|melhor|descanso",
        "seria melhor se eu? morresse|morrer",
        "tanto faz se eu? morrer|morro|morresse",
        # --- extended
        "me|mim matar|suicidar hj|hoje|agora",
        "sumisse|sumir|desaparecesse pra|para sempre",
        "nao|n vejo|tem|ha saida|solucao|outra so|alem|fora|senao a|da morte",
        "nao|n vejo saida|solucao nenhuma so|alem|fora|senao a|da morte",
        "dar|dou|darei|colocar|por um? fim em|a|no|na|nesse|nisso tudo",
        "chegou a minha hora",
    ),
    "plan": (
        "tenho|fiz|montei|planejei|tracei um? plano pra|para|de me|mim|se? matar|morrer|"
        "suicidio|acabar",
        "sei|decidi|escolhi|planejei como|quando|onde vou? me|mim? matar|morrer|suicidar",
        "me|mim matar|suicidar|enforcar hoje|amanha|agora|essa|esta|quando|depois|logo",
        "vou|vo fazer isso|isto hoje a noite",
        "vou|vo fazer isso|isto essa|esta noite|madrugada",
        "vou|vo fazer isso|isto quando todos|todo",
        "hoje|amanha|agora eu? acabo com tudo|minha",
        "quando todo mundo dormir|dormirem",
        "quando todos|geral dormir|dormirem",
        "quando todos|geral estiverem|tiverem dormindo",
        "essa|esta|hoje e|sera minha|a ultima noite",
        "vai ser minha|a ultima noite",
        "me|mim|se jogar|atirar|lancar|jogando da|de|do|no|na|pela ponte|predio|viaduto|"
        "janela|sacada|laje|telhado|terraco|penhasco|passarela",
        "jogar|atirar|jogando na|em frente do|da|de|ao trem|metro|carro|onibus|caminhao|carreta",
        "jogar|atirar|jogando embaixo do|de|da trem|metro|carro|onibus|caminhao|carreta",
        "pular da|de|do|pela ponte|predio|viaduto|janela|sacada|laje|telhado|terraco|penhasco",
        "to|tou|estou na|no ponte|viaduto|parapeito|beirada",
        "to|tou|estou em cima da|do ponte|predio|viaduto|telhado|parapeito",
        "indo pra|para|pro a|o? ponte|viaduto",
        "vou|vo|quero|kero|pretendo|decidi tomar|engolir todos|todas|tudo os|as|meus|"
        "minhas? remed*|comprim*|pilul*|calmant*|rivotril|clonazepam|diazepam|zolpidem",
        "em tomar|engolir todos|todas|tudo os|as|meus|minhas? remed*|comprim*|pilul*|"
        "calmant*|rivotril|clonazepam",
        "tomar|engolir|tomo|tomando tudo|todos|todas de uma vez",
        "tomar|engolir a|o cartela|caixa|frasco|vidro inteira|inteiro|toda|todo",
        "quero|vou|queria ter|tomar|dar uma? overdose",
        "me|mim dar|dou um tiro",
        "dar um tiro na|em minha? cabeca",
        "cortar|corto|abrir os|meus|o|meu pulsos|pulso",
        "jogar|bater|batendo|jogando o|meu? carro de proposito",
        "planejando|planejei|planejo|planejar minha|meu morte|suicidio",
        "nao|n passo|sobrevivo dessa|desta noite|semana",
        "nao|n passo de hoje",
        "nao|n vou? estar|estarei viva|vivo amanha|mais",
        # --- extended
        "vou|vo fazer isso|isto hj|hoje a|de noite",
        "vou|vo fazer isso|isto quando|assim|depois ele|ela|eles|elas|meu|minha|todos|geral",
        "sair|sairem|dormir|dormirem|viajar|trabalhar|trabalho eu? vou|faco fazer? isso|isto",
        "ja? tenho tudo planejado|planejadinho|esquematizado",
        "sei exatamente como|quando|onde vou? fazer|morrer|acabar",
        "to|tou|estou|fiquei no|dentro do? carro na|da garagem",
        "carro|motor ligado na|dentro da? garagem",
        "garagem fechada com|e o? carro|motor ligado",
        "liguei o carro|motor na|dentro da? garagem",
        "mangueira no|do|pro|ao escapamento",
        "to|tou|estou na|no|em beira|beirada|alto|topo do|da ponte|predio|viaduto|telhado|penhasco|"
        "janela|sacada|trilho|trilhos|linha",
        "terraco|telhado|laje|sacada|janela|ponte|viaduto|predio pra|para pular|me",
        "vou|vo|quero|kero tomar|engolir tudo|todos|todas hoje|hj|agora|essa|esta",
        "amanha nao|n vou|estarei|estou|to estar? mais aqui|vivo|viva",
        "amanha eu nao|n estou|to|estarei mais aqui|vivo|viva",
        "hoje|esse|este e|sera|eh meu ultimo dia",
        "minha ultima noite|madrugada",
    ),
    "means": (
        "guardei|juntei|separei|estoquei|acumulei|escondi os|as|meus|minhas|uns|umas? "
        "remed*|comprim*|pilul*|calmant*|rivotril|clonazepam|diazepam",
        "guardando|juntando|separando|estocando|acumulando|escondendo os|as|meus|minhas|uns|"
        "umas? remed*|comprim*|pilul*|calmant*|rivotril|clonazepam|diazepam",
        "remed*|comprim*|pilul*|calmant* que eu? guardei|juntei|separei|estoquei|acumulei|escondi",
        "remed*|comprim*|pilul*|calmant* guardados|guardadas|escondidos|escondidas|estocados|"
        "separados|separadas",
        "remed*|comprim*|pilul*|calmant* suficiente|suficientes pra|para morrer|matar|acabar|"
        "overdose",
        "remed*|comprim*|pilul*|calmant* suficiente|suficientes pra|para me matar|suicidar",
        "juntei|estoquei|acumulei um monte|varios|varias|muitos|muitas de? remed*|comprim*|"
        "pilul*|calmant*|cartelas|caixas",
        "comprei|tenho|peguei|arrumei|consegui|arranjei uma|um|a|o? corda|arma|revolver|"
        "pistola|espingarda|veneno|chumbinho",
        "escondi|guardei|separei|escondendo|guardando uma|a|umas|as? lamina|laminas|gilete|"
        "giletes|navalha",
        "arma|revolver|pistola|corda|lamina|gilete|navalha|veneno|faca ta|esta|tá? aqui|"
        "pronta|pronto|comigo|carregada|carregado",
        "com a|uma arma|faca|lamina|gilete|corda|navalha|revolver|pistola na mao",
        "arma|revolver|corda|faca|lamina|gilete|veneno|remed*|comprim* do|ao meu lado",
        "arma|revolver|pistola carregada|carregado|engatilhada",
        "corda no|pro|pra|ao pescoco|teto|viga|ventilador",
        "amarrei|preparei|pendurei a|uma? corda",
        "tomei|bebi|tomar|beber|tomando|bebendo o|um? veneno|chumbinho",
        "veneno de|pra|para rato|ratos|barata",
        "tenho acesso a uma? arma|revolver",
        # --- extended
        "tenho|juntei|guardei|comprei o|um|a? suficiente|bastante pra|para fazer isso|isto",
        "tenho|juntei|guardei|comprei o|um|a? suficiente|bastante pra|para me? matar|morrer|"
        "overdose",
        "carreguei|engatilhei|destravei a|uma|o|um? arma|revolver|pistola|espingarda",
        "arma|revolver|pistola|corda|lamina|gilete|navalha|veneno ja ta|esta|tá? aqui|pronta|"
        "pronto|comigo|carregada|carregado",
        "corda ja? ta|esta|tá? pronta|amarrada|pendurada",
        "comprei|juntei|estoquei|acumulei|guardei varias|muitas|umas caixas|cartelas|"
        "frascos de? paracetamol|"
        "tylenol|dipirona|rivotril|clonazepam|diazepam|zolpidem|amitriptilina|remed*|comprim*|"
        "calmant*",
        "venho|ando|tenho|fiquei juntando|guardando|estocando|acumulando|escondendo remed*|"
        "comprim*|"
        "pilul*|calmant*|rivotril|clonazepam",
        "peguei|roubei a|o arma|revolver|pistola|espingarda do|da meu|minha|casa|vizinho",
    ),
    "preparatory": (
        "carta|cartas|bilhete|bilhetes|mensagem|video|recado de despedida|adeus",
        "escrevi|escrevendo|deixei|deixando|gravei|gravando minha|minhas|uma|as? "
        "despedida|despedidas",
        "e|sera minha ultima mensagem|carta|despedida",
        "vai ser minha ultima mensagem|carta",
        "essa|esta e a ultima mensagem",
        "ultimas palavras",
        "me despedindo|despedir|despeco de? todos|voces|vcs|geral|todo",
        "adeus a|pra|para|à todos|sempre|mundo|voces|vcs|familia|vida",
        "cuida|cuide|cuidem|cuidar|cuidem do|da|dos|das meu|minha|meus|minhas? cachorro|"
        "cachorra|gato|gata|filho|filha|filhos|filhas|cachorros|gatos|pets|bichos|mae|familia "
        "por mim",
        "quando eu nao|n estiver|tiver mais aqui|ai|viva|vivo",
        "quando eu partir",
        "quando eu me for",
        "dei|doei|dando|doando|distribui|distribuindo|doar|dar todas? as|minhas? minhas? "
        "coisas|pertences|bens",
        "deixei|deixando tudo organizado|arrumado|resolvido pra|para minha|meus|quando|eles",
        "deixei|deixando|coloquei tudo em ordem pra|para minha|meus|quando|eles",
        "obrigado|obrigada por tudo e? adeus",
        "me? perdoem|desculpem por tudo",
        "peco perdao a todos|voces",
        "nunca mais vao|vai|voces|vcs me ver|ouvir",
        "essa|esta|aqui e minha despedida",
        # --- extended
        "deixei|deixando|escondi uma|um|umas|uns|as|os? carta|cartas pra|para|pros|pras|aos|a meus|"
        "minhas|minha|meu? filhos|filhas|filho|filha|familia|mae|pai|esposa|marido|pais|todos",
        "isso|isto|essa|esta e|eh um|uma|o|meu|minha adeus|despedida",
        "filhos|filhas|filho|filha|mae|pai|familia|esposa|marido|netos|neto|neta|irmao|irma|"
        "pais que|"
        "q eu? amo|amei|amava ele|ela|eles|elas|voces",
        "diz|diga|fala|fale|digam|falem|avisa|avisem que|q eu? amo|amava|amei ele|ela|eles|elas|"
        "voces|todos",
        "cuida|cuide|cuidem bem? do|da|dos|das meu|minha|meus|minhas? cachorro|cachorra|gato|"
        "gata|filho|filha|filhos|filhas|cachorros|gatos|pets|bichos|mae|familia|criancas",
        "dei|doei|doando|dando meu|minha|meus|minhas|os|as cachorro|cachorra|gato|gata|gatos|"
        "cachorros|pets|bichos|animais",
        "dei|doei|dando|doando|distribui|distribuindo meus|minhas|os|as|todas|todos? coisas|"
        "pertences|"
        "bens",
        "deixei|passei|anotei|mandei|deixando|passando as|minhas|todas|meus|os? senhas|senha",
        "senha|senhas do|da|de|dos banco|bancos|cartao|cartoes|conta|contas ta|esta|tá|estao|"
        "fica|ficam|tao",
        "fiz|deixei|fazendo|escrevi meu|o|um? testamento",
        "ultima vez que|q voces|vcs|vc vao|vai ouvir|ver|receber|saber",
        "perdoa|perdoe|perdoem por tudo",
        "despede|despeca|despecam de? todos|geral|todo|eles|voces por mim",
        "diz|diga|digam|manda|mande adeus por mim",
        "tchau|adeus pra|para sempre",
        "ate nunca mais",
    ),
    "self_harm_now": (
        "me|mim cortei|cortando|corto|cortar|cortarei",
        "se cortando|cortar",
        "cortei|cortando|cortar|corto meu|meus|o|os|minha|minhas? braco|bracos|pulso|pulsos|"
        "perna|pernas|coxa|coxas|pele|barriga",
        "me|mim machucando|machuco|machucar|ferir|ferindo|firo",
        "se machucar|ferir",
        "me|mim queimando|queimar|queimo",
        "queimei|queimando|queimo|queimar com cigarro|isqueiro|esqueiro",
        "me|mim mutilar|mutilando|mutilei|mutilo|arranhando|arranhar",
        "automutil*",
        "autolesao|autolesoes|autolesionar|autolesionando",
        "auto mutilacao|lesao",
        "fiz|fazendo|faco|fazer cortes|corte no|nos|na|nas|em meu|meus|minha|minhas? braco|"
        "bracos|perna|pernas|pulso|pulsos|coxa|coxas|pele|barriga",
        "lamina|gilete|navalha no|na|nos|nas braco|bracos|pulso|pulsos|perna|pernas|pele",
        "cortar|cortando|cortei|corto os|meus pulsos",
        "batendo|bati|bato minha|a? cabeca na|contra parede",
        "nao|n consigo parar de me|mim|se cortar|machucar|ferir|queimar",
        "me|mim fazer|fazendo|faco mal",
        "mal a|pra|para mim mesmo|mesma",
        "to|tou|estou|ta sangrando muito|demais|sem",
    ),
    "overdose_now": (
        "tomei|engoli todos|todas os|as|meus|minhas? remed*|comprim*|"
        "pilul*|calmant*|rivotril|clonazepam|diazepam|zolpidem",
        "tomei|engoli|tomando|engolindo um monte|punhado|tanto|bocado|porrada de? remed*|"
        "comprim*|pilul*|calmant*|rivotril|clonazepam|diazepam",
        "tomei|engoli varios|varias|muitos|muitas|dez|vinte|trinta remed*|comprim*|pilul*|"
        "calmant*|rivotril|clonazepam",
        "tomei|engoli a|uma|o|um|duas|dois cartela|cartelas|caixa|caixas|frasco|frascos|"
        "vidro|vidros inteira|inteiro|toda|todo|de",
        "tomei|engoli tudo|todos|todas de uma vez",
        "tomei|engoli remed*|comprim*|pilul*|calmant* demais",
        "tomei|engoli remed*|comprim*|pilul*|calmant* pra|para morrer|sumir",
        "acabei de tomar|engolir todos|todas|tudo|varios|varias|muitos|muitas",
        "to|tou|estou|ta tendo uma overdose",
        "entrando|entrei em overdose",
        "overdose agora|proposital",
        "overdose de proposito",
        "misturei|misturando|misturo remed*|comprim*|pilul*|calmant*|rivotril|clonazepam|"
        "tudo|drogas com|e alcool|bebida|pinga|cachaca|cerveja|vodka|whisky|cocaina|po|crack|"
        "droga|drogas",
        "bebi|cheirei|usei e tomei|engoli remed*|comprim*|calmant*|rivotril|tudo|varios|todos",
        "exagerei|abusei nos|no|nas|na remed*|comprim*|calmant*|rivotril|clonazepam",
        "nao|n consigo ficar acordado|acordada",
        "nao|n consigo me manter acordado|acordada",
        "to|tou|estou apagando|desmaiando|grogue",
        "vista|visao ta|esta escurecendo|embacando|apagando",
        # --- extended
        "tomei|engoli uns|umas|mais|quase? de? 10|12|15|20|25|30|40|50|60|100|dez|doze|quinze|"
        "vinte|trinta|quarenta|cinquenta|cem remed*|comprim*|pilul*|calmant*|rivotril|clonazepam|"
        "diazepam|zolpidem|paracetamol|dipirona|tylenol",
        "nao|n to|estou|consigo? sinto|sentindo|sentir mais? meu|minha|minhas|meus|o|a|as|"
        "os pernas|"
        "perna|bracos|braco|maos|mao|pes|dedos|labios|boca|rosto",
        "tudo girando|rodando depois|desde dos|que|de remed*|comprim*|pilul*|calmant*|tomei|tomar|"
        "engoli",
        "to|tou|estou|ta|tá? perdendo a|os consciencia|sentidos",
        "tomei|engoli|misturei tudo com|e bebida|alcool|pinga|cachaca|cerveja|vodka",
    ),
    "partner_danger": (
        "marido|namorado|ex|companheiro|esposo|noivo|parceiro|esposa|namorada|companheira|"
        "noiva|parceira|ele|ela ta|esta|tá|vive|fica|sempre|ja|tambem|continua? me|mim "
        "bateu|bate|batendo|agrediu|agride|agredindo|espancou|espancando|enforcou|enforcando|"
        "estrangulou|estrangulando|sufocou|sufocando|esganou|empurrou|chutou|machucou|"
        "machucando|ameacou|ameaca|ameacando|estuprou|violentou|trancou|perseguindo|socou",
        "ameacou|ameaca|ameacando|jurou de? me|mim matar|morte",
        "me|mim jurou|ameacou|ameaca|jurando de morte",
        "disse|falou|jurou|prometeu|falando|diz que vai|ia me|mim matar|acabar|bater",
        "marido|namorado|ex|companheiro|esposo|noivo|parceiro|esposa|namorada|companheira|"
        "ele|ela vai|quer|ia|vem me|mim matar|bater",
        "medo do|de meu? marido|namorado|ex|companheiro|esposo|noivo|parceiro",
        "medo da|de minha? esposa|namorada|companheira|parceira|ex",
        "nao|n estou|to|tou|esto segura|seguro|segure",
        "nao|n estou|to|tou|me sinto a salvo",
        "nao|n me sinto segura|seguro",
        "casa nao|n e|esta|ta segura|seguro",
        "apanhei|apanhando|apanho|apanhar|apanhava dele|dela",
        "apanhei|apanhando|apanho|apanhava do|da meu|minha? marido|namorado|ex|companheiro|"
        "esposo|esposa|namorada|companheira",
        "violencia domestica",
        "sofrendo|sofro|vivendo|vivo violencia|agressao|agressoes|abuso|abusos",
        "apertou|apertando|apertava meu|o pescoco",
        "maos|mao no meu pescoco",
        "marido|namorado|ex|companheiro|esposo|parceiro|ele ta|esta|tá|ficou aqui|la|na|no "
        "fora|porta|portao|janela",
        "escondida|escondido|fugindo|fugi|fujo dele|dela",
        "escondida|escondido|fugindo|fugi|fujo do|da meu|minha? marido|namorado|ex|"
        "companheiro|esposo|esposa|namorada|companheira",
        "medo de voltar|ir pra|para casa",
        "marido|namorado|ex|companheiro|esposo|parceiro|ele pegou|pegando|tem uma|a|um|o? "
        "arma|faca|revolver|pistola",
        # --- extended
        "ta|esta|tá|fica|vive|ficou me ameacando|agredindo|espancando|estrangulando|enforcando|"
        "esganando",
        "ele|ela|marido|namorado|ex|companheiro|esposo|parceiro ta|esta|tá esmurrando|chutando|"
        "socando|arrombando|forcando|quebrando na|a porta|janela|tudo",
        "to|tou|estou|fiquei trancada|escondida|escondido no|na|dentro banheiro|quarto",
        "pai|mae dos|das meus|minhas filhos|filhas|criancas me bateu|bate|batendo|agrediu|ameacou|"
        "ameaca|ameacando|espancou|enforcou",
        "ta|esta|tá|chegou bebado|bebada|drogado|drogada|louco|doido|descontrolado e? quebrando|"
        "batendo|ameacando|agressivo|violento|quebrou",
        "disse|falou|jurou|diz|fala que|q me|mim mata|matava|mataria",
    ),
    "someone_else_acute": (
        "quer|vai|queria|tentou|tentando|tenta|ia|pretende|ameacou|ameaca|ameacando|"
        "pensa|pensou se|si matar|mata|suicidar|enforcar|envenenar",
        "disse|falou|diz|fala|falando|dizendo|escreveu|contou que vai|quer|queria|ia se|si "
        "matar|suicidar",
        "disse|falou|diz|fala|falando|dizendo|escreveu|contou que quer|queria|vai|ia morrer",
        "falando|fala|falou|falava|pensando|pensa|pensou em se|si matar|suicidar|suicidio",
        "falando|fala|falou em morrer|suicidio",
        "tomou|engoliu todos|todas|varios|varias|muitos|muitas os|as|seus|suas? remed*|"
        "comprim*|pilul*|calmant*|rivotril|clonazepam",
        "tomou|engoliu um monte|punhado|bocado de? remed*|comprim*|pilul*|calmant*|rivotril",
        "tomou|engoliu a|o|uma|um cartela|caixa|frasco|vidro inteira|inteiro|toda|todo|de",
        "sumiu|desapareceu|fugiu|saiu com os|as|uns|umas|a|uma|o|um? remed*|comprim*|"
        "pilul*|calmant*|arma|faca|corda|revolver|veneno",
        "ta|esta|tá|anda|foi|saiu com uma|a|um|o arma|faca|corda|revolver|pistola",
        "pegou|comprou|arrumou|conseguiu uma|a|um|o? arma|revolver|pistola|corda|veneno|chumbinho",
        "ta|esta|tá|anda|fica|vive|continua se cortando|machucando|ferindo|queimando|mutilando",
        "se cortou|mutilou|queimou de proposito",
        "deixou|escreveu uma|um? carta|bilhete e sumiu|saiu|desapareceu",
        "deixou|escreveu uma|um? carta|bilhete de despedida|adeus",
        "nao|n acorda|reage|respira",
        "nao|n ta|esta respirando|acordando|reagindo",
        "teve|tendo uma? overdose",
        "ameacou|ameaca|ameacando se? jogar|pular|atirar|enforcar|cortar",
        # --- extended
        "tomou|engoliu muito|muitos|demais|tanto remed*|comprim*|pilul*|calmant*|rivotril",
        "tomou|engoliu remed*|comprim*|pilul*|calmant* demais",
        "tomou uma? overdose",
        "ele|ela|filho|filha|marido|esposa|namorado|namorada|irmao|irma|pai|mae|amigo|amiga ta|"
        "esta|tá|foi na|no|pra|para|pro|em ponte|viaduto|parapeito|beirada|telhado|trilhos",
        "se? trancou|trancado|trancada|escondeu com|levando os|as|uma|um? remed*|comprim*|pilul*|"
        "calmant*|arma|faca|corda|revolver|veneno",
        "cortou|abriu os|o pulsos|pulso",
        "se enforcou|enforcando|jogou|envenenou",
        "achei|encontrei meu|minha|o|a? filho|filha|marido|esposa|namorado|namorada|irmao|irma|"
        "pai|mae|amigo|amiga|ele|ela desacordado|desacordada|desmaiado|desmaiada|inconsciente|"
        "roxo|roxa",
        "ta|esta|tá desacordado|desacordada|inconsciente",
        "achei|encontrei as|os|umas|uns cartelas|caixas|frascos|vidros vazias|vazios",
    ),
    # --- review -------------------------------------------------------------------------
    "burden": (
        "ficaria|ficariam|estaria|estariam|ficam|fica|ficavam|seriam|seria|viveriam|vivem|"
        "ficar|estar|viver mais? melhor|melhores|felizes|feliz|tranquilos|tranquila|"
        "tranquilo|bem sem mim",
        "melhor se eu nao|n existisse|estivesse|tivesse",
        "melhor se eu sumisse|desaparecesse|partisse|sumir",
        "sou|virei|sendo|so um|uma|so? peso|fardo|estorvo|encosto",
        "me sinto um|uma|so? peso|fardo|estorvo|incomodo",
        "sou|virei|sendo so? um problema|peso pra|para todos|todo|minha|meus|familia|voces|eles",
        "so|apenas atrapalho|atrapalhando|incomodo|estrago",
        "so|apenas dou|trago|causo trabalho|problema|problemas|desgosto|sofrimento|tristeza",
        "ninguem vai|ia|iria|ira? sentir|sentiria|sente a? minha falta",
        "ninguem ia|iria|vai|ira? notar|perceber|ligar|importar|sentir se eu|eu",
        "ninguem se importa|importaria comigo",
        "ninguem liga|ligaria pra|para mim",
        "estrago|atrapalho|destruo|arruino a vida de|da|dos",
        "faco|fazendo todo mundo|todos sofrer",
        "nao|n valho nada",
        "sou|me sinto um|uma? inutil|fracasso|lixo",
    ),
    "hopeless": (
        "nao|n|naum aguento|aguenta|suporto mais",
        "nao|n vejo|enxergo|tem|ha|encontro|tenho mais? saida|solucao|esperanca|futuro",
        "nao|n vejo|tem|ha outra saida|solucao|opcao|alternativa",
        "sem saida|esperanca|perspectiva|futuro",
        "nao|n vejo|tem|ha|encontro|tenho mais? sentido|motivo|razao|motivos|razoes em|na|"
        "pra|para|de viver|vida|continuar|nada|vivendo",
        "nao|n tem|vejo mais? sentido|motivo|razao viver|continuar",
        "sentido|motivo|razao nenhum|nenhuma pra|para|em|na viver|vida|continuar",
        "sem sentido|motivo|razao pra|para|de viver|continuar",
        "vida|viver sem sentido|proposito|graca",
        "vida nao|n tem|faz mais? sentido",
        "vida|viver nao|n vale mais? a? pena",
        "nao|n vale a pena viver|continuar|vivendo",
        "qual o sentido|motivo de|em viver|continuar",
        "pra|para que viver",
        "pra|para que continuar vivendo",
        "desisti|desistir|desistindo|desisto de|da tudo|vida|viver|mim",
        "cansei|cansado|cansada de tudo|lutar|viver|sofrer|existir",
        "nao|n consigo|aguento mais continuar|lutar|seguir",
        "nada mais importa|faz sentido|tem sentido",
        "quero|queria|qria so? sumir|desaparecer",
        "nao|n tenho mais nada|ninguem|forcas",
        "tanto faz se eu vivo|viver",
    ),
    "past_attempt": (
        "tentei|tentou me|mim|se matar|suicidar|enforcar|envenenar|suicidio",
        "tentei o? suicidio",
        "tentativa|tentativas de suicidio",
        "tentei tirar|acabar com a? minha vida",
        "tive|sofri|tomei uma? overdose",
        "morri de overdose",
        "internado|internada|hospitalizado|hospitalizada por|pela|apos|depois da? "
        "overdose|tentativa",
        "lavagem estomacal|gastrica",
        "me|mim cortava|machucava|queimava|mutilava",
        "sobrevivi a uma? tentativa|overdose",
        "quando tentei me|mim matar|suicidar",
    ),
    "worry_other": (
        "preocupado|preocupada|preocupados|preocupadas com meu|minha|o|a? filho|filha|"
        "marido|esposa|mae|pai|irmao|irma|amigo|amiga|namorado|namorada|neto|neta|sobrinho|"
        "sobrinha|companheiro|companheira|ele|ela|filhos",
        "ele|ela|dele|dela faca|fazer|cometa|cometer|tente|tentar alguma|uma? besteira|loucura",
        "medo dele|dela se? matar|machucar|cortar|suicidar",
        "medo que|de ele|ela se? mate|machuque|corte|matar|machucar|cortar",
        "ele|ela ta|esta|anda|tá muito? deprimido|deprimida|isolado|isolada|estranho|"
        "estranha|calado|calada|triste",
        "parou de comer|falar|sair",
        "parou de tomar os|seus|suas? remed*",
        "nao|n sai mais? do|da quarto|cama",
        "disse|falou|fala|diz|falando que? nao|n aguenta mais",
        "nao|n sei mais? como ajudar|ajuda meu|minha|ele|ela|filho|filha",
        "se trancou|trancado|trancada no|na quarto|banheiro",
        "ele|ela voltou a usar|beber|cheirar|fumar",
    ),
}

# A concept match overlapping one of these (tight) is cancelled.
IDIOMS: tuple[str, ...] = (
    # dying of laughter, longing, shame, hunger...
    "morr*|mort* de rir|vergonha|vontade|saudade|saudades|fome|sono|sede|medo|ansiedade|"
    "susto|calor|frio|tedio|cansaco|inveja|curiosidade|raiva|preguica|amor|ciume|ciumes|"
    "emocao|alegria|felicidade|trabalhar|estudar|chorar|nervoso|orgulho|tesao|fofura",
    "morrendo|morrer|morri|morro|morto|morta de tanto rir|trabalhar|chorar|estudar",
    "quase me matou|matei|mata",
    # "esse trânsito me mata", "o horário tava me matando"
    "transito|calor|frio|horario|trabalho|chefe|fila|saudade|saudades|espera|rotina|onibus|"
    "cansaco|preguica|curiosidade|ansiedade|faculdade|escola|emprego|isso|patrao|sono|fome|"
    "sol|barulho|dor me mata|matando|matou|mataria",
    "tava|ta|esta|estava|anda me matando",
    "chefe|chefa|patrao|patroa|mae|pai|professor|professora|sogra|sogro|coordenador|"
    "coordenadora|supervisor|supervisora|gerente|treinador vai|vao|ia|iria me matar|mata",
    "mato|mata|matar|matando|matei|matou|matava de rir|trabalhar|trabalho|estudar|estudo|"
    "raiva|vergonha|fome|saudade|saudades|susto|curiosidade|tanto",
    "mato|matando|matar|mata trabalhando|estudando|treinando|correndo",
    # "não aguento mais esperar / esse trabalho / ficar sem o grupo"
    "aguento|aguenta|aguentava mais esperar|aguardar|trabalhar|estudar|pagar|morar|dirigir",
    "aguento|aguenta mais ficar|estar sem|longe|parado|parada",
    "aguento|aguenta mais esse|essa|este|esta|meu|minha|o|a trabalho|emprego|chefe|horario|"
    "transito|calor|frio|fila|espera|cidade|aluguel|patrao|vizinho|vizinhos|barulho|onibus|"
    "rotina|faculdade|escola",
    # "não quero mais viver com meus pais", "cansado de viver no aluguel"
    "viver|vivendo|morar com|perto|junto meu|minha|meus|minhas|ele|ela|eles|elas|voce|vc|"
    "sogra|pais|familia",
    "viver|vivendo em|no|na|nessa|nesse|nesta|neste casa|cidade|bairro|lugar|aluguel|pais|"
    "estado|rua|apartamento|ap|comunidade|favela|interior|capital|republica|abrigo",
    "viver|vivendo sozinho|sozinha|longe|perto",
    "viver|vivendo de aluguel|favor",
    # "quero acabar com tudo que me faz mal"
    "acabar|acabo|acaba|acabando com tudo que|o|os|a|as|de|dessa|desse|desses|dessas|relacionado",
    "tirar|tirando a? minha vida do|da|dessa|desse|disso|de",
    "vai|ta|esta|pode|podia|vao|iria|tava acabar|acabando com a? minha vida",
    "de uma vez por todas",
    # compliance: "tomei todos os remédios do dia", "separei os remédios da semana"
    "remed*|comprim*|pilul* do|da|de|na dia|semana|hoje|mes|manha|noite|hora|receita",
    "remed*|comprim* certinho|direitinho|receitados|prescritos|corretamente|certo",
    # "não estou segura se consigo ir"
    "segura|seguro se|sobre|quanto|disso|daquilo|que|de|do|da|qual|como|quando|onde|ainda|nao",
    "segura|seguro pra|para|em voltar|ir|falar|participar|dirigir|contar|compartilhar|"
    "comecar|retomar|decidir|fazer|responder",
    # accidents: "me cortei com a faca cozinhando", "me machuquei no treino"
    "cortei|cortar|cortando|corto|cortou o|a|os|as|meu|minha|meus|minhas cabelo|cabelos|"
    "unha|unhas|franja|barba|dedo|dedos|gastos|custos|cafe|acucar|doce|carne|alcool|"
    "bebida|cigarro",
    "cortei|cortando|cortar|corto|cortou cozinhando|barbeando|descascando|depilando|trabalhando",
    "cortei|cortando|cortar|corto|cortou sem querer",
    "cortei|cortando|cortar|corto|cortou com a|uma|o|um faca|vidro|papel|lata|tesoura|"
    "canivete cozinhando|descascando|sem|trabalhando",
    "cortei|cortando|cortar|corto|cortou no|na|com vidro|papel|lata|prego|porta|cozinha|"
    "obra|trabalho|folha",
    "cortei|cortar|corto|cortando contato|relacoes|lacos|caminho|gastos",
    "machuquei|machucar|machucando|machuco|machucou no|na|o|a|meu|minha treino|academia|"
    "futebol|jogo|bola|trabalho|obra|joelho|tornozelo|coluna|costas|ombro|pe|dedo|escada|"
    "queda|acidente",
    "machuquei|machucando|machucar|machuco|machucou jogando|treinando|caindo|trabalhando|"
    "correndo|pedalando|andando|carregando|levantando",
    "queimei|queimando|queimar|queimo|queimou no|na|com o|a? sol|fogao|forno|panela|oleo|"
    "agua|ferro|cozinhando|praia|chapa|cafe|vapor",
    "vai|pode|possa|podia|iria|ia me fazer mal",
    "ta|esta|tava|vem|anda me fazendo mal",
    "acordar|acordo|acorda|acordando cedo|tarde|madrugada|as|pra|para|com",
    "plano de|do saude|convenio|tratamento|pagamento|recuperacao|seguranca|celular|acao",
    "tiro no|pelo pe|escuro",
    "missao|missoes|ataque|homem suicida|suicidas",
    "adeus a|pra|para|à vida|vidinha de|do|da|no|na|louca|loka|antiga|velha|noturna|bandida|errada",
    "rua sem saida",
    "arma|armas|revolver|pistola de brinquedo|agua|pressao|airsoft|paintball|choque",
    "jogar|jogando|joguei na|no balada|festa|trabalho|tratamento|projeto|estudo|grupo",
    "viver|vivendo sem voces|vcs|grupo|terapia|carro|dinheiro|emprego|trabalho|internet",
    "planejado|planejei|planejadinho tudo? direitinho|certinho|com|so",
    "planejado|planejei|planejadinho tudo? pra|para|de voltar|retornar|vir|entrar|minha|sair|"
    "ir|chegar|comecar|recomecar|retomar|participar",
    "garagem do|da|de trabalho|predio|empresa|shopping|condominio|clinica|hospital|escritorio|"
    "faculdade|mercado|servico|igreja|academia|voces",
    "ultima noite de|do|da|no|na|em plantao|folga|trabalho|ferias|viagem|hotel|hospital|internacao|"
    "clinica|servico|turno|festa|curso",
    "tomar tudo|todos|todas hoje|hj|agora? certinho|direitinho|certo|corretamente|como|conforme",
    "mais aqui em|no|na|nessa|nesse|nesta|neste|pela|pelo|perto|por|de|a|as|ate",
    "filhos|filhas|filho|filha|familia|mae|pai|esposa|marido|pais pedindo|avisando|explicando|"
    "contando|desculpa|desculpas",
    "adeus|despedida ao|a|do|da|dos|das|aos|as|pro|pra|para vicio|vicios|alcool|bebida|bebidas|"
    "droga|drogas|cigarro|crack|cocaina|po|maconha|pinga|cachaca|balada|noitada|grupo|programa|"
    "emprego|trabalho|passado|cidade",
    "comprim*|remed*|pilul* de|da vitamina|vitaminas|ferro|omega|suplemento|magnesio|calcio",
    "uns|umas|de? 10|12|15|20|25|30|40|50|60|100|dez|doze|quinze|vinte|trinta|quarenta|cinquenta|"
    "cem gotas|mg|ml|miligramas|gramas|minutos|dias|anos|reais",
    "pernas|perna|bracos|braco|pes|maos|dedos de cansaco|tanto|frio|treino|andar|correr",
    "remed*|comprim*|xarope pra|para|de gripe|dor|febre|tosse|resfriado|pressao|cabeca|garganta|"
    "alergia|estomago|verme|vermes",
    "ponte aerea|safena|movel|rolante",
    "desmaiado|desmaiada|apagado|apagada de cansaco|sono",
    "minha hora de|da|do|pra|para voltar|mudar|retornar|recomecar|comecar|parar|cuidar|tentar|"
    "buscar|pedir|procurar|largar|sair|agir|reagir",
    "acabar o|a mes|semana|tratamento|receita|dia",
    # --- extended
    "tudo|planejado|planejada|planejei|planejadinho|organizei|esquematizado pra|para|de voltar|"
    "retornar|vir|entrar|comecar|recomecar|retomar|ir|participar|chegar|minha|meu|o|a|as|os",
    "vou? fazer|faco pra|para|com|o|a|a|no|na|de chegar|ir|voltar|pagar|entrar|inscricao|matricula|"
    "cadastro|formulario",
    "ultimo dia de|do|da|no|na|em ferias|trabalho|aula|aulas|servico|emprego|empresa|contrato|"
    "escola|faculdade|curso|folga|licenca|atestado|mes|semana|ano|prazo|inscricao|tratamento|"
    "grupo|programa|estagio|obra|aviso",
    "fim em|a|no|na|nesse|nisso tudo que|o|os|a|as|de|dessa|desse|relacionado|isso",
    "quem|alguem|vcs|voces cuida|cuide|cuidem|cuidaria",
    "cachorro|cachorra|gato|gata|filho|filhos|filha|filhas|criancas|pets|bichos enquanto|durante|"
    "ate",
    "cachorro|cachorra|gato|gata|gatos|cachorros|pets|bichos pra|para|pro|pros|com minha|meu|"
    "a|o? mae|pai|irma|irmao|amiga|amigo|vizinha|vizinho|vo|avo|tia|tio? cuidar|tomar|ficar",
    "testamento vital",
    "ameacando|ameacou|ameaca de? demissao|demitir|processo|processar|despejo|multa|cortar|tirar|"
    "denunciar",
    "chefe|chefa|patrao|patroa|mae|pai|sogra|sogro|professor|professora|gerente|coordenador|"
    "coordenadora|"
    "supervisor|supervisora disse|falou|diz|fala que|q me? mata|matar|matava",
)

NEGATIONS: tuple[str, ...] = (
    "nao",
    "n",
    "naum",
    "nunca",
    "jamais",
)

# History markers: within a few words of a match they make it review.
PAST: tuple[str, ...] = (
    "ha|faz alguns|uns|muitos|varios|tantos|1|2|3|4|5|6|7|8|9|10|um|dois|duas|tres|quatro|"
    "cinco|seis|sete|oito|nove|dez? anos|ano|meses",
    "ha|faz muito? tempo|tempos",
    "anos|meses|tempos|decadas atras",
    "ano passado|retrasado",
    "mes passado",
    "quando eu? era|tinha|morava|usava|bebia",
    "na adolescencia|juventude|infancia|faculdade",
    "quando era crianca|adolescente|nova|novo",
    "antigamente",
    "no passado",
    "naquela epoca",
    "naquele tempo",
    "costumava",
    "cheguei a tentar",
    "no comeco|inicio do|deste|desse ano",
)

# Real words one typo from a key word of this table; they never count as it.
NEAR_WORDS: tuple[str, ...] = (
    "correr",
    "correndo",
    "morder",
    "morreu",
    "morrem",
    "portas",
    "mortes",
    "contar",
    "contei",
    "contando",
    "contou",
    "contava",
    "portar",
    "portando",
    "esforcar",
    "esforcou",
    "esforcando",
    "queixar",
    "queixei",
    "queixando",
    "queixo",
    "aguardei",
    "aguardando",
    "resolver",
    "resistir",
    "resisti",
    "resisto",
    "suporte",
    "fresco",
    "premio",
    "despedido",
    "atrapalha",
    "compre",
    "comprem",
    "cartaz",
    "doendo",
    "casado",
    "casada",
    "casei",
    "mentir",
    "quanto",
    "melhora",
    "melhoro",
    "parece",
    "quatro",
    "pesando",
    "acordo",
    "tomava",
    "tomado",
)
