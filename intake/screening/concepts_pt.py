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
        "nao|n quero mais estar|ficar|viver neste|nesse|no mundo",
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
        "nao|n consigo me manter segura|seguro",
        "nao|n consigo me manter a salvo",
        "nao|n to conseguindo me manter segura|seguro",
        "nao|n to conseguindo me manter a salvo",
        "nao|n to|estou segura|seguro comigo mesma|mesmo",
        "nao|n me sinto segura|seguro comigo mesma|mesmo",
        "nao|n acho q|que chego ate|no|na|ao|o",
        "nao|n acho q|que vou chegar ate|no|na|ao|o",
        "nao|n acho q|que to vivo ate|no|na|ao|o",
        "nao|n acho q|que to viva ate|no|na|ao|o",
        "nao|n acho q|que estarei viva ate|no|na|ao|o",
        "nao|n acho q|que estarei vivo ate|no|na|ao|o",
        "nao|n vou chegar viva|vivo ate|no|na|ao",
        "nao|n pretendo|quero chegar|ver ate|no|na|o|a proxima? fim|semana|segunda|natal|amanha",
        "nao|n vejo como passar|sobreviver dessa|desta|a noite",
        "nao|n passo dessa|desta noite",
        "hj|hoje eu paro de tentar|lutar|viver",
        "hj|hoje eu desisto de vez|tudo",
        "hj|hoje eu desisto de da vida",
        "desistindo|desisto de tudo hj|hoje",
        "ate nao|n acordar mais?",
        "beber|usar|tomar|parar ate nao|n acordar",
        "tomara|espero|queria nao|n acordar mais?",
        "nao|n ligo se eu? nao|n acordar|morrer",
        "nao|n vou|pretendo|penso parar ate nao|n acordar",
        "nao|n acho q|que chego|chegue viva|vivo ate|no|na|ao|o",
        "ja nao|n quero mais continuar vivendo",
        "decepcionado|decepcionada de nao|n ter batido|morrido",
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
        "vou|vo tomar|usar|engolir|meter tudo|todos|todas de uma vez",
        "tomar|usar|engolir tudo|todos|todas de uma vez hj|hoje|agora",
        "resolvo|resolver|acabo|acabar com isso de uma vez",
        "escolhi o lugar e a hora",
        "vai|vou entrar no mar e nao|n voltar",
        "usar|tomar tudo que|q sobrou de uma vez",
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
        "o que|q eu? preciso ja? ta|esta guardado|escondido|pronto",
        "o que|q eu? preciso ja? ta|esta na gaveta",
        "ja tenho o que|q preciso guardado|escondido|pronto",
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
        "nao|n consigo parar de bater a cabeca",
        "nao|n consigo parar de me socar|bater|cortar",
        "queimei|queimando o|meu braco|pulso|perna|mao com o? isqueiro|cigarro",
        "cortei fundo no pulso|braco",
        "arrancando a pele",
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
        "ele|ela|filho|filha|irmao|irma|marido|esposa|mae|pai|amigo|amiga nao|n quer mais viver",
        "ele|ela|filho|filha|irmao|irma|marido|esposa|mae|pai|amigo|amiga nao|n quer mais? acordar",
        "disse|falou|contou|diz q|que nao|n quer mais viver",
        "disse|falou|contou|diz q|que nao|n quer mais? acordar",
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
        "me? mandou mensagem se despedindo",
        "me? mandou mensagem de despedida",
        "se despediu de mim",
        "se despediu de da gente",
        "se despediu de de todo mundo",
        "deu|dando|doou o|a|os|as|suas|seus violao|videogame|roupas|coisas|joias|bicicleta|"
        "celular|tenis",
        "falou|fala|disse|diz que|q logo nao|n vai mais dar trabalho",
        "falou|fala|disse|diz que|q nao|n vai mais precisar de nada",
        "nao|n acorda|reage|responde e|ta|esta",
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
    "relapse_danger": (
        "vou usar|cheirar|fumar|beber sozinha|sozinho hj|hoje|agora",
        "vou me picar sozinha|sozinho hj|hoje|agora",
        "usando|cheirando|fumando|bebendo sozinha|sozinho trancad*|hj|hoje|agora",
        "usando|cheirando|fumando|bebendo sozinha|sozinho no quarto",
        "nao|n ligo se tiver|vier com fentanil|fentanila",
        "se eu apagar ninguem|ninguém vai me achar",
        "ninguem sabe onde eu? to|estou e? usando",
        "misturando|misturei rivotril|remedio|remedios|calmante com bebida|alcool|pinga|cocaina",
    ),
}

# Building blocks of the cue table below.
# Someone a relative or friend writes about ("meu filho", "minha irmã").
_OTHER = (
    "filho|filha|irmao|irma|mae|pai|marido|esposa|esposo|mulher|namorado|namorada|amigo|"
    "amiga|primo|prima|companheiro|companheira|sobrinho|sobrinha|neto|neta|enteado|enteada|"
    "tio|tia|cunhado|cunhada|noivo|noiva|parceiro|parceira|padrasto|madrasta|avo|vo|sogro|"
    "sogra|colega|vizinho|vizinha"
)
# Something one could take too much of.
_DRUGS = (
    "remed*|comprim*|pilul*|calmant*|cartela|cartelas|frasco|frascos|rivotril|clonazepam|"
    "diazepam|alprazolam|lorazepam|zolpidem|paracetamol|tylenol|dipirona|amitriptilina|"
    "fluoxetina|sertralina|quetiapina|litio|insulina|morfina|tramadol|codeina|metadona|"
    "fentanil|heroina|cocaina|crack|pedra|ecstasy|cheirei|cheirando|injetei|injetando|"
    "alcool|cachaca|pinga|vodka|bebida|bebidas|antidepressiv*|ansiolitic*|tarja"
)
_USED = (
    "tomei|tomou|engoli|engoliu|bebi|bebeu|usei|usou|cheirei|cheirou|fumei|fumou|injetei|"
    "injetou|tomando|bebendo|usando|cheirando"
)
_PETS = "gato|gata|gatos|cachorro|cachorra|cachorros|cachorrinho|pets|bichos|passaro|peixe"
_NUMBERS = (
    "10|12|15|20|25|30|35|40|45|50|60|70|80|90|100|dez|doze|quinze|vinte|trinta|quarenta|"
    "cinquenta|sessenta|setenta|oitenta|cem"
)

# The parts an urgent idea is told with (see ``combinations.COMBINATIONS``): a cue of
# ``combinations.RISK_CUES`` alone is a review; two that combine, tightly matched, are urgent.
# As everywhere, "a|b" is one word of several, so each multi-word wording is its own line.
CUES: dict[str, tuple[str, ...]] = {
    "death": (
        "morrer|morre|morrendo|morro|morri|morra|morresse|morrerei|morreria|morto|morta",
        "suicid*|sucid*|suecid*",
        "me|se matar|mato|mate|matasse|matarei",
        "acabar|acabo|acabando|acabaria|acabe comigo",
        "acabar|acabo|acabando com a? minha|propria vida",
        "tirar|tiro|tirando|tirei a? minha propria? vida",
        "dar|dou|darei|por um? fim em|a|na|no minha? tudo|vida|mim|isso",
        "nao|n|nem existisse|existir",
        "nao|n|nem estivesse mais? aqui|viva|vivo",
        "se eu morresse|sumisse|desaparecesse|partisse",
        "nao|n vou|vai estar|estarei|ficar mais aqui|viva|vivo",
        "nao|n vou|vai estar|estarei viva|vivo",
        "acho|sinto|creio|sei q|que nao|n vou|vai estar|estarei aqui",
        "nao|n consigo|aguento|quero|vou mais? continuar|seguir existindo|vivendo|viva|vivo",
        "parar|deixar|parei de existir|respirar|viver",
        "sumir|sumo|sumindo|sumisse|desaparecer|desapareco|desaparecesse de vez",
        "sumir|sumo|sumindo|sumisse|desaparecer|desapareco|desaparecesse do mapa|mundo",
        "sumir|sumo|sumindo|sumisse|desaparecer|desapareco|desaparecesse pra|para sempre",
        "sumir|desaparecer e|pra? nunca mais voltar|aparecer",
        "embora de vez",
        "embora desse|deste|do mundo",
        "embora pra|para sempre",
        "partir|parti|partindo desse|deste|do mundo",
        "deixar|deixando este|esse mundo",
        "sair do caminho de vez",
        "tanto faz se eu? acordar|acordo|acorde|viver|vivo|morrer|morro",
        "dormir|durmo e nunca|nao|n mais? acordar",
        "nao|n acordar|acorde|acordasse mais|amanha",
        "minha ultima noite|madrugada",
        "meu ultimo dia",
        "chegou a? minha hora",
        "besteira|loucura comigo",
        "besteira|loucura contra mim",
        "fazer|faco|farei isso|isto de vez",
        "suisid*|susid*|suicd*",
        "acabar|acabo com tudo de vez",
        "acabar|acabo com tudo hoje|hj|agora",
        "nao|n quero mais ficar aqui",
        "jeito de acabar com isso|tudo",
        "jeito de acabar com minha vida",
        "se eu sumir|morrer",
        "se eu nao existir",
        "se eu for embora",
        "e o fim|final",
        "desistindo|desistir|desisti de viver",
        "tudo pare|acabe de uma vez",
        "descansar de vez",
        "descansar pra|para sempre",
        "ultimo dia q|que vcs|voces",
        "ouvir falar de mim",
        "ja era pra|para mim",
        "nao|n quero mais ficar|estar aqui",
        "quando eu? nao|n estiver mais aqui",
        "logo nao|n vou mais estar|dar trabalho",
        "recebe|receba|recebam|receber o seguro de vida?",
        "depois disso nao|n importa mais",
        "hj|hoje e meu ultimo dia",
        "nao|n vai mais precisar de nada",
        "se ainda estiver|tiver por aqui|viva|vivo",
        "sumir de vez",
        "n|nao chego no|ao|ate o? fim do? mes|semana|natal e|nem",
        "se eu chegar ate segunda|terca|quarta|quinta|sexta|sabado|domingo|o|a",
        "ficar|ficariam melhor com a pensao|o seguro",
        "pra acabar logo",
    ),
    "method": (
        "me|se jogar|joga|jogo|joguei|jogando|jogue|atirar|atira|atiro|atirei|atirando|lancar|"
        "lanco da|de|"
        "do|pela|pelo|embaixo|debaixo|na|no|num|numa|em|contra|frente",
        "pular|pula|pulo|pulei|pulando|pule|pulasse|pularia|pularei",
        "enforcar|enforco|enforquei|enforcando|enforque|enforcasse|enforcaria",
        "envenen*",
        "me|se afogar|afogo|afogando|afoguei",
        "cortar|corto|cortei|cortando os|o|meus|meu pulsos|pulso",
        "abrir|abri|abrindo os|o|meus|meu pulsos|pulso",
        "jogar|jogo|jogando|enfiar|enfio|lancar o|meu? carro no|na|num|numa|contra|embaixo|"
        "debaixo|de|em",
        "de frente num|numa|com|contra|no|na caminhao|carreta|onibus|trem|muro|poste|arvore|"
        "carro|pilastra",
        "embaixo|debaixo|frente do|de|da|dum|duma um|uma? trem|metro|onibus|caminhao|carreta",
        "carro|motor ligado",
        "escapamento",
        "garagem fechada",
        "tiro na|em minha? cabeca|boca",
        "dar|dou|darei um tiro",
        "estourar|estouro os miolos",
        "do|pelo ultimo andar",
        "tomar|tomo|beber|bebo|engolir o|um|aquele? veneno|chumbinho|soda",
        "sair|jogar|tirar o carro da|na estrada|pista|ribanceira",
        "sair da estrada|pista",
        "bater|bato no|num|numa caminhao|carreta|poste|muro|arvore",
        "bater|bato|jogar|jogo o|meu carro no|num|numa|contra caminhao|carreta|poste|muro|arvore",
        "na contramao",
        "entrar|entro|entrando na agua e nao volto|voltar|volta",
        "ninguem me acha|ache|encontra|encontre",
        "vai|quer se matar|matra|jogar|enforcar",
        "disse q|que vai se matar|matra|jogar|enforcar",
        "carvao|carvão na|no garagem|quarto|carro",
        "carvao",
        "fita pra|para vedar",
        "vedar a porta",
        "carvao",
    ),
    "place": (
        "ponte|viaduto|passarela|predio|telhado|terraco|laje|sacada|parapeito|penhasco|"
        "precipicio|trilho|trilhos|rodovia|estrada|represa|cachoeira|marginal",
        "ultimo andar",
        "linha do trem|metro",
        "garagem",
        "ultimo andar",
        "telhado|laje|terraco",
        "plataforma|trilho|motel",
        "mar|rio|represa|galpao",
    ),
    "weapon": (
        "arma|armas|revolver|pistola|espingarda|garrucha|rifle|oitao|calibre",
        "uma|a|as|umas|da|na|com|minha faca|facas",
        "facao|canivete|lamina|laminas|gilete|giletes|navalha|estilete|corda|cordas|veneno|"
        "chumbinho",
        "soda caustica",
        "me mostrou uma|a|o arma|revolver|faca|corda",
    ),
    "farewell": (
        "despedida|despedidas|despedir|despedi|despeco|despedindo|despedisse|despedirei",
        "adeus",
        "tchau pra|para sempre",
        "escrevi|escrevendo|escrever|deixei|deixando|deixar as|umas|uma|minha|minhas? carta|"
        "cartas|bilhete|bilhetes",
        "carta|cartas|bilhete|bilhetes pra|para|pros|pras|aos|as minha|meu|meus|minhas|familia|"
        "todos",
        "doei|doando|doar|distribui|distribuindo minhas|meus|todas|todos|tudo",
        "dei|dando|dar todas|todos|tudo minhas|meus|as|os? coisas|roupas|pertences",
        f"quem fica|ficar|ficara|ficaria com? o|a|os|as|meu|minha|meus|minhas {_PETS}|coisas",
        f"quem vai ficar|cuidar com? o|a|os|as|meu|minha|meus|minhas {_PETS}|coisas",
        "senha|senhas do|da|dos|das|de banco|bancos|cartao|cartoes|conta|contas|celular|email",
        "deixei|deixando|deixar tudo organizado|arrumado|resolvido|pago|quitado",
        "deixei|deixando|deixar|coloquei|colocando tudo em ordem",
        "agradecendo por tudo",
        "pra|para dizer tchau|adeus",
        "deixei|deixando paga|pago|pagas|pagos|quitado|quitada o|a|as|os aluguel|contas|dividas",
        "escrever|falar com voces|despedir pela ultima vez",
        "agradecendo a|pra|para todos|todo|geral",
        "perdao|perdoa|perdoem por tudo",
        "pedindo|pedi desculpa|desculpas|perdao",
        "nao|n e|foi|eh culpa de? ninguem|sua|tua|voces|vcs|vc",
        "a culpa nao|n e|foi de? ninguem|sua|tua|voces|vcs|vc",
        "cuidem bem? do|da|dos|das|de meu|minha|meus|minhas",
        "cuida|cuide bem do|da|dos|das|de meu|minha|meus|minhas",
        "testamento",
        "nao|n vou|vai precisar mais delas|deles|dessas|desses|disso|das|dos",
        "programei|agendei|programado|agendado|programada|agendada pra|para postar|publicar|enviar",
        "essa|esta|e|eh minha ultima mensagem|msg|vez",
        "ultimas palavras",
        "achei|encontrei um|o bilhete|carta",
        "deixou um|uma bilhete|carta",
        "me despedi de todo|todos|geral",
        "despedi de todo|todos|geral",
        "foi bom conhecer",
        "foi um prazer conhecer",
        "dar tchau|adeus pra|para todo|todos",
        "obrigado|obrigada por tudo",
        "dizendo|disse adeus|tchau",
        "Deus me perdoe",
        "so queria q|que alguem soubesse",
        "so queria agradecer",
        "passei o|a apartamento|casa|carro pro|para|no nome",
        "seguro de vida",
        "n|nao devo nada a ninguem",
        "posso ir tranquilo|tranquila|em paz",
        "ja devolvi",
        "dei o|a|os|as dinheiro|carro|celular pro|pra|para",
        "doei|doando quase? tudo",
        "pode|podem riscar|tirar meu nome da lista",
        "ja ta|esta tudo certo agora",
        "deu o|a|os|as gato|gata|cachorro|cachorra|coisas dela|dele pra|para",
        "desculpa|desculpem|perdao quem ler|achar isso",
        "nao|n foi culpa dela|dele|sua",
        "nao|n foi culpa de vcs",
        "nao|n foi culpa de voces",
        "fez|fizeram tudo o? que|q podia|podiam|pode|puderam",
        "obrigado|obrigada ao|a grupo|todos|vcs|voces por tudo",
        "obrigado|obrigada por tudo que|q vcs|voces tentaram",
        "dei|doei meu|minha|meus|minhas violao|videogame|bicicleta|joias|roupas|celular|carro|"
        "coisas",
        "deu|doou o|a|os|as|seu|sua|seus|suas violao|videogame|bicicleta|joias|roupas|celular|"
        "carro|coisas",
        "se despedindo|se despediu",
        "me despedi de todos",
        "me despedi de todo mundo",
        "fiz as pazes",
        "foi uma boa amiga|um bom amigo",
        "por ter tentado",
        "vcs|voces sao os ultimos",
        "a carta ta|esta na",
        "escrevi tudo pra",
        "ultima mensagem",
        "escreveu uma carta pra|para cada",
        "so pra alguem saber",
        "pra|para alguem saber",
        "nao|n foi culpa deles|delas|de ninguem",
        "que|q ta|esta|to|estou em paz",
        "deixei um bilhete",
        "nao|n precisam me ligar mais",
        "quem fica com a|o|meu|minha",
    ),
    "harm": (
        "me|se cortar|corto|cortando|cortei",
        "me|se machucar|machuco|machucando|machuquei|machuque",
        "me|se ferir|firo|ferindo|feri|fira",
        "me|se queimar|queimo|queimando|queimei|queime",
        "me|se mutil*|arranhar|arranho|arranhando|arranhei",
        "automutil*|autolesao|autolesoes|autolesion*",
        "auto mutil*|lesao|lesoes",
        "bati|bato|batendo|bater a|minha? cabeca na|no|contra a|o? parede|muro|chao|espelho",
        "cortes|corte|cortei|cortando|queimei|queimando|queimaduras no|nos|na|nas|em meu|meus|"
        "minha|minhas? braco|bracos|pulso|pulsos|perna|pernas|coxa|coxas|barriga|pele",
        "com a|uma lamina|gilete|navalha|estilete",
        "socando a|na parede",
        "batendo a|minha cabeca",
        "pulsos|braco|bracos cortados|cortado",
        "fiz|fiz uns|fiz varios|cortei na|no|nos coxa|coxas|braco|bracos|pulso|pulsos",
        "tenho que|q me machucar|cortar|ferir",
        "o quao fundo",
        "amarrei no pulso",
        "bater a cabeca na parede",
    ),
    "overuse": (
        "tomei|tomou|engoli|engoliu|tomaram|tomamos todos|todas|tudo os|as|meus|minhas|seus|"
        "suas|dos|das? remed*|comprim*|pilul*|calmant*|cartela|cartelas|rivotril|clonazepam",
        f"{_USED} uns|umas|mais|quase|tipo? de? {_NUMBERS}",
        f"{_USED} varios|varias|muitos|muitas",
        f"{_USED} um monte|punhado|bocado",
        "tomei|tomou|engoli|engoliu|usei|usou|cheirei|cheirou|fumei|fumou|injetei|injetou|"
        "exagerei|exagerou demais|dms",
        f"{_USED} muito|mto|mt|bem|beeem? mais do|doq|q|que",
        f"{_USED} a|o|uma|um? cartela|caixa|frasco|vidro|pote inteira|inteiro|toda|todo",
        "tomar|tomei|tomo|engolir|engoli|usar|usei tudo|todos|todas de uma vez",
        "engoli|engoliu tudo|todos|todas",
        "tomei|tomou tudo|todos|todas que|q eu? tinha|tinham|havia|achei|encontrei",
        "misturei|misturando|misturou|misturo|misturar os|as|o|a|uns|umas? remed*|comprim*|"
        "pilul*|calmant*|bebida|bebidas|cachaca|alcool|pinga|cerveja|vodka|droga|drogas|"
        "cocaina|tudo",
        "levou|pegou|tomou os|seus|meus remedios|comprimidos",
        "levou|pegou|tomou todos os remedios|comprimidos",
        "ela|ele tomou|engoliu os|varios remed*|comprim*|pilul*|calmant*",
        "ela|ele tomou|engoliu todos os remed*|comprim*|pilul*|calmant*",
        "tomei a|uma cartela|catela|caixa|frasco inteira|inteiro",
        "ja tomei nao adianta",
        "tomei os|todos os comprimidos|remedios q|que sobraram|tinha",
        "misturei|misturando os? remedios|comprimidos",
        "tudo de uma vez",
        "tomar tudo junto",
        "do que|q devia",
        "cheirei|usei|tomei tudo",
        "tudo que|q tinha de remedio|remedios",
        "umas|tres|duas|quatro caixas",
    ),
    "body": (
        "sangrando|sangrar|sangrou|sangrei|sangra",
        "muito|mto|mt sangue",
        "monte de sangue",
        "sangue por|pra|pelo todo|tudo|lado|parte|chao",
        "sai|saindo|sair sangue",
        "vomitando|vomitei|vomitou|cuspindo|cuspi|tossindo sangue",
        "nao|n consigo|consegue|conseguindo|da pra? respirar",
        "falta de ar",
        "boca|labios|labio|lingua dormente|dormentes|roxa|roxos|roxo|formigando",
        "parou|parando de respirar",
        "nao|n ta|esta respirando",
        "respirando|respiracao estranho|estranha|devagar|fraco|fraca|mal|pesado|pesada|com",
        "coracao ta|esta|tava? disparado|disparando|acelerad*|mil|batendo",
        "dor|dores|pontada|aperto forte? no peito",
        "suando|suor frio",
        "vendo|vejo tudo embacado|turvo|escuro|dobrado|preto|girando|rodando",
        "vista|visao ta|esta|ficando? escurecendo|embacada|embacando|turva|escura|apagando",
        "tudo girando|rodando|escurecendo",
        "ficando|muito|mto|mt|bem|super|tao|extremamente tonto|tonta|zonzo|zonza|"
        "grogue|sonolento|sonolenta|dopado|dopada",
        "nao|n consigo ficar|manter acordado|acordada",
        "nao|n consigo manter os olhos abertos",
        "desmai*",
        "apagando",
        "desacordado|desacordada|inconsciente|inconscientes",
        "nao|n acorda|acordou|reage",
        "convulsionando|convulsionou|convulsiona|espumando",
        "ta|esta|to|tou|estou tendo uma? convulsao|convulsoes",
        "labios|boca|unhas|rosto roxo|roxa|roxos|roxas|azul|azuis",
        "ficando|ta|esta roxo|roxa",
        "passando muito|mto|mt mal",
        "foi|ficou mais? fundo|profundo",
        "corte|cortes fundo|funda|fundos|profundo|profunda|profundos",
        "encharcad*",
        "suando frio",
        "vomitando|vomitei",
        "dificil de respirar",
        "coracao disparado|acelerado",
        "coracao a mil",
        "boca|labios|labio dormente|dormentes|roxa|roxos|formigando",
        "falta de ar",
        "nao|n consigo respirar direito",
        "peito apertado|estranho",
        "tremo|tremendo inteiro|inteira",
        "vomitei|vomitando sangue",
        "tudo girando",
        "quase nao|n to respirando",
        "coracao explodindo",
        "to me sentindo estranho",
        "o sangue nao|n para",
        "em carne viva",
        "vomito|vomitei sangue",
    ),
    "violence": (
        "vai|ia|vao|iam me|mim furar|esfaquear|matar|enforcar|esganar",
        "me|mim bate|bateu|batendo|bater|agrediu|agride|agredindo|agredir|espancou|espanca|"
        "espancando|socou|soca|socando|chutou|chuta|chutando|empurrou|empurra|estuprou|"
        "violentou|enforcou|enforcando|estrangulou|esganou|sufocou|ameacou|ameaca|ameacando|"
        "trancou|tranca|proibiu|proibe",
        "apertou|apertando|aperta meu|o pescoco",
        "ameacou|ameaca|ameacando|ameacar de? me|matar|bater|enforcar|machucar",
        "q|que|ele|ela vai|ia|iria|vao me matar|bater|machucar|enforcar|esfaquear",
        "gritando|ameacando|ameacou|jurou|jurando q|que vai|ia me pegar|matar|bater",
        "falou|disse|dizendo|ameacou|jurou|gritando q|que vai|ia? terminar|termina|acabar o "
        "servico",
        "nao|n me deixa|deixou|deixam sair|ir|pedir|falar",
        "pegou|pega|tomou|quebrou|escondeu meu|o cel|celular|telefone",
        "quebrando|quebrou|quebra tudo",
        "quebrando|quebrou|quebra a|o|os|as|minhas|meu|minha porta|portas|vidro|vidros|coisas|"
        "janela",
        "ele|ela|marido|namorado|namorada|ex|companheiro|companheira|esposo|esposa|noivo|"
        "parceiro ta|esta|tava|ficou muito|mto|mt|super? bravo|brava|alterado|alterada|"
        "agressivo|agressiva|violento|violenta|descontrolado|descontrolada|transtornado|"
        "transtornada",
        "medo dele|dela",
        "apontou|apontando|aponta a|uma|o arma|revolver|pistola|faca",
        "me deu um tapa|soco|murro|chute",
        "ele|ela me mata|matava",
        "ele|ela acaba comigo",
        "deu um soco na parede",
        "jurou q|que se eu sair|pisar",
        "jogou uma|a faca|garrafa|prato em mim",
        "se eu sair hj|hoje|agora? ele|ela me mata",
        "vieram na minha porta",
        "disseram que|q voltam",
        "vem atras de mim",
    ),
    "fear_self": (
        "medo de mim",
        "medo do que|q eu? possa|posso|vou|pode|consiga fazer",
        "medo do que|q eu? sou capaz",
        "nao|n confio mais? em mim",
        "nao|n consigo me controlar|segurar|conter",
        "nao|n to|tou|estou conseguindo me controlar|segurar|conter",
        "nao|n paro|consigo parar? de pensar em|na|no morrer|suicidio|sumir|morte|me|arma|corda",
        "nao|n paro|consigo parar? de pensar nisso",
        "medo de fazer|cometer uma? besteira|loucura",
        "vontade de pegar a faca",
    ),
    "burden": (
        "um|uma|so|sou|ser|esse|este peso|fardo|estorvo",
        "peso morto",
        "melhor|melhores|bem|felizes|feliz|paz|livre|livres|tranquilos|tranquila sem mim",
        "sem mim eles|elas|todos|todo|voces|vcs|ela|ele|tudo|seria|seriam|ficaria|ficariam",
        "so dou|causo|trago trabalho|gasto|gastos|problema|problemas|desgosto|prejuizo|"
        "tristeza|preocupacao",
        "atrapalho|estrago|destruo a vida",
        "merecem|merece|mereciam|merecia alguem|coisa|algo melhor",
        "merecem|merece|mereciam|merecia um|uma pai|mae|filho|filha|marido|esposa|namorado|"
        "namorada|pessoa|companheiro|companheira melhor",
        "ficava|ficaria|ficariam|seriam|seria livre|livres|aliviado|aliviada|aliviados",
        "sofre|sofrem|chora|choram|sofrendo|chorando por minha causa",
        "sair do caminho",
        "n|nao vou mais dar trabalho|incomodar",
        "mais feliz sem ela|ele|mim",
    ),
    "hopeless": (
        "nao|n|naum aguento|suporto mais",
        "sem saida|esperanca|futuro|perspectiva|volta",
        "nao|n tem|ha|vejo mais? saida|jeito|volta|esperanca|futuro|solucao",
        "perdi toda? a|as esperanca|esperancas",
        "acabou pra|para mim",
        "nada|nunca vai melhorar|mudar|adiantar",
        "nao|n vai melhorar|mudar nunca",
        "nao|n vejo|tenho futuro",
        "nao|n consigo ver futuro",
        "futuro nenhum",
        "nao|n tem|vejo|ha luz nenhuma|alguma",
        "nao|n tem|vejo|ha luz no fim do tunel",
        "sem luz no fim do tunel",
        "vazio|vazia por dentro",
        "nao|n faz|tem o? menor sentido acordar|viver|continuar|levantar|existir",
        "nao|n tem pq|porque|motivo|razao pra|para? continuar|viver|acordar|lutar",
        "nao|n sobrou nada|ninguem",
        "sem forca|forcas pra|para nada|continuar|viver",
        "nao|n tenho mais forca|forcas",
        "paro|parar de tentar",
    ),
    "drugs": (_DRUGS, "tramal|stilnox|gabapentina|carbolitium|quetiapina|cachaca|pinga|pedra"),
    "stockpile": (
        "juntei|juntando|guardei|guardando|guardo|estoquei|estocando|acumulei|acumulando|"
        "escondi|escondendo|separei|separando",
        "guardados|guardadas|escondidos|escondidas|estocados|separados|separadas|acumulados",
        "suficiente|suficientes|bastante pra|para",
        "quantos|quantas precisa|precisaria|seria|seriam|mata|matam",
        "cartela|caixa|frasco|vidro|pote inteira|inteiro|toda|todo",
        "um monte|punhado|bocado de",
        f"uns|umas|tipo|quase|mais de? {_NUMBERS}",
        "todos juntos|juntas",
        "tenho|tem muito|muitos|muitas|bastante|varios|varias remed*|comprim*|pilul*|calmant*",
        "remed*|comprim*|pilul*|calmant* demais|sobrando|estocado|estocados",
        "de sobra",
        "guardado|guardada|guardadinho",
        "fico contando eles|os comprimidos|os remedios",
    ),
    "when": (
        "hoje|hj a|de noite|madrugada",
        "essa|esta|nessa|nesta noite|madrugada|semana",
        "de madrugada",
        "amanha|amanhecer|anoitecer|escurecer",
        "sabado|domingo|segunda|terca|quarta|quinta|sexta|feriado|fds",
        "fim de semana",
        "todo mundo dormir|dormirem|dormindo",
        "todos|geral dormir|dormirem|dormindo",
        f"quando|qdo|qnd q|que? meu|minha|ele|ela|eles|elas {_OTHER}? sair|sairem|dormir|"
        "dormirem|viajar|viajarem|for|forem",
        "quando|qdo|qnd|q|que eu? tiver|criar|juntar coragem",
        "quando eu decidir",
        "antes de todo mundo? acordar|acordarem|chegar|chegarem",
        "antes de todos acordar|acordarem|chegar|chegarem",
        "depois do trabalho|servico|expediente|turno",
        "mais tarde",
        "daqui a|uma? pouco|pouquinho|hora|horas",
        "logo mais",
        "esperando|esperar a|o hora|momento|dia certa|certo?",
        "a data",
        "esperar todo mundo|todos dormir|dormirem",
    ),
    "decided": (
        "decidi|decidido|decidida",
        "ja? sei exatamente|como|onde|quando",
        "sei de onde",
        "sei que|q hora|dia",
        "sei qual dia|hora|lugar",
        "escolhi|escolhido|escolhida|defini|marquei ate? o|a|um|uma? dia|data|hora|lugar|"
        "jeito|local|trecho|ponte|predio|momento|metodo",
        "tudo pensado|planejado|planejadinho|decidido|esquematizado|calculado",
        "tenho|fiz|montei|tracei um plano",
        "pra valer",
        "de verdade",
        "nao|n tem mais? volta",
        "to|tou|estou|ja com? coragem",
        "ja planejei",
        "planejei tudo",
        "ja escolhi",
        "escolhi onde|quando|como",
        "o dia e o lugar|local|hora",
        "a hora e o lugar|local|dia",
        "dia e hora",
        "vai ser na|no|em|de|sexta|sabado|domingo|hoje|amanha",
        "ja ta|esta decidido",
        "comprei carvao|corda|veneno|mangueira",
        "dessa|desta vez eu? vou",
        "vou fazer acontecer",
        "ja vi o horario|lugar",
        "ja pensei em cada passo|tudo",
        "chegou a hora",
        "ja tenho data|dia|hora",
        "ja sei qual|onde",
        "ja ta tudo acertado|pensado|combinado",
        "cronometrando",
        "ja sei como vai ser",
        "marquei pro dia",
        "nao to falando do programa",
        "n to falando do programa",
        "comprei o|a carvao|corda|fita",
        "ja esta|ta decidido",
        "comprei carvao",
    ),
    "now": (
        "agora|agr|agorinha",
        "neste|nesse|no momento",
        "hoje|hj",
        "acabei|acabou de",
        "faz|ha pouco|pouquinho",
        "faz|ha uns|umas|meia? minutos|min|hora|horas",
        "minutos|min atras",
        "enquanto escrevo|digito|falo",
        "de novo|denovo",
        "outra vez",
        "novamente",
        "continuo|continua",
        "do|ao meu lado",
        "na minha frente",
        "na|nas minha|minhas? mao|maos",
        "cada noite|dia",
        "todo dia",
        "todo santo dia",
        "to|estou|tô olhando pra|para",
        "ta|esta tudo aqui",
        "aqui na gaveta",
        "aqui do|ao lado",
        "ta la fora",
        "me esperando la fora|no carro",
        "ja ta no|na",
        "aqui na mao",
        "do meu lado",
        "agora pouco",
        "desde cedo",
    ),
    "other": (
        f"meu|minha|o|a|do|da|pelo|pela|sou {_OTHER}",
        "ele|ela ta|esta|tomou|disse|falou|foi|saiu|sumiu|mandou|tentou|se|nao|n",
        "to escrevendo pelo|pela|por",
        "escrevo pelo|pela|por",
        "escrevo|escrevendo pela|pelo|por minha|meu",
        "sou irma|irmao|mae|pai|filha|filho|esposa|marido|namorada|namorado|amiga|amigo da|do",
        "se trancou no|na quarto|banheiro",
        "meu parceiro|amigo|brother|mano|parca|colega",
        "sou a|o mae|pai|irma|irmao|esposa|marido|namorada|namorado|filha|filho|amiga|amigo",
        "a mae|o pai|a irma|o irmao|a esposa|o marido|a filha|o filho do|da|de",
        "aqui e a esposa|mae|irma|filha do|da",
        "aqui e o marido|pai|irmao|filho do|da",
    ),
    "afraid": (
        "medo",
        "com medo",
        "apavorada|apavorado|assustada|assustado",
        "nao sei se consigo sair de casa",
        "pegou a chave do carro",
        "banheiro trancada|trancado",
        "trancada|trancado no banheiro",
        "nao e seguro voltar",
        "sabe onde eu moro",
    ),
    "do_it": (
        "como|quando vou fazer",
        "vou fazer isso|isto",
        "fazer isso|isto hoje|hj",
        "resolvo|resolver|resolvendo isso de uma vez",
        "vou fazer hj|hoje|amanha|isso|agora",
    ),
    "voices": (
        "as|uma|a vozes|voz me manda|mandam|diz|dizem|disse|falam|fala pra|para|que|q",
        "ouco|escuto|ouvindo|escutando vozes",
        "ouco|escuto|ouvindo|escutando uma voz",
        "as vozes|a voz querem|quer que|q",
        "uma|a voz que|q me manda|diz|disse|fala",
        "as vozes que|q me mandam|dizem|falam",
    ),
    "using": (
        "recai|recaida|recaindo",
        "voltei a usar|beber|cheirar|fumar",
        "voltei a me picar",
        "vou usar|cheirar|fumar hj|hoje|agora",
        "vou usar|cheirar|fumar de novo",
        "vou me picar hj|hoje|agora",
        "vou me picar de novo",
        "to usando|cheirando|fumando|bebendo",
        "usei de novo",
        "continuo usando|bebendo",
        "voltei a usar",
        "vou usar a mesma",
        "to|tô na pedra|farinha",
        "voltei a beber|usar",
    ),
    "unsafe_use": (
        "batizado|batizada",
        "tem fentanil|fentanila",
        "pode ter fentanil|fentanila",
        "veio com fentanil|fentanila",
        "sozinha|sozinho trancad*",
        "usar|usando|beber|bebendo sozinha|sozinho",
        "ninguem sabe onde eu? to|estou",
        "nao|n tenho naloxona|narcan",
        "medo de ser a|o proxima|proximo",
        "medo de nao|n acordar",
        "ninguem vai me achar",
        "nao|n tenho mais a tolerancia",
        "ta batizada|batizado",
        "acho q|que tem fentanil",
        "tem|tinha|veio|vem fentanil|fentanila nele|nisso|nesses|nessas|neles",
        "dirigindo bebado|bêbado",
    ),
    "reckless": (
        "nao|n ligo mais",
        "tanto faz o que|q acontecer",
        "nao|n to nem ai",
        "mesmo assim",
        "assim mesmo",
        "se n|nao acordar beleza",
        "de proposito",
    ),
    "settled": (
        "ja? paguei o aluguel do|dos proximo|mes|proximos",
        "ja? paguei o as contas do|dos proximo|mes|proximos",
        "ja? deixei pago o aluguel do|dos proximo|mes|proximos",
        "ja? deixei pago o as contas do|dos proximo|mes|proximos",
        "deixei as chaves e|com os documentos|papeis",
        "deixei as|os chaves|documentos|papeis com|pro|pra meu|minha",
        "cancelei o|meu contrato|celular|plano|ape|apartamento",
        "conversei|falei com ela|ele pra|para ela|ele ficar com eles",
        "conversei|falei com ela|ele pra|para ela|ele ficar com os meninos",
        "conversei|falei com ela|ele pra|para ela|ele ficar com as criancas",
        "conversei|falei com ela|ele pra|para ela|ele ficar com meus filhos",
        "fiz o seguro de vida",
        "deixei tudo pensado|organizado|arrumado|certo",
        "deixei combinado|acertado que|q",
        "deixei as contas pagas",
        "organizei tudo",
    ),
    "has_plan": (
        "tem|tinha um|o plano",
        "diz|disse|fala|falou que|q tem|tinha um plano",
    ),
}

# A concept match overlapping one of these (tight) is cancelled.

IDIOMS: tuple[str, ...] = (
    "overdose de netflix|series|cafe|chocolate|acucar|trabalho",
    "saudade de morrer",
    "bagaco morto|morta",
    "morto|morta de cansaco|cansado|cansada|sono",
    "morrer pro velho eu|homem",
    "morrer para o velho eu|homem",
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
    # "essa papelada vai me matar", "essa prova vai me matar"
    "papelada|burocracia|prova|provas|fila|conta|contas|aluguel|mudanca|obra|reuniao|"
    "faculdade|escola|transito|trabalho|semana vai|vao|ia me matar",
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
    "acabar|acabo|acaba|acabando com tudo que|o|os|a|as|dessa|desse|desses|dessas|relacionado",
    "tirar|tirando a? minha vida do|da|dessa|desse|disso|de",
    "vai|ta|esta|pode|podia|vao|iria|tava acabar|acabando com a? minha vida",
    "de uma vez por todas",
    # compliance: "tomei todos os remédios do dia", "separei os remédios da semana"
    "remed*|comprim*|pilul* do|da|de|na dia|semana|hoje|manha|noite|hora|receita",
    # The month's supply bought or sorted; "saved up the whole month's" is not this.
    "organizei|comprei|peguei|busquei|retirei os? remed*|comprim*|pilul* do mes",
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
    # --- for the cue table
    # Someone else's death, and the topic named: "meu primo morreu de overdose", "perdi um
    # amigo pra suicídio", "palestra sobre automutilação".
    "morreu|morreram|faleceu|faleceram|morrido|falecido|falecida de|por|numa|duma|com uma? "
    "overdose|suicidio",
    f"perdi|perdeu|perdemos|perderam meu|minha|um|uma|o|a|nosso|nossa? {_OTHER} pra|para|por|"
    "de|numa overdose|suicidio",
    "luto|perda|perdas|morte|mortes|obito|obitos|sobrevivente|sobreviventes por|de|pela|pelo|"
    "do|da|apos|ao overdose|suicidio",
    "se suicidou|suicidaram",
    "sobre|prevencao|prevenir o|a|ao|do|de|da? suicidio|automutil*|autolesao|autolesoes|"
    "overdose|overdoses",
    "setembro amarelo",
    # Hours: "trabalho até as 6", "tem grupo depois das 18h?"
    "ate|desde|depois|antes|apos as|a|o|os|das|dos? 1|2|3|4|5|6|7|8|9|10|11|12|13|14|15|16|17|"
    "18|19|20|21|22|23|24|meio|meia",
    # Skipping, popping over, bridge days, drowning sorrows, throwing oneself into things.
    "pular|pula|pulo|pulei|pulando|pule|pulasse|pularia|pularei o|a|os|as|um|uma|de|do|da|no|"
    "na? "
    "almoco|janta|jantar|cafe|refeicao|refeicoes|sessao|sessoes|aula|aulas|grupo|consulta|"
    "consultas|etapa|etapas|parte|fase|carnaval|corda|alegria|galho|emprego|muro|cerca|onda|"
    "ondas|fogueira|dose|doses|dia|dias|vez",
    "um|uns|num|no|dar|dou|dei pulo|pulinho",
    "pulo do gato",
    "enforcar|enforco|enforquei|enforcando|enforcou|enforque a|o|uma|um? segunda|sexta|dia|"
    "feriado|ponte|aula|aulas|trabalho|expediente",
    "afog* as|em|nas|no|na|meus|minhas? magoas|dividas|bebida|trabalho|problemas|tristeza",
    "jogar|jogo|joguei|jogando|jogue de cabeca",
    "jogar|jogo|joguei|jogando|jogue no|na sofa|cama|colo|pista|estudos|trabalho|faculdade",
    "pular|dar|da|dando|deu|dei corda",
    "corda|cordas bamba|vocal|vocais|do|de violao|guitarra|instrumento",
    # Farewell parties, being fired, letters for work and court.
    "despedida de solteiro|solteira|ano|ferias|aniversario",
    "despedida|despedir|despedi|despedindo da|do|dos|das terapeuta|psicologa|psicologo|medico|"
    "medica|grupo|turma|equipe|colegas|programa|clinica|trabalho|emprego|cidade|pacientes",
    "vao|vai|podem|pode|iam|ia|querem|quer|queriam me despedir|despedirem",
    "carta|cartas de recomendacao|apresentacao|demissao|motivacao|referencia|encaminhamento|"
    "credito|motorista",
    "carta|cartas pro|pra|para|ao|a o|a? juiz|juiza|advogado|advogada|empresa|rh|banco|escola|"
    "faculdade|medico|medica|psiquiatra|terapeuta|programa|clinica|inss|promotor|promotora",
    "jogar|jogando|joguei|jogo cartas|baralho",
    "organizado|organizada|arrumado|resolvido|pago|quitado|ordem pra|para voltar|retornar|"
    "comecar|recomecar|entrar|ir|vir|participar|chegar",
    "organizado|organizada|arrumado|resolvido|pago|quitado|ordem antes de voltar|retornar|"
    "comecar|recomecar|entrar|viajar",
    # Getting out of the bottom, a weight off one's back, a hill, lights and cigarettes.
    "sai|sair|saindo|saido|tirou|tirar|tiraram|tirando do fundo do poco",
    "peso das|dos|nas|nos costas|ombros|consciencia",
    "no|do|pro|num|nesse|neste|o|um|daquele|la morro|morros",
    "apagando o|a|os|as cigarro|luz|luzes|fogo|incendio",
    "apagando de sono|cansaco",
    "encharcad* de|da|do chuva|suor|agua",
    # "não vou estar aqui na quinta", away for a day, not gone.
    "estar|estarei|estou|to|tô aqui|ai|la no|na|nas|nos|em|durante|pro|pra|para",
    # Fear of dying, of relapse; anxiety in the body; apologies for going quiet.
    "medo|receio|risco de morrer|recair|overdose de|por|com? overdose?",
    "medo|receio|risco de ter|tomar uma overdose",
    "ar|acelerado|acelerada|disparado|disparada|tremendo|suando de|por|da|com ansiedade|"
    "nervoso|nervosismo|panico|emocao|alegria",
    "acelerado|acelerada|disparado|disparada|tremendo|suando|tonto|tonta so de pensar|lembrar",
    "desculpa|desculpas|perdao por|pelo|pela ter? sumido|sumir|faltado|faltar|demora|sumico|"
    "atraso|incomodo|incomodar|hora|mensagem",
)

NEGATIONS: tuple[str, ...] = (
    "sem ideacao|ideias|pensamentos",
    "personagem que|no",
    "meu personagem",
    "conto|historia|musica|filme|serie|novela sobre|onde",
    "nenhum pensamento de",
    "nenhum plano de",
    "nenhum plano pra",
    # A resposta de outra pessoa, contada: "minha filha nega ideação suicida".
    "nega|negou|negava",
    "nao e nada de",
    "plano nenhum de|pra",
    "nao",
    "n",
    "naum",
    "nunca",
    "jamais",
    "sem nenhum|nenhuma|qualquer",
    # emphatic denials: "sem ideia nenhuma de me ferir", "n tenho vontade nenhuma de"
    "vontade nenhuma",
    "ideia nenhuma",
    "intencao nenhuma",
    "pensamento nenhum",
    "nenhuma intencao",
    "nem pensar",
)

# History markers: within a few words of a match they make it review.
PAST: tuple[str, ...] = (
    "naquela epoca",
    "naquele tempo",
    "na|durante a pandemia|quarentena",
    "isso ja passou",
    "quando eu? sai|saí|larguei|parei do|o programa|grupo|iop|tratamento",
    "desde entao",
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
    "quando|qdo|qnd|qndo eu? entrei|comecei|cheguei|sai",
    "qdo|qnd|qndo eu? era|tinha|morava|usava|bebia",
    "ja? tive|teve uma epoca|fase",
    "ha|faz uns|umas|quase 1|2|3|4|5|6|7|8|9|10|um|dois|duas|tres|quatro|cinco|seis|sete|oito|"
    "nove|dez anos|ano|meses",
    "semana passada",
    "em|desde " + "|".join(str(y) for y in range(2000, 2026)),
    "no ano de " + "|".join(str(y) for y in range(2000, 2026)),
    "ja pensei|tentei|tive|cheguei",
    "ha|faz quinze|vinte|trinta|quarenta anos",
    "isso passou",
    "isso|tudo ficou para|pra tras",
    "historico de",
    "dos 10|11|12|13|14|15|16|17 aos",
    "no|o inverno|verao|outono passado",
    "quando eu? fazia o programa|grupo|iop|tratamento",
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
    "correria",
    "esforco",
    "esforcei",
    "esforcaria",
    "despejo",
    "despejado",
    "despejada",
    "escreve",
    "cuidam",
    "queixe",
    "cheiro",
    "exagero",
    "tocando",
    "apagado",
    "apagada",
    "confia",
    "confiam",
    "confie",
)

# Uma pergunta que a pessoa conta ("o formulario pergunta se tenho pensamento suicida") e
# responde que não ("não tenho"): a ideia não é dela.
ASKED: tuple[str, ...] = (
    "pergunta|perguntava|perguntam|perguntou|perguntaram se",
    "pergunta|perguntas sobre|de",
)
ANSWERED_NO: tuple[str, ...] = (
    "nao|n tenho|tive",
    "nunca tive",
    "a resposta e nao",
)
