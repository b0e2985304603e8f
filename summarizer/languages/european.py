"""Languages written in Latin and Cyrillic letters: capitals, spaces and full stops as in English."""

from __future__ import annotations

from .model import Language


def _set(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _months(text: str, separator: str | None = None) -> tuple[tuple[str, ...], ...]:
    """Twelve ``|``-separated groups of forms (split on ``separator``, or spaces), January first."""
    months = tuple(tuple(form.strip() for form in group.split(separator)) for group in text.split("|"))
    assert len(months) == 12, text
    return months


ENGLISH = Language(
    code="en",
    name="english",
    native="English",
    snowball="english",
    months=_months(
        "january jan|february feb|march mar|april apr|may|june jun|july jul|august aug|"
        "september sep sept|october oct|november nov|december dec"
    ),
    quotes=(("“", "”"), ('"', '"'), ("‘", "’")),
)

GERMAN = Language(
    code="de",
    name="german",
    native="Deutsch",
    decimal_comma=True,
    snowball="german",
    capitalized_nouns=True,
    ordinal_period=True,
    titles=_set(
        "dr prof hr fr frl nr st bzw ca vgl z.b u.a d.h dipl ing mag"
        # abbreviations inside a sentence only ("Antriebs- u. Motorsysteme", "Anm. d. Red.", "unter Tel. 02382")
        " u d s v anm tel evtl ggf inkl zzgl bzgl bspw sog geb gest"
    ),
    starters=_set("der die das ein eine er sie es wir ich ihr man in im am an auf aber und doch auch so nach vor"),
    months=_months(
        "januar jänner jan|februar feb|märz mär|april apr|mai|juni jun|juli jul|august aug|"
        "september sep sept|oktober okt|november nov|dezember dez"
    ),
    quotes=(("„", "“"), ("»", "«"), ("“", "”"), ('"', '"')),
    boilerplate=(
        "lesen sie auch",
        "lesen sie mehr",
        "mehr zum thema",
        "anzeige",
        "werbung",
        "zum artikel",
        "jetzt abonnieren",
        "artikel teilen",
        "weiterlesen",
        "das könnte sie auch interessieren",
    ),
)

FRENCH = Language(
    code="fr",
    name="french",
    native="Français",
    decimal_comma=True,
    snowball="french",
    titles=_set("m mm mme mmes mlle dr pr me st ste"),
    starters=_set("le la les un une il elle ils elles on nous je en au aux mais et ce cette dans pour"),
    months=_months(
        "janvier janv|février févr|mars|avril avr|mai|juin|juillet juil|août|septembre sept|"
        "octobre oct|novembre nov|décembre déc"
    ),
    quotes=(("«", "»"), ("“", "”"), ('"', '"')),
    boilerplate=("lire aussi", "à lire aussi", "publicité", "abonnez-vous", "lire la suite", "voir aussi"),
)

SPANISH = Language(
    code="es",
    name="spanish",
    native="Español",
    decimal_comma=True,
    snowball="spanish",
    titles=_set("sr sra srta sres dr dra d dña lic ing prof gral"),
    starters=_set("el la los las un una en pero y este esta ese esa con por para según sin al del"),
    months=_months(
        "enero ene|febrero feb|marzo mar|abril abr|mayo may|junio jun|julio jul|agosto ago|"
        "septiembre setiembre sep sept|octubre oct|noviembre nov|diciembre dic"
    ),
    quotes=(("«", "»"), ("“", "”"), ('"', '"')),
    boilerplate=(
        "publicidad",
        "lee también",
        "lea también",
        "te puede interesar",
        "le puede interesar",
        "suscríbete",
        "noticia relacionada",
        "más información",
    ),
)

PORTUGUESE = Language(
    code="pt",
    name="portuguese",
    native="Português",
    decimal_comma=True,
    snowball="portuguese",
    titles=_set("sr sra srta dr dra prof profa eng gen"),
    starters=_set("o a os as um uma em no na mas e este esta esse essa com por para segundo ele ela"),
    months=_months(
        "janeiro jan|fevereiro fev|março mar|abril abr|maio mai|junho jun|julho jul|agosto ago|"
        "setembro set|outubro out|novembro nov|dezembro dez"
    ),
    quotes=(("“", "”"), ("«", "»"), ('"', '"')),
    boilerplate=("publicidade", "leia também", "leia mais", "veja também", "saiba mais"),
)

ITALIAN = Language(
    code="it",
    name="italian",
    native="Italiano",
    decimal_comma=True,
    snowball="italian",
    titles=_set("sig sigg sig.ra dott dott.ssa prof avv ing on gen"),
    starters=_set("il lo la i gli le un una in ma e questo questa con per secondo nel nella"),
    months=_months(
        "gennaio gen|febbraio feb|marzo mar|aprile apr|maggio mag|giugno giu|luglio lug|agosto ago|"
        "settembre set|ottobre ott|novembre nov|dicembre dic"
    ),
    quotes=(("«", "»"), ("“", "”"), ('"', '"')),
    boilerplate=("leggi anche", "pubblicità", "iscriviti", "leggi tutto", "potrebbe interessarti"),
)

TURKISH = Language(
    code="tr",
    name="turkish",
    native="Türkçe",
    decimal_comma=True,
    snowball="turkish",
    ordinal_period=True,
    titles=_set("dr prof doç av yrd sn"),
    starters=_set("bu bir ve ama ancak o onlar şu"),
    months=_months(
        "ocak|şubat|mart|nisan|mayıs|haziran|temmuz|ağustos|eylül|ekim|kasım|aralık",
    ),
    quotes=(("“", "”"), ("«", "»"), ('"', '"')),
    boilerplate=("ilginizi çekebilir", "reklam", "ayrıca okuyun", "haberin devamı", "abone ol"),
)

INDONESIAN = Language(
    code="id",
    name="indonesian",
    native="Bahasa Indonesia",
    decimal_comma=True,
    snowball="indonesian",
    titles=_set("dr prof ir h hj drs bpk sdr"),
    starters=_set("ini itu dan tetapi namun ia dia mereka kami kita di pada dalam"),
    months=_months(
        "januari jan|februari feb|maret mar|april apr|mei|juni jun|juli jul|agustus agu agt|"
        "september sep|oktober okt|november nov|desember des"
    ),
    quotes=(("“", "”"), ('"', '"')),
    boilerplate=("baca juga", "iklan", "simak juga", "lihat juga", "artikel terkait"),
)

RUSSIAN = Language(
    code="ru",
    name="russian",
    native="Русский",
    decimal_comma=True,
    snowball="russian",
    titles=_set("им ул пр проф акад тов т.е т.к кв"),
    starters=_set("в во на но и а он она они мы я это этот эта по с со к как"),
    months=_months(
        "январь января янв|февраль февраля фев|март марта мар|апрель апреля апр|май мая|"
        "июнь июня июн|июль июля июл|август августа авг|сентябрь сентября сен сент|"
        "октябрь октября окт|ноябрь ноября ноя|декабрь декабря дек"
    ),
    quotes=(("«", "»"), ("„", "“"), ('"', '"')),
    boilerplate=("читайте также", "реклама", "подписывайтесь", "читать далее", "смотрите также"),
)

UKRAINIAN = Language(
    code="uk",
    name="ukrainian",
    native="Українська",
    decimal_comma=True,
    titles=_set("м ім вул проф акад д-р т.б т.д т.зв кв"),
    starters=_set("в у на але і й а він вона вони ми я це цей ця за з зі до як"),
    months=_months(
        "січень січня|лютий лютого|березень березня|квітень квітня|травень травня|червень червня|"
        "липень липня|серпень серпня|вересень вересня|жовтень жовтня|листопад листопада|грудень грудня"
    ),
    quotes=(("«", "»"), ("„", "“"), ('"', '"')),
    boilerplate=("читайте також", "реклама", "підписуйтесь", "підписуйтеся", "читати далі", "дивіться також"),
)

LANGUAGES = (ENGLISH, RUSSIAN, UKRAINIAN, SPANISH, PORTUGUESE, GERMAN, FRENCH, ITALIAN, TURKISH, INDONESIAN)
