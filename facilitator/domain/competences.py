"""The four competences of the official in citizen-driven co-creation, as the reflection asks them.

From the two Roskilde University theses behind the product (see PRODUCT.md):
supportive, not directive; building relations; the link between citizens and
the municipality; adapting the role. After a meeting the official rates each
on a scale of 1-5, helped by a few short questions, and may add a note. The
questions are prompts for thinking, not separate answers: the reflection
stores one score per competence (table `reflection`), so it takes two minutes.
"""

from __future__ import annotations

from dataclasses import dataclass

from facilitator.i18n import N_, _

SCALE_MIN = 1
SCALE_MAX = 5
# A few lines, not an essay: the note is for the official's own memory.
MAX_NOTE_LENGTH = 4_000


@dataclass(frozen=True)
class Competence:
    """One competence: its key (the reflection's column), its name and its questions (msgids)."""

    key: str
    name_msgid: str
    short_msgid: str
    question_msgids: tuple[str, ...]

    @property
    def name(self) -> str:
        """The competence's name in the app's language."""
        return _(self.name_msgid)

    @property
    def short(self) -> str:
        """A one- or two-word name for a table's column."""
        return _(self.short_msgid)

    @property
    def questions(self) -> tuple[str, ...]:
        """The questions in the app's language."""
        return tuple(_(q) for q in self.question_msgids)


COMPETENCES: tuple[Competence, ...] = (
    Competence(
        "supportive",
        N_("Understøttende, ikke styrende"),
        N_("Understøttende"),
        (
            N_("Ventede jeg, til borgerne selv tog ordet?"),
            N_("Trådte jeg først til, da borgerne bad om hjælp eller ressourcer?"),
            N_("Var jeg mere hjælper end projektleder?"),
        ),
    ),
    Competence(
        "relations",
        N_("Skabe relationer"),
        N_("Relationer"),
        (
            N_("Mødte jeg borgerne som ligeværdige samarbejdspartnere?"),
            N_("Var der et rum, hvor borgerne delte holdninger, erfaringer og idéer?"),
        ),
    ),
    Competence(
        "liaison",
        N_("Bindeled mellem borgerne og kommunen"),
        N_("Bindeled"),
        (
            N_("Ved jeg, hvad politikerne skal orienteres om?"),
            N_("Ved jeg, hvilke idéer der skal tjekkes mod regler og planer?"),
            N_("Kan borgernes ønsker komme hurtigt videre i forvaltningen?"),
        ),
    ),
    Competence(
        "adapting",
        N_("Tilpasse rollen"),
        N_("Tilpasse rollen"),
        (
            N_("Passede min rolle til, hvor selvkørende gruppen er?"),
            N_("Gav jeg den støtte, gruppen havde brug for – hverken mere eller mindre?"),
        ),
    ),
)

COMPETENCE_KEYS: tuple[str, ...] = tuple(c.key for c in COMPETENCES)


def scale_words(score: int) -> str:
    """What a score means, for the scale's tooltip and the trend (1 = slet ikke, 5 = i høj grad)."""
    words = {
        1: N_("Slet ikke"),
        2: N_("I ringe grad"),
        3: N_("Nogenlunde"),
        4: N_("I god grad"),
        5: N_("I høj grad"),
    }
    return _(words[score])
