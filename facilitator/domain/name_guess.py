"""Guessing whether a typed text names a person, so a name is not printed without consent.

Who carries an idea, an ask or a next step is meant to be a citizen group
("Borgergruppen i Knebel", "Shelter-gruppen"); a person's name there goes
into the brief. The rule looks at the words as people write them:

- a *name run* is a stretch of capitalised words ("Anna Holm", "Łukasz
  Wiśniewski", "Олена Коваленко"), broken by lowercase words ("i", "og"),
  punctuation, the project's villages and ordinary words ("Alle", "Flere");
  name particles ("van", "al-") do not break it;
- a run with a group word ("-gruppen", "forening", "råd", "Skolen") names a
  group or an institution, not a person;
- a known first name (resources/names/first_names.txt, plus the first names
  of the project's registered people) alone is enough ("Mette").

`looks_like_person` is the strict rule for a "carried by" label; it would
rather warn once too often. `names_in_text` is the lighter rule for free text
(an idea's title, an ask): only "Firstname Surname" with a known first name.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import Enum
from functools import cache

from facilitator.paths import resource

# Endings that make a word a group, an institution or an organisation. Danish puts the
# head of a compound last ("Borgergruppen", "Beboerforeningen", "Lokalrådet"), so only the
# end of a word counts: "Kirkegaard" and "Konrad" are names, "Sognekirken" is not.
_GROUP_ENDING = re.compile(
    r"(?:gruppe|forening|laug|råd|raad|klub|selskab|udvalg|netværk|skole|børnehave|kommune"
    r"|bestyrelse|komit[eé]|initiativ|projekt|borger|beboer|lokalsamfund|landsby|kirke"
    r"|menighed|spejder|ungdom|idræt|fællesskab|kollektiv|forsamlingshus|museum|museet"
    r"|bibliotek|center|centret|brugs|afdeling|forvaltning|sekretariat|team|forum|firma"
    r"|fond|park|venner|kor|orkester|holdet|kommission|group|club|association|society"
    r"|council|school|verein|schule)"
    r"(?:e|en|er|erne|et|ne|n|s|ben|men)?$"
)
# Whole words that name an organisation on their own ("Knebel IF", "Rønde ApS").
_GROUP_WORDS = frozenset({"if", "bk", "fc", "aps", "kfum", "kfuk", "dgi", "fdf"})

# Capitalised words that start an ordinary Danish sentence or label, not a name.
_ORDINARY_WORDS = """
alle flere mange nogle få de den det der her vi jeg du han hun man en et hele begge ingen
andre øvrige borgerne borgere beboerne beboere naboer naboerne folk unge ældre børn
forældre frivillige mødet deltagerne os vores jer jeres nye gamle store lille fælles
grøn grønt grønne hver hvem samme sammen tak mvh kære hej god godt ny gammel stor to tre fire fem
ti the all many some everyone people mandag tirsdag onsdag torsdag fredag lørdag søndag
januar februar marts april maj juni juli september oktober november december jul påske
sommer vinter forår efterår nord syd øst vest midt nedre øvre
"""

# Endings of Danish nouns ("Omstilling", "Sundhed", "Kommunikation"), rare in surnames.
_NOUN_ENDING = re.compile(
    r"(?:ning|ling|ring|hed|tion|sion|isme|itet|skab)(?:en|er|erne|et|ne|n)?$"
)

# Name particles that may sit lowercase inside a name ("Ludwig van Beethoven", "Omar al-Hassan").
_PARTICLES = frozenset({"van", "von", "de", "der", "den", "da", "di", "du", "la", "le",
                        "al", "el", "bin", "ibn", "abu", "ter", "ten", "af"})

# Known first names that are also ordinary lowercase words ("bo", "per", "hans"): in a
# text written all in lowercase they say nothing.
_ALSO_WORDS = frozenset({"bo", "per", "hans", "karl", "mark", "august", "roman", "liv",
                         "trine", "dan", "kim", "stig", "rune", "ane"})

# Characters that end a run of names: a sentence or a list goes on to something else.
_BREAKS = re.compile(r"[.,;:!?()\[\]{}\"«»/|+&*=<>\n\r\t–—•]")
# A word: letters (any script) with inner hyphens or apostrophes; digits make it no name.
_WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|['’\-](?=[^\W\d_]))*", re.UNICODE)

_PLAIN = {"ł": "l", "ø": "o", "đ": "d", "ı": "i", "æ": "ae", "œ": "oe", "ß": "ss", "’": "'"}


def fold(text: str) -> str:
    """Lowercase without diacritics, as names are compared ("Łukasz" → "lukasz", "Søren" → "soren")."""
    lowered = "".join(_PLAIN.get(c, c) for c in unicodedata.normalize("NFC", text).casefold())
    decomposed = unicodedata.normalize("NFKD", lowered)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


_ORDINARY = frozenset(fold(w) for w in _ORDINARY_WORDS.split())


@cache
def first_names() -> frozenset[str]:
    """The shipped list of common first names, folded."""
    lines = resource("names", "first_names.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(fold(line.strip()) for line in lines if line.strip() and line[0] != "#")


class Kind(Enum):
    """What a word is, for the rule."""

    FIRST_NAME = "first name"
    CAPITALISED = "capitalised"  # a capitalised word of no other kind: a surname, maybe
    GROUP = "group"
    PLACE = "place"
    ORDINARY = "ordinary"
    LOWER = "lower"


@dataclass(frozen=True)
class Word:
    """One word of the text, where it is, and what it is."""

    text: str
    start: int
    end: int
    kind: Kind
    capital: bool  # written with a capital (or read so: a text all in one case)


@dataclass(frozen=True)
class Context:
    """What the project knows: its villages and its registered people's names."""

    places: tuple[str, ...] = ()
    people: tuple[str, ...] = ()

    @property
    def place_words(self) -> frozenset[str]:
        """Every word of every village name, folded."""
        return frozenset(fold(w) for p in self.places for w in _WORD.findall(p))

    @property
    def people_first_names(self) -> frozenset[str]:
        """The first word of each registered person's name, folded."""
        firsts = (_WORD.findall(name)[:1] for name in self.people)
        return frozenset(fold(f[0]) for f in firsts if f)


def _is_group(word: str) -> bool:
    lowered = unicodedata.normalize("NFC", word).casefold()
    return lowered in _GROUP_WORDS or _GROUP_ENDING.search(lowered) is not None


def _first_name(folded: str, names: frozenset[str]) -> bool:
    """A known first name, also in a double name ("Anne-Marie") or with a possessive ("Annas")."""
    if folded in names or any(p in names for p in folded.split("-")):
        return True
    for ending in ("'s", "'", "s"):
        stem = folded[: -len(ending)]
        # "Dans" is a dance before it is Dan's.
        if folded.endswith(ending) and stem in names and stem not in _ALSO_WORDS:
            return True
    return False


def _cased_script(word: str) -> bool:
    return any(c.isupper() or c.islower() for c in word)


def _capitalised(word: str) -> bool:
    """Written as a name is: a capital first ("Anna", "Bødker-Nielsen"), or a particle+capital."""
    if word[0].isupper():
        return True
    head, _sep, rest = word.partition("-")
    return bool(rest) and head.casefold() in _PARTICLES and rest[0].isupper()


def _acronym(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def words(text: str, context: Context = Context(), any_case: bool = False) -> list[Word]:
    """The words of `text`, each with its kind; `any_case` reads lowercase words as capitalised."""
    names = first_names() | context.people_first_names
    places = context.place_words
    found: list[Word] = []
    text = unicodedata.normalize("NFC", text)
    for match in _WORD.finditer(text):
        word = match.group()
        folded = fold(word)
        base = folded[:-1] if folded.endswith("s") else folded
        cased = _cased_script(word)
        if any_case:
            capital = cased and folded not in _ALSO_WORDS
        else:
            capital = cased and _capitalised(word) and not _acronym(word)
        # "A. Holm": an initial is part of a name.
        initial = len(word) == 1 and capital and text[match.end():match.end() + 1] == "."
        # "Anna-gruppen" is named after a person: the name counts, not the group.
        named_group = any(_first_name(fold(part), names) for part in word.split("-")[:-1])
        if _is_group(word) and not (named_group and capital):
            kind = Kind.GROUP
        elif folded in places or base in places:
            kind = Kind.PLACE
        elif folded in _ORDINARY:
            kind = Kind.ORDINARY
        elif _first_name(folded, names) and (capital or not cased):
            kind = Kind.FIRST_NAME
        elif _NOUN_ENDING.search(folded):
            kind = Kind.ORDINARY
        elif capital and (len(word) >= 2 or initial):
            kind = Kind.CAPITALISED
        else:
            kind = Kind.LOWER
        found.append(Word(word, match.start(), match.end(), kind, capital))
    return found


def runs(text: str, context: Context = Context(), any_case: bool = False) -> list[list[Word]]:
    """Stretches of capitalised words (first names, others, group words) that may be one name."""
    text = unicodedata.normalize("NFC", text)
    result: list[list[Word]] = []
    current: list[Word] = []
    previous_end = 0
    for word in words(text, context, any_case):
        gap = text[previous_end:word.start]
        initial = len(current) > 0 and len(current[-1].text) == 1 and gap.strip() == "."
        if current and _BREAKS.search(gap) and not initial:
            result.append(current)
            current = []
        if word.kind in (Kind.FIRST_NAME, Kind.CAPITALISED) or (
            word.kind is Kind.GROUP and word.capital
        ):
            current.append(word)
        elif word.kind is Kind.LOWER and current and fold(word.text) in _PARTICLES:
            pass  # "van", "de", "al" inside a name keep the run going
        elif current:
            result.append(current)
            current = []
        previous_end = word.end
    if current:
        result.append(current)
    return result


def _cased_capitalised(run: Sequence[Word]) -> int:
    return sum(1 for w in run if w.kind is Kind.CAPITALISED and _cased_script(w.text))


def has_group_word(text: str) -> bool:
    """Some word of `text` names a group or an institution ("gruppe", "forening", "Skolen")."""
    return any(_is_group(w) for w in _WORD.findall(text))


def looks_like_person(text: str, context: Context = Context()) -> bool:
    """True when `text` (a "carried by" label) probably names a person.

    A known first name anywhere ("Mette", "Annas gruppe", even "Karen Blixen
    Museet": a group's own name is judged before this), or two capitalised
    words in a row that are no group, village or ordinary word ("Zdzisław
    Kowalczyk", "A. Holm"). Written all in lowercase (or all in capitals),
    only known first names count.
    """
    cased = [c for c in text if c.isupper() or c.islower()]
    uniform = bool(cased) and (all(c.islower() for c in cased) or all(c.isupper() for c in cased))
    if any(w.kind is Kind.FIRST_NAME for w in words(text, context, uniform)):
        return True
    if uniform:
        return False
    for run in runs(text, context):
        if not any(w.kind is Kind.GROUP for w in run) and _cased_capitalised(run) >= 2:
            return True
    return False


def names_in_text(text: str, context: Context = Context()) -> list[str]:
    """"Firstname Surname" names of unregistered people in free text, as written, each once.

    Lighter than `looks_like_person`: a known first name followed by a
    capitalised surname, in a run with no group word; names of the project's
    registered people are left out (the brief hides or shows them by consent).
    """
    text = unicodedata.normalize("NFC", text)
    registered = {_key(p) for p in context.people}
    found: list[str] = []
    for run in runs(text, context):
        if any(w.kind is Kind.GROUP for w in run):
            continue
        for index, word in enumerate(run[:-1]):
            if word.kind is not Kind.FIRST_NAME or not word.text[0].isupper():
                continue
            rest = run[index + 1:]
            if not rest or len(rest[0].text) < 2:
                continue
            name = text[word.start:run[-1].end]
            key = _key(name)
            # "Karen Vestergaards forslag" is Karen Vestergaard's.
            plain = re.sub(r"(?:'s|'|s)$", "", key)
            if key not in registered and plain not in registered and name not in found:
                found.append(name)
            break
    return found


class Carrier(Enum):
    """What a "carried by" label is, and whether it may be saved as it stands."""

    EMPTY = "empty"
    GROUP = "group"  # one of the project's citizen groups
    NAMED_PERSON = "named person"  # a registered person who consented to be named
    UNNAMED_PERSON = "unnamed person"  # a registered person without that consent
    LOOKS_LIKE_PERSON = "looks like a person"
    PLAIN = "plain"  # some other text that names no one

    @property
    def safe(self) -> bool:
        """The label may go into the brief as it stands."""
        return self not in (Carrier.UNNAMED_PERSON, Carrier.LOOKS_LIKE_PERSON)


def _key(text: str) -> str:
    return " ".join(fold(w) for w in _WORD.findall(text))


def _without(text: str, names: Iterable[str]) -> str:
    """`text` with every occurrence of `names` (as whole words, any case) taken out."""
    for name in sorted(names, key=len, reverse=True):
        parts = [re.escape(p) for p in _WORD.findall(name)]
        if parts:
            pattern = r"(?<!\w)" + r"[\s\-]+".join(parts) + r"(?!\w)"
            text = re.sub(pattern, " · ", text, flags=re.IGNORECASE)
    return text


def judge_carrier(
    label: str,
    groups: Iterable[str] = (),
    named: Iterable[str] = (),
    unnamed: Iterable[str] = (),
    places: Iterable[str] = (),
) -> Carrier:
    """What `label` is, given the project's groups, people (by consent) and villages."""
    if not _WORD.search(label):
        return Carrier.EMPTY
    groups, named, unnamed = list(groups), list(named), list(unnamed)
    key = _key(label)
    if key in {_key(g) for g in groups}:
        return Carrier.GROUP
    if key in {_key(n) for n in named}:
        return Carrier.NAMED_PERSON
    unnamed_keys = {_key(n) for n in unnamed if _key(n)}
    if key in unnamed_keys or any(f" {k} " in f" {key} " for k in unnamed_keys):
        return Carrier.UNNAMED_PERSON
    # A consented name or a known group inside a longer label is fine; judge the rest.
    rest = _without(label, [*named, *groups])
    context = Context(tuple(places), tuple([*named, *unnamed]))
    return Carrier.LOOKS_LIKE_PERSON if looks_like_person(rest, context) else Carrier.PLAIN
