"""Speech verbs, one table per language, compiled into the one regex `speakers` scans with.

English lists the forms; Ukrainian and Russian verbs inflect for gender, number and tense, so
each entry is a stem that every form of the verb starts with (заяв- covers заявив, заявила,
заявили, заявляє; сказа- covers сказав, сказала, сказал, сказали). A stem never stands for a
noun that is not speech (заява, "statement", is fine: it reports speech too).
"""

from __future__ import annotations

import re

SPEECH_VERBS: dict[str, list[str]] = {
    "en": ["quipped", "quips", "say", "says", "said", "saying", "tell", "tells", "told", "telling", "ask", "asks", "asked", "add", "adds", "added", "adding", "state", "states", "stated", "note", "notes", "noted", "noting", "claim", "claims", "claimed", "claiming", "argue", "argues", "argued", "arguing", "warn", "warns", "warned", "warning", "write", "writes", "wrote", "writing", "explain", "explains", "explained", "insist", "insists", "insisted", "declare", "declares", "declared", "declaring", "announce", "announces", "announced", "recall", "recalls", "recalled", "reply", "replies", "replied", "respond", "responds", "responded", "remark", "remarked", "suggest", "suggests", "suggested", "admit", "admits", "admitted", "acknowledge", "acknowledges", "acknowledged", "stress", "stresses", "stressed", "emphasise", "emphasised", "emphasize", "emphasized", "report", "reports", "reported", "tweet", "tweeted", "post", "posted", "comment", "commented", "urge", "urges", "urged", "promise", "promises", "promised", "pledge", "pledged", "pledging", "vow", "vowed", "predict", "predicts", "predicted", "accuse", "accuses", "accused", "concede", "conceded", "conclude", "concluded", "confirm", "confirms", "confirmed", "deny", "denies", "denied", "speak", "speaks", "spoke", "quoted", "quoting", "propose", "proposed", "threaten", "threatened", "boast", "boasted", "complain", "complained", "joked", "testified", "assert", "asserted", "maintain", "maintains", "maintained", "observe", "observed", "snaps", "snapped", "muses", "mused", "laughs", "laughed", "sighs", "sighed", "continues", "continued", "adds", "explains", "tells", "recalls", "writes", "believes", "believe", "believed", "thinks", "reckons", "reckoned", "convince", "convinced", "call", "calls", "called", "calling", "define", "defines", "defined", "describe", "describes", "described", "describing", "label", "labeled", "labelled", "brand", "branded", "dub", "dubbed", "question", "questioned"],
    "uk": [r"сказа\w*", r"заяв\w*", r"зазнач\w*", r"дода\w*", r"наголос\w*", r"повідоми\w*", r"повідомля\w*", r"підкресл\w*", r"розпові\w*", r"поясни\w*", r"поясню\w*", r"написа\w*", r"пише", r"вважа\w*", r"каже", r"казав\w*", r"говори\w*", r"відпові\w*", r"запевни\w*", r"запевня\w*", r"попереди\w*", r"попереджа\w*", r"визна\w*", r"закли\w*", r"пообіця\w*", r"переконув\w*", r"переконав\w*", r"нагада\w*", r"висловив\w*", r"висловила", r"прогнозува\w*", r"йдеться", r"зауважи\w*", r"зауважу\w*", r"згаду\w*", r"розповіда\w*", r"поділи\w*", r"ділиться", r"уточни\w*", r"коментува\w*", r"прокоментува\w*", r"цитує", r"процитува\w*", r"переконаний", r"переконана", r"назва\w*", r"назива\w*", r"підсумува\w*", r"резюмува\w*"],
    "ru": [r"сказа\w*", r"заяви\w*", r"заявля\w*", r"отмети\w*", r"отмеча\w*", r"добави\w*", r"добавля\w*", r"подчеркн\w*", r"подчеркива\w*", r"сообщи\w*", r"сообща\w*", r"рассказа\w*", r"рассказыва\w*", r"поясни\w*", r"поясня\w*", r"написа\w*", r"пишет", r"считает", r"считают", r"говори\w*", r"говорит", r"ответи\w*", r"отвеча\w*", r"заверил\w*", r"признал\w*", r"признаёт", r"признает", r"призна\w*", r"предупреди\w*", r"призва\w*", r"пообеща\w*", r"напомни\w*", r"выразил\w*", r"уточни\w*", r"прокомментирова\w*", r"комментиру\w*", r"процитирова\w*", r"думает", r"полагает", r"уверен", r"уверена", r"заключил\w*", r"констатирова\w*", r"возмути\w*", r"пошутил\w*", r"спроси\w*", r"обратил\w*", r"назвал\w*", r"называ\w*", r"подытожи\w*", r"резюмирова\w*"],
}

# Phrases that name the source after them: "according to X", "за словами X", "по словам X".
SOURCE_PHRASES = (
    r"according\s+to|in\s+the\s+words\s+of|за\s+словами|на\s+думку|як\s+зазначив\w*|як\s+заяви\w*|"
    r"як\s+розпові\w*|як\s+повідоми\w*|по\s+словам|по\s+мнению|как\s+отмети\w*|как\s+заяви\w*|"
    r"как\s+сообщи\w*|как\s+сказа\w*"
)

# Verbs that take the person spoken TO as object: "told X", "asked X" (X is never the speaker).
ADDRESSEE_VERBS = frozenset(["tell", "tells", "told", "telling", "ask", "asks", "asked", "urge", "urges", "urged"])


def verb_alternation() -> str:
    english = "|".join(re.escape(w) for w in SPEECH_VERBS["en"])
    slavic = "|".join(SPEECH_VERBS["uk"] + SPEECH_VERBS["ru"])
    return f"{english}|{slavic}|went\\s+on|put\\s+it"


VERB = re.compile(rf"(?<![\w-])(?:(?P<source>{SOURCE_PHRASES})|{verb_alternation()})(?!\w)", re.IGNORECASE)
