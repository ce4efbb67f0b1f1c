"""Speech verbs, one table per language, compiled into the one regex `speakers` scans with.

English lists the forms; Ukrainian and Russian verbs inflect for gender, number and tense, so
each entry is a stem that every form of the verb starts with (заяв- covers заявив, заявила,
заявили, заявляє; сказа- covers сказав, сказала, сказал, сказали). A stem never stands for a
noun that is not speech (заява, "statement", is fine: it reports speech too).
"""

from __future__ import annotations

import re


def _table(words: str) -> tuple[str, ...]:
    return tuple(words.split())


SPEECH_VERBS: dict[str, tuple[str, ...]] = {
    "en": _table(
        "quipped quips say says said saying tell tells told telling ask asks asked add adds added adding "
        "stated noted noting claimed claiming argue argues argued arguing warn warns warned warning write "
        "writes wrote writing explain explains explained insist insists insisted declare declares declared "
        "declaring announce announces announced recall recalls recalled reply replies replied respond "
        "responds responded remark remarked suggest suggests suggested admit admits admitted acknowledge "
        "acknowledges acknowledged stress stresses stressed emphasise emphasised emphasize emphasized "
        "reported tweet tweeted posted commented urge urges urged promise promises promised pledge pledged "
        "pledging vow vowed predict predicts predicted accuse accuses accused concede conceded conclude "
        "concluded confirm confirms confirmed deny denies denied speak speaks spoke quoted quoting propose "
        "proposed threaten threatened boast boasted complain complained joked testified assert asserted "
        "maintain maintains maintained observe observed snaps snapped muses mused laughs laughed sighs sighed "
        "continues continued adds explains tells recalls writes believes believe believed thinks reckons "
        "reckoned convince convinced call calls called calling define defines defined describe describes "
        "described describing labeled labelled branded dub dubbed questioned"
    ),
    "uk": _table(
        r"сказа\w* заяв\w* зазнач\w* дода\w* наголос\w* повідоми\w* повідомля\w* підкресл\w* розпові\w* "
        r"поясни\w* поясню\w* написа\w* пише вважа\w* каже казав\w* говори\w* відпові\w* запевни\w* запевня\w* "
        r"попереди\w* попереджа\w* визна\w* закли\w* пообіця\w* переконув\w* переконав\w* нагада\w* "
        r"висловив\w* висловила прогнозува\w* йдеться зауважи\w* зауважу\w* згаду\w* розповіда\w* поділи\w* "
        r"ділиться уточни\w* коментува\w* прокоментува\w* цитує процитува\w* переконаний переконана назва\w* "
        r"назива\w* підсумува\w* резюмува\w* поцікави\w* запита\w* спита\w*"
    ),
    "ru": _table(
        r"сказа\w* заяви\w* заявля\w* отмети\w* отмеча\w* добави\w* добавля\w* подчеркн\w* подчеркива\w* "
        r"сообщи\w* сообща\w* рассказа\w* рассказыва\w* поясни\w* поясня\w* написа\w* пишет считает считают "
        r"говори\w* говорит ответи\w* отвеча\w* заверил\w* признал\w* признаёт признает призна\w* "
        r"предупреди\w* призва\w* пообеща\w* напомни\w* выразил\w* уточни\w* прокомментирова\w* комментиру\w* "
        r"процитирова\w* думает полагает уверен уверена заключил\w* констатирова\w* возмути\w* пошутил\w* "
        r"спроси\w* обратил\w* назвал\w* называ\w* подытожи\w* резюмирова\w*"
    ),
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
