"""Cues and their combinations: the parts an urgent idea is told with, and which parts
make the idea together when no listed phrasing says it whole (``concepts`` reads them)."""

from __future__ import annotations

from .patterns import Match

# Cues: the parts an urgent idea is told with, when no listed phrasing says it whole. Each
# language's ``CUES`` table lists how each cue is written. A cue of ``RISK_CUES`` alone is
# worth a same-day review; the others ("tonight", "all of my", "my husband") say nothing
# alone. Two cues of a ``COMBINATIONS`` row close together, both matched tightly and neither
# negated, inside an idiom or told as history, are that urgent idea: a method and a time is
# a plan ("the bridge after my shift tomorrow"), pills and a stockpile are means at hand.
RISK_CUES = frozenset(
    {
        "death",  # dying, being dead, not being here, suicide: the writer's own
        "method",  # an act that kills: jumping, hanging, a running car in a shut garage
        "weapon",  # a gun, a blade, a rope
        "farewell",  # goodbyes, letters, giving things away, settling affairs
        "harm",  # hurting one's own body: cutting, burning, hitting
        "overuse",  # took or used far more than usual
        "body",  # an emergency in the body: bleeding, not breathing, not waking
        "violence",  # someone hurting or threatening the writer
        "fear_self",  # not trusting oneself, unable to stop
        "burden",
        "hopeless",
        "voices",  # voices telling the writer to hurt or kill themselves
    }
)
CONTEXT_CUES = frozenset(
    {
        "place",  # a place people die from: a bridge, a roof, train tracks
        "drugs",  # something one could take too much of
        "stockpile",  # saved up, lined up, how many it would take
        "when",  # a time: tonight, saturday, after everyone is asleep
        "decided",  # decided, figured out, picked the day, know the spot
        "now",  # right now, a few minutes ago, still, in my hand
        "other",  # someone else the writer is writing about
        "afraid",  # the writer is afraid (of someone, to go home)
        "do_it",  # the act left unnamed: "how im going to do it", "hacerlo", "vou fazer"
        "using",  # using or drinking again, now: "relapsed", "voy a usar", "to usando"
        "unsafe_use",  # what makes using deadly: alone, laced, tolerance gone, no naloxone
        "reckless",  # not caring what happens: "ya no me importa nada", "nao ligo mais"
        "settled",  # affairs arranged: rent paid ahead, keys and papers left, the kids placed
        "has_plan",  # someone else "says he has a plan"
    }
)
CUE_CODES = RISK_CUES | CONTEXT_CUES
# Review concepts a table read whole, which a combination counts as a cue of the same name:
# "my kids would be fine if i wasnt around" is a burden, "he talks about dying" a worry.
FELT = frozenset({"burden", "hopeless", "worry_other"})
COMBINE_WINDOW = 30  # words between the cues of a combination, at most
NEAR_WINDOW = 8  # for cues that only mean something side by side ("a bunch of ... pills")
# Each row: the urgent concept, then the cue sets one cue of each must come from (two, or
# three where two alone are everyday), then the window. Written "first | second | third".
COMBINATIONS: tuple[tuple[str, tuple[frozenset[str], ...], int], ...] = tuple(
    (concept, tuple(frozenset(part.split()) for part in sets.split("|")), window)
    for concept, sets, window in (
        ("plan", "method | place decided when farewell death", COMBINE_WINDOW),
        # A place alone is everyday ("the bridge was closed on friday"): not with a time.
        ("plan", "place | decided farewell death", COMBINE_WINDOW),
        ("intent", "death | decided when now fear_self", COMBINE_WINDOW),
        ("intent", "burden hopeless | death", COMBINE_WINDOW),
        ("means", "weapon | death fear_self decided when now body harm", COMBINE_WINDOW),
        ("means", "drugs | stockpile", NEAR_WINDOW),
        ("means", "stockpile | death fear_self decided", COMBINE_WINDOW),
        (
            "preparatory",
            "farewell | farewell death decided method weapon stockpile",
            COMBINE_WINDOW,
        ),
        ("self_harm_now", "harm | now body fear_self", COMBINE_WINDOW),
        ("overdose_now", "overuse | body now drugs", COMBINE_WINDOW),
        ("overdose_now", "drugs | body", COMBINE_WINDOW),
        ("partner_danger", "violence | now when weapon death afraid violence", COMBINE_WINDOW),
        # "I've decided to do it on Monday" may be about coming back: the act unnamed, a
        # resolve and a time together.
        ("plan", "do_it | decided | when", COMBINE_WINDOW),
        ("someone_else_acute", "other | farewell weapon body overuse method harm stockpile", 30),
        # Someone else talking of dying (read whole as ``worry_other``), with a plan, a
        # goodbye, a weapon or their body in danger: acute, not a worry.
        (
            "someone_else_acute",
            "worry_other | has_plan farewell weapon body overuse method harm stockpile place",
            COMBINE_WINDOW,
        ),
        ("self_harm_now", "voices | harm method death place weapon do_it", COMBINE_WINDOW),
        # Using again where it can kill: laced, alone, tolerance gone, or not caring.
        ("relapse_danger", "using | unsafe_use reckless death body", COMBINE_WINDOW),
        ("relapse_danger", "unsafe_use | reckless", COMBINE_WINDOW),
        # "my mom says she has a plan and is at peace": someone else, a plan, a goodbye.
        ("someone_else_acute", "other | has_plan | farewell death weapon", COMBINE_WINDOW),
        # Affairs arranged ("left the keys and papers with my brother") are everyday alone;
        # with a burden, hopelessness, dying or a goodbye they are preparation.
        ("preparatory", "settled | burden hopeless death farewell", COMBINE_WINDOW),
        # "ya tengo fecha, el viernes. perdon a quien lea esto": a resolve, a time, a goodbye.
        ("plan", "decided | when | farewell burden hopeless death settled", COMBINE_WINDOW),
    )
)


def combination(cues: list[Match]) -> str:
    """The urgent concept these cues make together (one from each set of a row, no two
    overlapping, all within the row's window), or ""."""
    for concept, sets, window in COMBINATIONS:
        if combine(cues, sets, [], window):
            return concept
    return ""


def combine(cues: list[Match], sets, chosen: list[Match], window: int) -> bool:
    if not sets:
        return True
    for cue in cues:
        if cue.concept not in sets[0] or any(
            overlap(cue, other) or abs(cue.start - other.start) > window for other in chosen
        ):
            continue
        if combine(cues, sets[1:], [*chosen, cue], window):
            return True
    return False


def overlap(a: Match, b: Match) -> bool:
    return a.start < b.end and b.start < a.end
