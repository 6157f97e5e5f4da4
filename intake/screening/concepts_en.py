"""English concept tables for crisis screening (syntax and rules: ``concepts.py``).

Patterns are written for how people really type on a phone: lower case, no apostrophes
("dont", "im", "ill"), texting shortcuts ("wanna", "gonna", "kms"), fillers made optional.
Word lists shared by many patterns are built from the private helpers below, which are
deleted at the end so the module exposes only the five tables.
"""

from __future__ import annotations

# Something a person could take too much of at once.
_DRUGS = (
    "pills|pill|meds|med|medication|medications|medicine|medicines|tablets|tabs|xanax|xans|"
    "bars|klonopin|klonopins|valium|ativan|benzos|oxy|oxys|oxycodone|oxycontin|percs|percocet|"
    "fentanyl|fent|heroin|insulin|tylenol|advil|ibuprofen|paracetamol|acetaminophen|ambien|"
    "seroquel|lithium|trazodone|gabapentin|adderall|painkillers|antidepressants|sleepers|"
    "prescription|script|zoloft|prozac|lexapro|wellbutrin|methadone|suboxone|morphine|"
    "hydrocodone|vicodin|norco|tramadol|codeine|lorazepam|clonazepam|alprazolam|diazepam"
)
_ALCOHOL = "alcohol|vodka|whiskey|whisky|booze|liquor|wine|beer|tequila|rum|gin|drinks|drinking"
_ME = "myself|meself|myslef|mysef|myselfe"
_FUTURE = (
    "going|gonna|gunna|goin|gona|want|wanna|wana|planning|plan|ready|about|bout|finna|ima|"
    "imma|boutta|tryna"
)
# Someone a relative or friend writes about.
_OTHER = (
    "son|daughter|brother|sister|mom|mum|mother|dad|father|husband|wife|boyfriend|girlfriend|"
    "bf|gf|partner|friend|bestie|cousin|kid|child|teen|teenager|roommate|niece|nephew|aunt|"
    "uncle|grandson|granddaughter|fiance|fiancee|spouse|stepson|stepdaughter|sibling"
)
_PRONOUN = "he|she|hes|shes|they|theyre|him|her"
# Someone the writer lives with or dated, who may be a danger to them.
_PARTNER = (
    "he|she|hes|shes|husband|wife|boyfriend|girlfriend|bf|gf|partner|ex|fiance|fiancee|"
    "spouse|hubby|exhusband|exwife|exboyfriend|exgirlfriend"
)
_VIOLENCE = (
    "hit|hits|hitting|beat|beats|beating|choke|choked|chokes|choking|strangled|strangles|"
    "strangling|punched|punches|punching|kicked|kicks|kicking|slapped|slaps|raped|rapes|"
    "assaulted|attacked|stabbed"
)
_MEANS = "gun|guns|pistol|handgun|firearm|revolver|shotgun|rifle|rope|noose|knife|blade|razor"
_NUMBERS = (
    "10|12|14|15|16|18|20|24|25|30|35|40|45|50|60|70|80|90|100|ten|twelve|fifteen|twenty|"
    "thirty|forty|fifty|sixty|hundred"
)
_BOSS = "boss|manager|supervisor|coach|teacher|professor|sponsor|counselor|mom|mum|dad|parents"
_TONIGHT = "tonight|tonite|2nite|2night|tnite|tonight|tonigh"
# Whose weapon it is ("my dads gun").
_WHOSE = (
    "his|her|their|dads|moms|fathers|mothers|husbands|wifes|brothers|grandpas|grandads|"
    "stepdads|boyfriends|uncles|roommates"
)
_GUN = "gun|guns|pistol|handgun|firearm|revolver|shotgun|rifle|glock"
_PET = "dog|dogs|cat|cats|pets|pet|puppy|kitty|kitten|bird|birds|horse|bunny|rabbit"
# Everyone the writer might say goodbye or "i love them" to.
_LOVED = (
    "everyone|everybody|yall|family|friends|kids|children|babies|parents|mom|mum|dad|wife|"
    "husband|son|daughter|sister|brother|partner|girlfriend|boyfriend|gf|bf|grandma|grandpa"
)

CONCEPTS: dict[str, tuple[str, ...]] = {
    # --- urgent ------------------------------------------------------------------------
    "intent": (
        "want|wanna|wana|wnt|wanting to|2? really|just|so? die",
        "im|just|really|honestly|literally|seriously|am ready to die",
        "want|wanna|wanting to? be dead",
        "deserve to die",
        "should just? die|be dead",
        "wish i|id was|were|wuz dead",
        "wish i|id could be dead",
        "wish i|id could just? die",
        "wish i|id had? never been born",
        "wish i|id never woke up",
        "wish i|id would never wake up",
        "wish i|id wasnt|werent alive|born|here|around",
        f"kill|kills|killing|killin|kil|kll {_ME}",
        "kill|killing my self",
        "to|wanna|gonna|gunna|finna|tryna|might|should|could|will|ill|gona|wana kms",
        "kms tonight|tonite|today|now|rn|fr|frfr|soon|lol",
        "unaliv*",
        "suicidal",
        "commit|commiting|committing|comitting suicide",
        "think*|thought* about|of|abt|bout suicide|dying",
        "think*|thought* about|of|abt|bout death all the? time",
        "think*|thought* about|of|abt|bout death constantly|everyday|daily|nonstop",
        "end|ending|endin my own? life",
        "take|taking my own life",
        "end|ending it all",
        "end|ending everything",
        f"{_FUTURE}|should|could|might|need|decided|thinking|think to|of|about? just|finally? "
        "end|ending it|things|everything",
        "except|besides|but ending|end it",
        "want|wanna|wanting|need it|everything|things|life all? to end|stop",
        "want|wanna|wanting|need it|everything|things|life all? to be over",
        "want|wanna|wanting|need my|the life|pain to end|stop",
        "want|wanna|wanting|need my|the life|pain to be over",
        "end|ending my suffering|misery",
        "put myself out of my misery",
        "favor|favour by dying|killing|disappearing",
        "dont|dnt really|even|just? want|wanna|wana to? live|exist|wake",
        "dont|dnt want|wanna|wana to? be alive",
        "dont|dnt want|wanna|wana to? be here|around anymore|no",
        "do not want to live|exist|wake",
        "do not want to be alive",
        "no longer want|wish to be? live|exist|alive",
        "never want to wake up",
        "want|wanna|wanting|just to? stop existing|living",
        "want|wanna|wanting|just to? stop being alive",
        "dont care if|whether i die|live|wake|od",
        "hope i|id dont|never wake up",
        "hope i|id just? die",
        "hope it|this kills me",
        "if i just? didnt|never|dont wake up",
        "sleep|asleep and never|not wake up",
        "sleep forever",
        "better off dead",
        "rather|prefer to be dead",
        "might as well be dead",
        "better if i died|disappeared",
        "better if i was|were dead|gone",
        "better if i wasnt|werent here|around|alive",
        "feel|feeling|felt like dying",
        "feel|feeling|felt like ending it|everything",
        "feel|feeling like ending my life",
        "done with life|living",
        "done with being alive",
        "done with this|my life",
        "tired|sick|exhausted of being alive|existing",
        "lost my|the|all? will to live",
        "no will to live",
        "nothing left? to live for",
        "nothing worth living for",
        "no|zero reason|reasons to live",
        "no|zero reason|reasons to be alive",
        "no|zero reason|reasons to keep going",
        "no|zero reason|reasons to go on",
        "no reason for living",
        "dont|cant|cannot see|find|have any|a|one? reason|point to|for|in live|living",
        "life|living is? isnt|aint|not worth living|it",
        "not worth living",
        "whats|what|wats is? the point of|in living|life",
        "whats|what|wats is? the point of|in being alive",
        "use|using|drink|drinking|drinkin until|till|til|untill i|im am? die|dead",
        "drink|drinking|use|using myself to death",
        "disappear|vanish forever|permanently",
        "disappear and never come back",
        "disappear and never be found",
        "leave this world|earth",
        "not gonna|going|gunna to? be around|here much|for? longer|long|anymore",
        "wont be around|here much? longer|anymore",
        "dont|dnt think ill|id|i make it through|past the? night|tonight",
        "wont make it through|past the? night|tonight",
        "not going to|gonna make it through|past the? night|tonight",
        "be|join with? my mom|mum|dad|son|daughter|brother|sister|husband|wife|baby in heaven",
        "im|i|feel|feeling am|m? not safe with|around|by myself",
        "im|i am|m? not safe right? now|tonight",
        "dont feel safe with|around|by myself",
        "not okay|ok|fine|alright|good i|and? just|really? want|wanna to? die",
        # Not being alive by a time.
        "wont be alive",
        "will|might|may not be alive",
        "wont be here|around|alive by|in the? morning|tomorrow|sunrise|tmrw",
        "wont be here|around|alive tomorrow|tmrw",
        "will not be here|around|alive by|in the? morning|tomorrow|sunrise|tmrw",
        "ill|id|i|will|would probably|already|prob? be dead|gone by the? morning|tomorrow|sunrise|"
        "tmrw|tonight|tonite",
        "this|its is? the end for me",
        "by tomorrow|morning|tonight|tonite|tmrw ill|i|id|im will|be? be? gone|dead",
    ),
    "plan": (
        "have|got|made|making a plan to die|end|kill|jump|hang|overdose|od",
        "plan|planning|planned on|to killing|kill|ending|end myself|it",
        "plan|planning|planned on|to end|ending my life",
        "a plan and a date|time|method|way",
        "my plan is to die|end|kill|jump|hang|overdose|od|crash|drive|shoot",
        "suicide plan|plans|pact",
        f"kill|killing {_ME} tonight|tonite|today|tomorrow|this|when|after|soon",
        "end|ending it|things|everything tonight|tonite|today|tomorrow|this|soon",
        "end|ending my life tonight|tonite|today|tomorrow|this|soon",
        "going|gonna|gunna to? do it tonight|tonite",
        "when|once|after everyone|everybody is|goes|falls|gets|has? asleep",
        "when|once|after everyone|everybody goes|falls|gets|is to|in sleep|bed",
        "when|once|after everyones|everybodys asleep",
        f"hang|hanging|hung|shoot|shooting|drown|drowning|poison|poisoning|suffocate {_ME}",
        f"off|offing {_ME}",
        "blow my brains out",
        "bullet in|through my head|brain|brains",
        "gun|pistol to my head|mouth",
        "jump*|leap|leaping off|from a|the|this|that? bridge|building|roof|cliff|balcony",
        "throw|throwing myself off|from a|the|this|that? bridge|building|roof|cliff|balcony",
        "jump*|leap|leaping off|from a|the|this|that? overpass|ledge|rooftop|tower|window",
        "jump*|step|stepping|walk|walking in front of a|the train|bus|truck|car|subway|traffic",
        "throw|throwing myself in front of a|the train|bus|truck|car|subway|traffic",
        "walk|step|walking|stepping into traffic",
        "walk|step|walking|stepping into the ocean|sea|lake|river",
        "going|gonna|gunna|about|ready to jump",
        "drive|driving|crash|crashing|steer|swerve into|off a|the river|wall|tree|cliff|bridge",
        "drive|driving|crash|crashing|steer|swerve into|off a|the lake|pole|semi|truck|traffic",
        "crash my car on purpose",
        "garage with the? engine|car running|on",
        "engine|car running in the garage",
        "carbon monoxide",
        "im|am|standing|sitting on|at the|a? bridge|ledge|rooftop|tracks|overpass",
        f"{_FUTURE}|thinking|tempted to|of|about? overdose|od|overdosing",
        "overdose|od on purpose|tonight|tonite|today|soon",
        f"{_FUTURE}|thinking|tempted to|of|about? take|taking|swallow|swallowing all|every of? "
        f"my|the? {_DRUGS}",
        f"{_FUTURE}|thinking|tempted to|of|about? take|taking|swallow|swallowing the whole "
        "bottle|pack|box",
        f"all|every of? my|the? {_DRUGS} at once",
        "use|using|take|taking|shoot|snort everything|all i|ive have|got? left",
        "ways|way|how to die|overdose|od",
        "ways|way|how to kill|hang|off myself",
        "ways|way|how to end it",
        "ways|way|how to end my life",
        "ways|way|how to commit suicide",
        "painless|easiest|quickest way|ways to die",
        f"how many {_DRUGS} to|would|will|does kill|die|od|overdose",
        "lethal|fatal dose",
        "know|decided|figured|planned exactly? how|when|where ill|id|im do|doing it",
        # A time.
        "going|gonna|gunna|goin|gona|ima|imma|finna|boutta|about|bout|planning|plan|decided "
        f"to? do it {_TONIGHT}|rn",
        f"im|am|m doing|doin it {_TONIGHT}|rn",
        "im|am|m|ima|imma about|bout|boutta to? do it",
        f"{_TONIGHT}|tonights is? the night",
        f"{_TONIGHT}|tonights is|s? my last night|day",
        f"it|this|everything|life all? ends|end|ending {_TONIGHT}",
        "do it when|once|after|while my? wife|husband|partner|roommate|roomate|boyfriend|"
        "girlfriend|bf|gf|mom|mum|dad|parents|family|kids|everyone|everybody|they|he|she "
        "leaves|leave|left|goes|go|is|are|falls|fall|gets|s asleep|gone|out|away|sleeping|to|for",
        "leaves|leave|left|goes|go for|to work im|ill|imma|ima|i going|gonna|gunna|doing|do|will "
        "to? do? it",
        "leaves|leave|left|asleep|sleeping|gone|school im|imma|ima|am going|gonna|gunna|doing to? "
        "do? it",
        # It is all decided.
        "have|got|ive|had it|everything all? planned|mapped|plotted",
        "planned|plotted it|everything all? out",
        "already planned|plotted it|how|when|where|everything",
        "know|decided|figured|planned|picked exactly? how|when|where im|i|ill|id going|gonna|"
        "gunna|would|will|ima|imma to? do it",
        "know|decided|figured|planned|picked exactly? how|when and|n when|how|where",
        "chose|chosen|picked|picking|choosing the|a|my method|bridge|tree|building|overpass",
        "set|picked|chose|chosen the|a date|day|time to die|kill",
        # A place.
        "standing|sitting|stood|sat|stand|sit|standin|sittin on|at|by the|a|this|that|my? edge|"
        "ledge|railing|roof|"
        "rooftop|bridge|tracks|cliff|overpass",
        "im|am|m on|at the|a|those? train|railroad|railway|subway tracks|track|bridge",
        "im|am|m on|at the|a|this? roof|rooftop|cliff|cliffs|railing",
        "edge of the|a|this? roof|bridge|building|cliff|rooftop|balcony|overpass",
        "on|at top of the|a|this? building|bridge|parking|garage|tower|overpass|cliff|roof",
        "drove|driving|walked|walking|went|came|got|headed|heading|biking out? to the|a? bridge|"
        "tracks|cliff|overpass",
        "parked|parking by|at|near|on|under the|a? bridge|tracks|cliff|overpass",
        "in the|my car in the|my|our? garage",
        "in the|my|our? garage in|with the|my car|engine|motor",
        "car|engine|motor is|s|still? running in the|my|our? garage",
        "garage door|doors closed|shut",
        "hose|tube|pipe from|to|into|in the? exhaust|tailpipe",
        # A method.
        "gonna|finna|boutta jump",
        "jump*|leap|leaping off|from a|the|this|that? parking? garage|structure|deck|pier|dam|"
        "highway|platform",
        "swallow|swallowing|down|downing|pop|popping them|em|these|those|it all",
        "swallow|swallowing|down|downing|pop|popping all of them|these|those|em",
        "take|taking them|em|these|those|it all at? once|tonight|tonite|now|rn",
        "take|taking all of them|these|those|em at? once|tonight|tonite|now|rn",
        "take|taking every last|single pill|one|bottle",
        "has|had a plan to|and die|end|kill|jump|overdose|od|hang|shoot",
    ),
    "means": (
        f"{_DRUGS} saved|stockpiled|stashed|hoarded|lined|hidden|collected|piled",
        f"stockpil* my|the|all|{_DRUGS}",
        f"saving|saving up|stashing|hoarding|hiding my|the|all? {_DRUGS}",
        f"been saving up? my|the? {_DRUGS}",
        f"enough {_DRUGS} to die|kill|end|do|od|overdose",
        "bought|got|buying|getting|have|holding|loaded|loading a|my|the|dads|moms gun|pistol",
        "bought|got|buying|getting|have|holding a|my|the|dads|moms handgun|firearm|revolver",
        "bought|got|buying|getting|have|holding a|my|the|dads|moms shotgun|rifle",
        "gun|pistol|rifle is loaded",
        "loaded gun|pistol|rifle",
        "access to a|my? gun|guns|firearm|firearms",
        f"{_MEANS}|pills in my hand|lap|mouth",
        f"{_MEANS}|pills next to|beside me",
        f"{_MEANS}|pills in front of me",
        f"{_MEANS}|pills|meds|bottle|noose|blades are|is|s right? in front of|next to|beside me",
        f"{_MEANS}|pills is|are ready|loaded",
        f"{_MEANS}|pills right here",
        "bought|got|have|made|tied|tying|tie|hung|hanging a|the|my? rope|noose",
        "rope|noose|belt|cord|cable around|round my neck",
        "noose|rope is ready|tied|up",
        "holding a|the|my knife|blade|razor",
        "bought|got|have|holding razor blades|blades",
        "knife|blade|razor to|against my wrist|wrists|throat|skin|arm",
        "bought|got|have rat? poison|cyanide|antifreeze",
        "exit bag",
        "vodka|whiskey|whisky|booze|liquor|wine|tequila|bottle and my|the|all sleeping|pain? "
        f"{_DRUGS}",
        f"{_DRUGS} and a bottle|fifth|handle",
        # Enough to do it.
        "have|got|ive|saved|collected|bought|stashed enough to do|end|finish it",
        "have|got|ive|saved|collected|bought|stashed enough to die|od|overdose",
        "have|got|ive|saved|collected|bought|stashed enough to kill me|myself",
        "everything i need to do|end|finish it",
        "everything i need to die|overdose|od",
        "been|im|am|ive|i|was stockpil*",
        f"bottle|bottles|handful|pile|box|stash of {_DRUGS} ready|right|next|beside|lined|counted|"
        "waiting|laid",
        f"lined|lining up all|every? of? my|the? {_DRUGS}",
        # A weapon in hand.
        f"have|got|holding|loaded|loading|found|took|grabbed|grab|get|bought my|the|a? {_WHOSE}? "
        f"{_GUN}",
        f"got|get|took|pulled|taking|pulling|getting the|my|a? {_WHOSE}? {_GUN} out",
        f"hand|hands|finger|fingers is|are|s? on|around the|a|my|{_WHOSE}? {_WHOSE}? "
        f"trigger|{_GUN}",
        f"{_GUN} in my hand|hands|lap|mouth",
        "loaded the|my|a gun|pistol|rifle|shotgun|handgun|revolver|glock",
    ),
    "preparatory": (
        "goodbye|suicide|farewell letter|letters|note|notes|video|message|text",
        "wrote|written|writing|write|left|leaving letters|notes to|for my|everyone|everybody",
        "wrote|written|writing|left|leaving a|my letter|note to|for my? family|kids|children",
        "wrote|written|writing|left|leaving a|my letter|note to|for my? mom|mum|dad|parents",
        "wrote|written|writing|left|leaving a|my letter|note to|for my? wife|husband|partner",
        "wrote|written|writing|left|leaving a|my letter|note to|for my? son|daughter|everyone",
        "goodbye|bye|farewell everyone|everybody|yall|forever|world",
        "goodbye|bye|farewell for good",
        "saying|said|say|sayin my? goodbye|goodbyes|bye to everyone|everybody|yall|all",
        "saying|said|say|sayin my? goodbye|goodbyes|bye to the world",
        "said|saying|say my goodbyes",
        "this|its|heres is? my last|final message|goodbye|words|post|note",
        "last|final message|goodbye from me|ever",
        "my final|last goodbye",
        "my last night alive|here",
        "my last night on earth",
        "last time you|youll hear from me",
        "wont|never hear from me again|anymore",
        "giving|gave|give|given away my|all? my? stuff|things|belongings|possessions|clothes",
        "giving|gave|give|given away my|all? my? dog|cat|pets|guitar|car",
        "giving|gave|give|given my|all my? stuff|things|belongings|possessions away",
        "take|look care|after of my dog|dogs|cat|cats|pets|puppy|kitty for me",
        "take|look care|after of my kids|dog|cat|pets|family|mom when|after|once im gone",
        "when|after|once im|i am|m? gone|dead",
        "tell my mom|mum|dad|kids|family|wife|husband|son|daughter i|that love|loved",
        "tell my mom|mum|dad|kids|family|wife|husband|son|daughter im|i am|m? sorry",
        "in case i dont|do not? make it",
        "if i dont|do not? make it through|past the? night|tonight",
        "made|wrote|updated|finished|signed|did my will|last will",
        "affairs in order",
        "affairs settled",
        "put|putting|got|getting my affairs in|settled",
        # Notes and letters.
        "wrote|written|finished|writing|write my note",
        "wrote|written|writing|left a|the note",
        "wrote|written|finished|writing my last|final letter|letters|note|notes|words|message",
        "wrote|written|finished a|the|my note|letter last night|tonight|already|earlier",
        "read|reads|see|sees|get|gets|find|finds this ill|i|im|id will|would? already|probably? "
        "be gone|dead",
        # Pets, things, passwords.
        f"giving|gave|give|given my|our|his|her|their? {_PET} away",
        f"giving|gave|give|given away my|all|his|her|their? my|his|her? {_PET}|stuff|things|"
        "belongings",
        f"make sure my {_PET} gets|get|goes|go|is|are taken|fed|loved|a|to|okay|ok",
        f"{_PET} gets|get|finds|find|goes|go to? a good|new|loving home",
        "heres|here|these are|is? my|all|the passwords|pins|logins",
        "left|wrote|writing|gave|giving|sent|sending|leaving|shared|written down? all? my "
        "passwords|logins|pins",
        # Telling people they are loved, saying goodbye.
        f"tell my? {_LOVED} i|that|ill love|loved|always|miss",
        f"tell|let my? {_LOVED}|them i|that said? goodbye|bye",
        "tell my kids|children|babies|parents|family|sister|brother|boyfriend|girlfriend|partner "
        "im|i am|m? sorry",
        "this|its|heres|here is? goodbye",
        "this|its|heres|here is? my goodbye|goodbyes",
        "just|only? wanted|want|wanna|needed|came|writing|here to say|write goodbye",
        "im|am|m saying goodbye",
        "for everything goodbye|bye",
        "love you all|guys|yall|everyone goodbye|bye",
        "wont need it|them|anything|this|that|any after tonight|tonite|today",
        "need it|them|anything|this|that|any where im|i going",
    ),
    "self_harm_now": (
        f"cut|cuts|cutting|cuttin|cuting|cutted {_ME}",
        "cut|cutting my self",
        "cut|cuts|cutting|slit|slash|slashing|slitting my wrist|wrists|arm|arms|thigh|thighs",
        "cut|cuts|cutting|slit|slash|slashing|slitting my legs|leg|skin|stomach|throat|hips",
        "cut|cuts|cutting too deep",
        "self harm*",
        "selfharm*",
        "self injur*",
        "self mutilat*",
        f"hurt|hurting|hurtin|harm|harming|harmed|hurted {_ME}",
        "hurt|hurting my self",
        f"burn|burning|burned|burnt {_ME}",
        f"hitting|punching|scratching|carving|carved {_ME}",
        "until|till|til i|it bleed*|bled",
        "carv* into|in my? skin|arm|arms|leg|legs|thigh|wrist",
        "cutting|cut|hurting|burning myself? again",
        "urge|urges to cut|harm|hurt myself|self",
        "want|wanna|gonna|going to? cut|hurt|harm|burn myself",
        "relapsed|relapse on|with self harm*",
        "relapsed|relapse on|with cutting",
    ),
    "overdose_now": (
        "overdosing",
        f"took|taken|swallowed|popped|downed|ate way? too many {_DRUGS}",
        f"took|taken|swallowed|popped|downed too much of? my|the? {_DRUGS}",
        f"took|taken|swallowed|popped|downed|ate all|every|everything of? my|the? {_DRUGS}",
        "took|taken|swallowed|popped|downed|ate the|a whole|entire|full bottle|pack|box|strip",
        "took|taken|swallowed|popped|downed|ate an|the? entire|whole bottle|pack|box of",
        f"took|taken|swallowed|popped|downed a bunch|handful|lot|ton|fistful of my|the|some? "
        f"{_DRUGS}",
        f"took|taken|swallowed|popped|downed|ate like|about|around|over? {_NUMBERS} of? my|the? "
        f"{_DRUGS}",
        "took|taken|swallowed my whole|entire|full prescription|script|supply|bottle",
        f"mixed|mixing|combined my|some|the|a|all? {_DRUGS} and|with {_ALCOHOL}|drank",
        f"took|swallowed|popped my|some|the|a|all? {_DRUGS} and|then drank",
        f"mixed|mixing {_ALCOHOL} and|with my|the|some? {_DRUGS}",
        f"{_DRUGS} on purpose",
        "took|swallowed|used|shot|snorted all|everything i had|have|ive left|got",
        "just|accidentally|think|might|may|maybe i|ive|have? overdosed|oded|od",
        "im|am oding|odeing|odding",
        "overdosed|oded tonight|today|now|earlier",
        "drank|swallowed|drinking|ingested|drink bleach|antifreeze|poison",
        "cant|cannot stay awake",
        "can not stay awake",
        "cant|cannot keep my eyes open",
        # Took a lot, took too much, mixed.
        "swallowed|popped a|an? bunch|handful|lot|ton|fistful|shitload|bottle|pile",
        "took|taken a bunch|handful|fistful",
        "took|taken|swallowed|popped way? too many|much",
        "mixed|mixing|combined everything",
        f"mixed|mixing|combined my|some|the? {_DRUGS} and|with {_DRUGS}",
        "whole|entire bottle|fifth and|then took|popped|swallowed",
        # How it feels.
        "cant|cannot feel my legs|arms|face|hands|body|fingers|lips|chest|heart",
        "can not feel my legs|arms|face|hands|body|fingers|lips|chest|heart",
        "im|am|m|feel|feeling|myself fading|fadin",
        "im|am|m|myself slipping away",
        f"spinning|racing|pounding|dizzy|numb after|from|since the|my|those|all|some? {_DRUGS}",
        "spinning|racing|pounding|dizzy|numb i|after|and|since i? took|swallowed|popped",
        "cant|cannot breathe and|after|since|i? i? took|swallowed|popped",
        "think|thinking im|am|m dying",
        "dying i|ive took|taken|swallowed|popped|overdosed|oded|just",
        "im|am|m passing|blacking out",
        "im|am|m going|getting numb",
        "overdosed|oded|od and isnt|wont|not|cant|is|hasnt|wasnt not? waking|wake|breathing|"
        "responding|responsive",
    ),
    "partner_danger": (
        f"{_PARTNER} is|has|keeps|keep|been|just? threaten*|threatened|threatens to kill|hurt|"
        "beat|shoot|stab|choke me",
        f"{_PARTNER} just|keeps|is|always|has|still|literally? been? {_VIOLENCE} me",
        "choked|choking|strangled|strangling me",
        "said|says|swore|told|threatened me|that? he|she|hed|shed|hell|shell would|will|is|was|s? "
        "going|gonna? to? kill|hurt|beat|shoot|stab me",
        f"{_PARTNER} is|s|will|would|might|could|going|gonna? going|gonna? to? "
        "kill|hurt|beat|shoot me",
        "afraid|scared|terrified|fear he|she|hes|shes will|might|could|would|is|going|gonna? "
        "going|gonna? to? kill|hurt|beat me",
        "not safe at home",
        "not safe in my|this|the|our house|home|apartment",
        "not safe with|around him|her",
        f"not safe with|around my {_PARTNER}",
        "unsafe at home",
        "dont feel safe at home",
        "do not feel safe at home",
        "dont feel safe with|around him|her",
        "pulled|pointed|held a|his|her gun|knife on|at|to me",
        "wont|doesnt let me leave",
        "will|does not let me leave",
        f"{_PARTNER} locked me in",
        f"hiding from him|her|my {_PARTNER}",
        "domestic violence|abuse right? now|tonight|again",
        f"{_PARTNER} is|s|keeps|just? outside my|the|our door|house|window|apartment|place",
        f"{_PARTNER} is|s|keeps|just? banging|pounding|kicking on? my|the|our door|window|doors",
        f"{_PARTNER} is|s|keeps|just? at my door|window|windows",
        f"{_PARTNER} broke|breaks|breaking|busted|bust in|into",
        "broke|kicked|kicking|breaking|busted|smashed|smashing down|in the|my|our front? door|"
        "window",
        "banging|pounding|kicking on the|my|our front? door|window",
        f"{_PARTNER}|hes|shes is|s|keeps|been|keep|just? threatening|threatened|threatens me",
        "hiding|locked myself? in the|my|a? bathroom|closet|basement",
        "afraid|scared|terrified|frightened to go|be back? home",
        f"{_PARTNER} keeps|is|always|has|still? been? hurting me",
    ),
    "someone_else_acute": (
        "wants to die",
        "he|she|they want|wants|wanted|wanna to? die",
        "kill|kills|killing|killin himself|herself|themselves|themself",
        "end|ending his|her|their own? life",
        "take|taking his|her|their own life",
        "threaten*|threatened|threatening to kill|shoot|hang himself|herself|themselves",
        "hurting|cutting|harming|burning|cut himself|herself|themselves|themself",
        "cut|cuts|cutting|slit his|her|their wrists|wrist|arms",
        f"took|taken|swallowed|popped all|every|everything of? his|her|their {_DRUGS}",
        f"took|taken|swallowed|popped a bunch|handful|lot of his|her|their {_DRUGS}",
        f"think|thinks|worried|scared my? {_OTHER}|he|she overdosed|oded|od",
        f"{_OTHER} just overdosed|oded|od",
        f"{_OTHER}|he|she|they is|s overdosing|oding",
        f"missing|disappeared|left|gone|off with his|her|their|a|the|some|all|my? {_MEANS}",
        f"missing|disappeared|left|gone|off with his|her|their|a|the|some|all|my? {_DRUGS}",
        f"missing and took|has his|her|their|my|a|the? {_MEANS}|{_DRUGS}",
        f"{_PRONOUN}|{_OTHER} has|is|got|grabbed|bought holding? a|his|her|my|dads {_MEANS}",
        f"{_PRONOUN}|{_OTHER} sent|left|texted|posted|wrote me|us? a? goodbye|suicide|farewell "
        "note|letter|message|text|post",
        f"{_PRONOUN}|{_OTHER} texted|sent|said|messaged|posted me|us? a? goodbye",
        "talking|talks|posting|posted|texting|texted about suicide|dying|killing",
        "talking|talks|posting|texting about ending it|his|her|things",
        "talking|talks|posting|texting about wanting to die",
        f"found {_PRONOUN} unresponsive|unconscious|hanging|cutting|bleeding",
        f"{_PRONOUN}|{_OTHER} is|s unresponsive|unconscious",
        f"{_PRONOUN}|{_OTHER} isnt|not breathing",
        "cant|cannot wake him|her|them up?",
        f"he|she|they|{_OTHER} wont wake up",
        f"{_PRONOUN}|{_OTHER} is|s suicidal",
        f"{_PRONOUN}|{_OTHER} is|s|was on|at the|a|his|her? bridge|ledge|roof|rooftop|tracks|"
        "overpass|cliff",
        f"{_PRONOUN}|{_OTHER} left|wrote a note|letter and|then",
        "says|said|told me|us? he|she|they has|have|had|got|made a plan",
        f"{_PRONOUN}|{_OTHER} took|grabbed the|a|his|her|my|their|dads? {_GUN} and|then left|"
        "drove|ran|disappeared|locked|went|took|wont|isnt|stopped",
        f"{_PRONOUN}|{_OTHER} took|grabbed all his|her|their|the|my? {_DRUGS} and|then left|ran|"
        "disappeared|locked",
        f"{_PRONOUN}|{_OTHER} took|grabbed the|his|her|their|my {_DRUGS} and|then locked|"
        "disappeared|ran",
        f"himself|herself|themselves|themself in the|his|her|their|a? bathroom|room|garage|car|"
        f"closet|basement with a|his|her|the|my|their? {_MEANS}|{_DRUGS}",
        f"{_PRONOUN}|{_OTHER} is|s|was not breathing|waking|conscious",
        f"has|got|grabbed|holding {_WHOSE} {_GUN}|rope|noose",
        f"gave|giving|given away {_WHOSE} {_PET}|stuff|things|belongings",
    ),
    # --- review ------------------------------------------------------------------------
    "burden": (
        "a|such|being|im|am|feel|just|huge|big|only burden",
        "burden to|on|for everyone|everybody|my|others|people|them",
        "dont|do not want to be a burden",
        "better|happier off? without me",
        "nobody|noone|no1 would|will|really|even|is? even? miss|notice|care",
        "nobody|noone|no1 cares about|if me|i",
        "no one would|will|really|even|is? even? miss|notice|care",
        "if i was|were|just? gone|disappeared|died",
        "if i wasnt|werent here|around|alive",
        "doing|do everyone|everybody|them|the|my world|family? a favor|favour",
        "waste of space|air|oxygen|life",
        "im|i|feel|feeling|so|completely|totally|just am? worthless",
        "ruin*|destroy* everything|everyones|everybodys|their|all",
        "everyone|everybody hates me",
        "drag*|dragging everyone|everybody|them|people down",
        "drag*|dragging my family down",
        "cause|causing|bring|bringing everyone|everybody|them|my|people family|kids? so? much? "
        "pain|grief|problems",
        "dont deserve to live",
        "dont deserve to be here|alive",
        "i dont matter to anyone|anybody",
    ),
    "hopeless": (
        "no way out",
        "cant|cannot even? go on",
        "can not go on",
        "cant|cannot keep going",
        "cant|cannot carry on",
        "cant|cannot keep living",
        "cant|cannot live like this",
        "cant|cannot take|do|handle it|this|life anymore",
        "cant|cannot take|do|handle it|this|life any|no more",
        "cant|cannot take|handle the pain anymore|any",
        "nothing left for|in me",
        "nothing left inside",
        "nothing left to lose|give|fight",
        "have|got nothing left",
        "no point anymore",
        "no point in|to anything|living|trying|life|going",
        "theres|there is? no point anymore",
        "theres|there is? no point at all",
        "whats|what|wats is? the point anymore",
        "whats|what|wats is? the point of|in anything|trying|it",
        "everything|life is|feels|seems so? pointless|hopeless|meaningless",
        "feel|feeling|im|i|so|completely|totally|utterly|really am? hopeless",
        "give|giving|gave|given up on? life|everything|living|myself",
        "feel|feeling|so|completely|totally trapped",
        "tired|sick of life|living|fighting|trying|everything",
        "done with everything|trying|fighting",
        "done with it all",
        "how much? long|longer i can keep|go|take|do|hold",
        "cant|dont|cannot|never see a|any|the? way|future|light|point|end",
        "lost|losing|lose all? hope",
        "no hope left|anymore",
        "no hope for me",
        "no hope at all",
        "theres|there is no hope",
        "want|wanna|wanting to? just? disappear|vanish",
        "wish i could just? disappear|vanish",
        "never gets|get better",
        "never going|gonna|will to? get|be better",
        "nothing will|is|ever ever? going|gonna? to? change|help|improve",
        "nothing will ever? get better",
        "nothing helps anymore",
        "this|its is? it for me",
        "feel|feels|feeling like im|am|m|i am? dying",
    ),
    "past_attempt": (
        "tried|attempted|trying|try to kill|end|hang|overdose|od|cut|drown|jump",
        "tried to take my own? life",
        "attempted suicide",
        "suicide attempt*",
        "my|last|previous|past|prior|first|second|after|since attempt|attempts",
        "i overdosed|oded|odd",
        "had|survived an|a|my|two|three? overdose|od|ods|overdoses",
        "almost|nearly died from|of an|a? overdose|od",
        "overdosed|oded twice|before|again",
        f"almost|nearly|i killed {_ME}",
        "hospital*|er|icu|psych after|for an|a|my? overdose|od|attempt",
        "got|was|were|been narcanned|narcaned|revived",
        "narcanned|narcaned",
    ),
    "worry_other": (
        f"worried|worry|worrying|scared|afraid|concerned|terrified about|for my {_OTHER}",
        "worried|worrying|scared|afraid|concerned|terrified about|for him|her|them",
        f"{_OTHER}|he|she|hes|shes is|has|been|s? been? depressed|spiraling|withdrawn|suicidal",
        f"{_OTHER}|he|she|hes|shes is|has|been? isolating|hopeless",
        f"{_OTHER}|he|she|hes|shes is|has|been? in a dark place",
        f"{_PRONOUN}|{_OTHER} isnt|hasnt|wont|stopped|not|is|has been? not? answering|responding",
        f"havent heard from him|her|them|my {_OTHER}",
        f"cant|cannot reach|find him|her|them|my {_OTHER}",
        "afraid|scared|worried he|she|they might|will|is|could do something to|stupid",
        "for his|her|their safety|life",
    ),
}

# The parts an urgent idea is told with (see ``concepts.COMBINATIONS``): a cue of
# ``concepts.RISK_CUES`` alone is a review; two that combine, tightly matched, are urgent.
# As everywhere, "a|b" is one word of several, so each multi-word wording is its own line.
CUES: dict[str, tuple[str, ...]] = {
    "death": (
        "die|dying|dead",
        "suicid*|sucid*|kms|unaliv*",
        f"kill|killing|end|ending {_ME}|it|everything|things",
        "end|ending my life",
        "take|taking my own? life",
        "not|never wake|waking up",
        "not|never be|being here|around|alive",
        "wont|wouldnt be|being here|around|alive",
        "dont|not plan|planning on|to be|being around|here|alive",
        "go|going|goin through|thru with it",
        "last night|day on earth|alive|here",
        "this world",
        "disappear* forever|permanently",
        "disappear* for good",
        "out|gone permanently|forever",
        "out|gone for good",
        "stop|stopped breathing|existing",
        "leave|leaving this world|earth",
        "make|making that|it happen myself",
        "thats it for me",
        "suisid*|susid*|suicd*|suiced*|suecid*",
        "if i wasnt|werent around|here|alive",
        "if i was|were not around|here|alive",
        "if i was|were gone",
        "dissapear*|disapear*|dissappear* for good|forever",
        "ready to go|die",
        "ready to be done",
        "ready to leave this world",
        "this is the end",
        "make|making it through the? night|tonight|weekend",
        "see myself making it to|through",
    ),
    "method": (
        "jump|jumping|jumped|leap|leaping off|from",
        "jump|jumping|jumped|leap|leaping in front",
        "throw|throwing myself off|from|under",
        "throw|throwing myself in front",
        "drive|driving|drove|steer off|into the? a? overpass|bridge|wall|tree|truck|traffic",
        "crash|crashing my|the car",
        "hang|hanging myself",
        "car running",
        "shut|shutting|close|closing the garage door",
        "exhaust|tailpipe",
        "slit|slitting my? wrists",
        "drown|drowning myself",
        "step|stepping|walk|walking in front of",
        "overdos*|od",
        "stood|standing|stand at|on the edge|ledge|rail|railing",
        "where|somewhere nobody|noone will|can|would find me",
        "where|somewhere no one will|can|would find me",
    ),
    "place": (
        "bridge|overpass|viaduct|rooftop|roof|ledge|cliff|tracks|railyard|railroad|freeway",
        "top floor",
        "garage",
        "top level|deck|floor of the? parking",
        "parking garage|structure|deck",
    ),
    "weapon": (_MEANS, "glock|blades|razors|knives|lighter"),
    "farewell": (
        "goodbye|goodbyes|farewell",
        "say|saying|said bye to",
        "goodbye|suicide letter|letters|note|notes|video",
        "wrote|writing|written|left letters|notes",
        "wrote|writing|written|left a|the letter|letters|note|notes for|to?",
        "who gets my",
        "updated|wrote|made|making my will",
        "gave|giving|give away my|all",
        f"gave|giving|give my {_PET}|stuff|things|car|clothes to",
        "rehome|rehomed|rehoming",
        "cancel*|canceled my phone|plan|lease|subscriptions|accounts",
        "paid|pay off my? debts|everything|what",
        "passwords",
        "wasnt|isnt|not anybodys|anyones|nobodys|your|ur fault",
        "sorry to whoever",
        "thank|thanks|thx you? for trying",
        "last message",
        f"take care of my {_PET}|kids for me",
        "wont|dont need a|my spot|place|appointment|callback|call|group",
        "nobody|noone needs|has to call",
        "no one needs|has to call",
        "forgive me",
        "signed my will",
        "put|putting|got|getting my affairs|things|everything in order",
        "nice|good knowing you|yall|everyone",
        "found a|her|his note|letter",
        "left a note|letter",
        "you|yall|everyone were|have|was|been so? good|kind to me",
        "you guys|all were|have been so? good|kind to me",
        "gave|giving|give away her|his|their",
    ),
    "harm": (
        "cutting|cuttin|cut|burning|burned|burnt|hitting|punching|banging|scratching|carving "
        "my? arm|arms|wrist|wrists|leg|legs|thigh|thighs|skin|head|stomach|hips",
        f"cut|cutting|burn|burning|hurt|hurting|hit|hitting {_ME}",
        "self harm*",
        "selfharm*",
        "cutting|cuttin",
        "the blade",
        "cuttng|cuting|cuttig",
        "dragged|dragging|ran|running|pressed|pressing the? glass|blade|razor|knife "
        "across|over|into my",
        "banging|bang|hitting my head against|on|into the? wall|floor|door",
    ),
    "overuse": (
        f"took|taken|swallowed|downed|popped too? like? {_NUMBERS}|6|7|8|9|11",
        "took|taken|swallowed|downed|popped|used|drank|did way? too many|much",
        "way|lot|much more than usual|normal|i usually|ever",
        "too many|much pills|meds",
        "mixing|mixed them|it with",
        "swallowed|took|taken|downed everything|evrything|everythin|all",
        "over dosed|dose|dosing",
        "i think i od|odd",
        "way|lot|much more than i used to",
        "way|lot|much more than i usually|normally",
        "mixed|mixing my? " + _DRUGS.replace("|prescription", "") + " with",
        "she|he|they took|swallowed|downed pills|all|everything",
        "she|he|they says|said|saying she|he|they took|swallowed",
        "way|lot|much more than i meant|planned|wanted|should",
    ),
    "body": (
        "bleeding|bleed",
        "blood everywhere",
        "cant|cannot breathe|breath",
        "not breathing",
        "hard to breathe",
        "breathing weird|funny|slow|strange",
        "chest pain|hurts|tight",
        "heart is? racing",
        "cant|cannot stay awake",
        "passing|passed out",
        "wont|not|cant waking|wake up",
        "unresponsive|seizure|seizing",
        "turning|lips blue",
        "throwing up blood",
        "blurry|blurred|blurring",
        "so|really|too|very sleepy|drowsy",
        "cant|cannot keep my eyes open",
        "puking blood",
        "lips are? numb|tingling",
        "nodding|nod off|out",
        "keep nodding",
        "room is? spinning",
        "heart is? going crazy",
        "heart is? pounding",
        "cant|cannot feel my",
        "blood all over",
        "cant|cannot see straight",
        "all sweaty|clammy",
    ),
    "violence": (
        f"{_VIOLENCE} me|us",
        "threaten* to kill|hurt me|us",
        "kill me|us|the kids",
        "wont|doesnt let me leave|go",
        "locked me in",
        "scared|afraid he|she|hes|shes will|ll|gonna|going|is",
        "scared|afraid of him|her",
        "nobody|none of? us gets|get|comes|come out alive",
        "no one gets|comes out alive",
        "pointed|pointing a|the|his|her gun",
        "burn|burning the house|place down with me|us",
        "took|takes|smashed|broke my phone|keys",
        "took|takes my car keys",
    ),
    "fear_self": (
        "scared|afraid|terrified of myself",
        "scared|afraid|terrified of what i|ill might|will? do",
        "dont|not trust myself",
        "cant|cannot stop myself",
        "cant|cannot make myself stop",
        "cant|cannot keep myself safe",
        "cant|cannot stop thinking|looking about|at it|the",
        "how much i think about it",
    ),
    "burden": (
        "burden",
        "dead weight",
        "better off without me",
        "deserve|deserves better than me",
        "without me",
    ),
    "hopeless": (
        "no way out",
        "no hope|point|future",
        "hopeless",
        "nothing will ever? get better|change",
        "never get|gets better",
    ),
    "drugs": (_DRUGS, _ALCOHOL),
    "stockpile": (
        "saved|saving|stockpil*|hoard*|stash*|collected|collecting",
        "lined|line up",
        "how many|much it would take",
        "it would take",
        "enough to",
        "whole|full|entire bottle",
        "bottle of",
        "bunch|handful|pile of",
        "kept|keeping|saved all of? his|her|my|the",
        "count|counting them",
    ),
    "when": (
        _TONIGHT,
        "tomorrow|tmrw|tmr|tomorow|tommorow|2morrow",
        "saturday|sunday|monday|tuesday|wednesday|thursday|friday|weekend",
        "after my shift|work",
        "when|after everyone|every1|everybody|they is|are|goes|go|falls|fall? asleep",
        "when|after everyone|every1|everybody|they goes|go to sleep|bed",
        "after i send this",
        "about|bout to",
        "boutta",
        "in an hour",
        "by morning",
        "the date",
    ),
    "decided": (
        "decided|decide",
        "made up my mind",
        "mind is made up",
        "figured out",
        "figured it out",
        "all figured|planned out?",
        "picked|chose|chosen the? a? date|day|time|spot|place",
        "know|knw exactly",
        "exact spot|time|place|day",
        "have|got|made a plan",
        "for real this time",
        "this time im",
        "mean|meant it this time",
        "i mean it",
        "serious this time",
        "worked out how|when|where",
        "planned out how|when|where",
        "have|got it all? worked out",
        "written|wrote out how|when|where",
        "know where and|or when",
        "know when and|or where",
        "bought|got the|some rope|charcoal|tape|poison|hose",
    ),
    "now": (
        "right|rite now",
        "rn|atm",
        "just now",
        "as we speak",
        "as i type",
        "minutes|mins|min ago",
        "an hour ago",
        "last hour",
        "again|still",
        "tonight|tonite|today",
        "in my hand|hands|lap|pocket",
        "next to me",
        "beside me",
        "in front of me",
        "know where he|she|they keeps|keep|hides|hide",
        "before i started|start typing|writing",
        "as i write|text",
        "while i type|write",
        "just did it",
        "every night|nite",
        "all week",
        "for the last|past half? hour|hours|minutes",
        "for an|a half? hour|hours now?",
        "with it for",
    ),
    "other": (
        f"my {_OTHER}",
        f"{_OTHER} has|is|said|took|left|wont",
        "locked herself|himself|themself|themselves in",
    ),
    "afraid": (
        "scared|afraid|terrified|frightened",
        "fear for my life|safety",
    ),
    "do_it": (
        "how|when im going|gonna to? do it",
        "how|when i am going to do it",
        "how|when i will|would|ill do it",
        "how to do it",
        "go|going through with it",
        "do it for real",
    ),
}

IDIOMS: tuple[str, ...] = (
    # Overwork, waits, bosses, cravings: "killing me" / "kill for" are not about dying.
    "is|are|was|were|s|been killing me",
    "kill|killing me lol|haha",
    "kill|killed for a|an|some|this|that|one",
    f"{_BOSS} is|s|will|would|gonna|going? gonna|going? to? kill me",
    "kill me if|when im|i am? late|miss|forget|skip|relapse|slip|drink|use|mess",
    "kill|killed|killing it",
    f"kill|killing|kills {_ME} at|working|trying|studying|laughing|over",
    f"kill|killing|kills {_ME} to get|make|pay|finish|keep|meet",
    # Dying to / of / for.
    "dying to",
    "dying|die|died|dies of|from embarrass*|laugh*|boredom|curiosity|shame|cringe|hunger",
    "dying|die|died|dies of|from thirst|heat|cold",
    "die|died|dying|dies laughing",
    "die|dying for a|an|some|this|that",
    "to die for",
    f"my|his|her|their {_OTHER}|dog|cat|pet|grandma|grandpa|grandmother|grandfather "
    "dying|died|death",
    "hate|sorry to be a burden|bother|pain",
    f"lost my|our {_OTHER} to",
    "rather die than",
    "die on this|that hill",
    "die down|off|hard",
    "phone|battery|car|laptop|plant|plants died|dead",
    "could sleep forever",
    # Dead as an intensifier.
    "dead tired|serious|set|on|end|last|wrong|broke|center|silent|asleep",
    "dead to me",
    # Cutting off, cutting slack, accidents.
    f"cut|cuts|cutting {_ME} off|some|a|short|loose|free|out|back|down",
    "cut|cuts|cutting himself|herself|themselves off|shaving|cooking|short|some|a",
    "kill|killing|kills himself|herself|themselves at|working|trying|studying|over",
    f"cut|cuts|cutting {_ME} shaving|cooking|chopping|accidentally|while",
    f"cut|cutting {_ME} on a|the|some|broken|glass",
    "cut|cuts|cutting my|myself arm|arms|leg|legs|thigh|hand|finger on|shaving|cooking|while",
    "cut|cutting back|down|ties",
    "by accident",
    f"hurt|hurting|hurted {_ME} at|playing|lifting|working|running|exercising|skiing|falling",
    f"hurt|hurting {_ME} in|on a|the fall|game|accident|job|ice|stairs|field|court|gym",
    f"burn|burning|burned|burnt {_ME} out|cooking|ironing|making|at",
    f"burn|burning|burned|burnt {_ME} on a|the|my",
    f"beat|beating {_ME} up",
    "stopped|quit|quitting|clean|free from? cutting|hurting|harming myself?",
    "stopped|quit|quitting|clean|free from? self harm*",
    "no self harm*",
    "no cutting",
    # Ending things with someone; taking life back.
    "end|ending|ended things|it|everything with",
    "take|taking my life back|in|into|seriously",
    "done with this|that|the life of",
    # Jumping in, going on, waiting.
    "jump*|jumping back|at|ship|start|through",
    "jump*|jumping in|into the|a? group|program|it|things|treatment|class|session|sessions",
    "cant|cannot wait",
    "go on monday*|tuesday*|wednesday*|thursday*|friday*|saturday*|sunday*|weekend*",
    "go on mornings|evenings|nights|weekdays|vacation|trips|a",
    "go on like before|usual|normal",
    "wake up for|early|before|till|until",
    "wake up on|in time",
    "stay awake in|at|during|through|for|while|past|until|till",
    "make it to|there|back|home|in|on|by|for",
    "live|living with|in|at|near|close|far|alone|together|nearby|downtown|there|out|off",
    "live|living somewhere|anywhere|paycheck|by|on|alone",
    "gone on|to|away|at|during|over",
    "gone for a|the|work",
    # Denials and service names around "suicide".
    "no suicidal|suicide thoughts|ideation|plans|plan|intent|feelings|history",
    "suicide prevention|hotline|lifeline|awareness|line|survivor|loss|walk|training",
    "died by|from|of suicide",
    # Everyday objects and money.
    "jump rope|ropes",
    "learn|learning|know the ropes",
    "ropes course",
    "climbing|tow rope",
    "gun license|permit|safe|class|course|range|lock|show|store|shop|owner|licence",
    "financial|money|tax|debt|caregiver burden",
    "scared|afraid|worried|fear|terrified of|about overdosing|relapsing",
    f"{_DRUGS} this|every|each morning|day|night|evening",
    f"{_DRUGS} as prescribed|directed|needed",
    f"{_DRUGS} on time|schedule",
    f"{_DRUGS} like im|i supposed|should|was",
    f"{_DRUGS} for the day|week",
    f"{_NUMBERS} mg|mgs|milligrams|mcg|ml|units|milligram|days|weeks|months|years",
    "hit|hits me up|back",
    "beat|beats me at|to",
    "choke|choked|chokes me up",
    # Plans for coming back, places that are only names.
    "plan|plans|planned to|for get|come|stay|go|start|quit|be|return|coming|getting|staying|"
    "going|starting|quitting|being|returning|sobriety|recovery|treatment|work|school|move|"
    "moving|rehab|detox",
    "planned|mapped out? with|around|childcare|rides|transportation|so|ill|im|and",
    "bridge street|st|rd|road|ave|avenue|clinic|center|centre|program|group|club|team|card|"
    "game|loan|housing|job|shift|crew|builder|apartments",
    # Saying goodbye to a habit or a person on staff.
    "goodbye|bye to drinking|using|alcohol|booze|drugs|weed|meth|cocaine|coke|smoking|vaping|"
    "gambling|addiction|pills|opioids|heroin|fentanyl|that|those|this",
    "goodbye|bye to my|the|that|our old|bad|toxic|former|past",
    "say|said|saying|says goodbye|bye to my|the|our? counselor|therapist|group|doctor|dr|nurse|"
    "staff|team|case|sponsor|coworkers|boss|class|classmates|job|dealer",
    # Taking a lot of time off, passing things out, mixing up dates.
    "took|taken|take a bunch|handful|fistful|lot|ton of time|days|weeks|months|shifts|classes|"
    "courses|hours|notes|pictures|photos|steps|breaks|tests|calls|risks|walks|money|credits|"
    "sessions|groups|vacation|trips|naps|showers|selfies|questions|screenshots",
    "took|taken|take way? too many|much time|on|off|days|shifts|classes|hours|credits|weeks|"
    "risks|breaks|chances|sick|pictures|photos|notes|steps",
    "mixed|mixing|mix everything|it|them|things up|together",
    "passing out flyers|papers|food|candy|cards|resumes|invitations|pamphlets|brochures|"
    "samples|tests|plates|water",
    f"{_GUN} hunting|range|safe|cabinet|locker",
    "do it right|differently|properly|sober|clean|better|together",
    "do it this? time? with help|support|group|you|your|meds|treatment|therapy|structure",
    "fading out|away of|from",
    "roof|rooftop fixing|repairing|working|cleaning|shoveling|painting|patching|installing|"
    "replacing|for|at|bar|party|deck|garden|pool|lol|haha",
    "note|notes to|for|on|at|from|in the|my|your? boss|work|job|school|teacher|doctor|doc|"
    "employer|judge|court|counselor|therapist|front|desk|fridge|door|office|pharmacy|landlord|"
    "probation|po|lawyer|sponsor|hr|insurance|journal|phone|calendar|planner|app|group|class",
    "my last night|day at|in|of|before|with|shift|working",
    "can|could|should|may|would i|we|you do it",
    "planned out? for my|the|our|a|me|next|monday|tuesday|wednesday|thursday|friday|coming",
    "planned it|everything|this with|around",
    "fading lol|haha|lmao",
    "threaten*|threatened|threatening me with divorce|court|custody|eviction|leaving|lawsuit|"
    "lawyers|rehab|treatment|police|cops",
    "home for|over the? thanksgiving|christmas|easter|holidays|holiday|break|summer|vacation|"
    "weekend|visit",
    "breathing well|right|properly|good|normally|easy|better",
    "swallowed|swallow|swallowing a|my? lot|bunch? of? pride",
    "tomorrow|tmrw|morning out|working|traveling|busy|at|for|on",
    "lined|lining up? in|for the|my|a? organizer|pillbox|box|week|case|dispenser",
    "the night i|we tell|told|start|go|come|quit|talk|call|ask|finally",
    "hiding|hid from my? creditors|bills|landlord|problems|feelings|everyone|everybody|family",
    "shoot|shooting|shot myself in the foot",
    "shoot|kill|hang|stab myself lol|lmao|haha|jk",
)

NEGATIONS: tuple[str, ...] = (
    "not",
    "never",
    "no longer",
    "dont",
    "do not",
    "isnt",
    "is not",
    "wasnt",
    "was not",
    "arent",
    "are not",
    "didnt",
    "did not",
    "doesnt",
    "does not",
    "havent",
    "have not",
    "hasnt",
    "has not",
    "wont",
    "will not",
    "wouldnt",
    "would not",
    "without",
    "no thoughts of",
    "no thought of",
    "no plan to",
    "no plans to",
    "no intention of",
    "no intention to",
    "no urge to",
    "no urges to",
    "no desire to",
)

PAST: tuple[str, ...] = (
    "years|year|yrs|yr ago",
    "last winter|spring|summer|fall|autumn|month",
    "last time i|we",
    "months ago",
    "a long? while|time back|ago",
    "long ago",
    "last year",
    "back in",
    "back then",
    "years back",
    "when i was|were",
    "used to",
    "in high|middle school",
    "in college",
    "in grade school",
    "as a teen|teenager|kid|child",
    "in my teens|twenties|20s|30s",
    "in the|my past",
    "history of",
    "once before",
    "growing up",
    "previously",
    "in 2010|2011|2012|2013|2014|2015|2016|2017|2018|2019|2020|2021|2022|2023|2024|2025",
    "in|during the spring|summer|fall|winter",
    "that|it passed",
)

NEAR_WORDS: tuple[str, ...] = tuple(
    """
    attached eating betting heating seating bearing beaming bitter butter batter ground
    bedside reside resides breach breeding blending battle brought fought sought trains
    grains drains bother ballet turned buried turning burying curved craved caring craving
    caving chance charge cooked cooking commuting citing curing muting outing butting
    gutting gutted laughter reserve bragging drugging diving frowning downing browning
    sending lending mending pending tending bending vending exiting farther feather gather
    feeding peeling finance lighting forearm garbage letting setting petting changing
    banging handing ranging charmed warmed farmed charming warming farming arming heroine
    heroic herein ridden hiking hiring riding siding fitting hinting pitting boarding
    folding molding homeless hunted hurled hunting hurling licked picked ticked wicked
    licking picking ticking billed filled skilled willed milled billing filling willing
    milling tilling leading leaning leaking weaving heaving latter litter loaned loaning
    looked blocked clocked docked lacked mocked rocked linger closing dosing posing loving
    baking faking marking masking waking raking master mutter mediation meditation
    dedication massage massaged kissing messing hissing fixing smother nearby dearly yearly
    neatly noting novice adding nodding bothers mothers overdone overdoing overpays planted
    planting painted printed prison hopped mopped topped propped hosted pasted poster
    hosting costing pasting precious polled pulley pinched lunched hunched munched lunches
    bunches pinches lunching pinching patting potting realty season treason seasons elapse
    elapsed revised relived resolver cunning ruining gunning safely having paving raving
    shaving waving paying laying staying spying slaying swaying shared sacred scored stared
    spared scarred sighed sitter mister sifting slipped snapped clapped swapped flashing
    splashing smashing clashing sweeping seeping splitting spitting sorted snored sported
    stubbed stranding sanding slashed smashed stopping steeping stepped shopped stomped
    straggled straggling supple shallow wallow wallowed wallowing tables taming tanking
    taping taxing tacking stalking tested testing sexting wheres themes threes thongs
    thanking thinning thanks thirsty threat though thorough trough tricks trucks traces
    cracks strapped tapped tripped wrapped banish varnish waited wasted ranted panted
    waiting wasting ranting panting whither whisker whisked winnow withdraw withdraws
    writhing waists wrests ringing cringing bridging pausing casing concerted cashing
    crushing trashing decoded derided repressed invested infested wistful candle aright
    alight
    """.split()
)

del _DRUGS, _ALCOHOL, _ME, _FUTURE, _OTHER, _PRONOUN, _PARTNER, _VIOLENCE, _MEANS, _NUMBERS
del _BOSS, _TONIGHT, _WHOSE, _GUN, _PET, _LOVED

# A question the writer reports ("the form asks if i have a plan to hurt myself") and then
# answers no ("i dont"): the idea asked about is not the writer's.
ASKED: tuple[str, ...] = (
    "asks|asked|asking|ask if|whether",
    "question|questions about|on|if",
)
ANSWERED_NO: tuple[str, ...] = (
    "i dont|didnt",
    "i do|did not",
    "never did|have",
    "no i dont|didnt",
    "nope",
    "the answer is no",
)
