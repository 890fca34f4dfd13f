"""What happens in the demo project: a fictional multi-village project on Mols, as plain data.

Everything here is invented (Molsø Kommune does not exist; the people are
made up). It is what an official would have typed, so it is user data in
Danish, not interface text: it does not go through `_()`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from facilitator.domain.enums import AskKind, CheckKind, OwnerSide, Regulation, Role

PROJECT_NAME = "Mols i Udvikling (demo)"
VILLAGES = ("Agri", "Femmøller", "Helgenæs", "Knebel", "Rolsø", "Vrinners")
MUNICIPALITY = "Molsø Kommune"
OFFICIAL_NAME = "Mette Kragh"
OFFICIAL_DEPARTMENT = "Lokalsamfund og Nærdemokrati"

C, O, P, S = Role.CITIZEN, Role.OFFICIAL, Role.POLITICIAN, Role.SILENCE  # noqa: E741 - script shorthand


@dataclass(frozen=True)
class DemoPerson:
    """A citizen recorded by name; only one of the two agreed to be named."""

    key: str
    name: str
    contact: str
    may_be_named: bool
    may_be_contacted: bool


# The project's citizen groups, as the official keeps them in the list.
GROUPS = (
    "Agri Beboerforening", "Borgergruppen i Knebel", "Femmøller Strandgruppe",
    "Grøn Omstilling Mols", "Gårdbutikkerne på Mols", "Helgenæs Borgerforening",
    "Helgenæs Naturgruppe", "Kulturgruppen på Mols", "Rolsø Borgerforening",
    "Ungegruppen på Mols", "Vrinners Landsbylaug",
)

PEOPLE = (
    DemoPerson("karen", "Karen Vestergaard", "karen@example.org", True, True),
    DemoPerson("jens", "Jens Bødker", "", False, True),
)


@dataclass(frozen=True)
class Talk:
    """`role` holds the floor for between `low` and `high` seconds (seeded draw)."""

    role: Role
    low: int
    high: int


@dataclass(frozen=True)
class Pause:
    """Time passes and nobody new is marked (e.g. the room thinks after a question)."""

    seconds: int


@dataclass(frozen=True)
class Question:
    """The official asks the room a question: the hold-back starts."""


@dataclass(frozen=True)
class Dismiss:
    """The official dismisses the newest nudge."""


@dataclass(frozen=True)
class DemoIdea:
    """An idea as the official captured it."""

    title: str
    by: str
    place: str
    theme: str
    detail: str = ""
    check: CheckKind | None = None
    note: str = ""
    person: str | None = None


@dataclass(frozen=True)
class DemoAsk:
    """A resource ask; `idea` is the title of the idea it belongs to."""

    what: str
    kind: AskKind
    by: str
    department: str
    idea: str = ""
    amount: int | None = None
    due: date | None = None
    decision: bool = False
    person: str | None = None


@dataclass(frozen=True)
class DemoStep:
    """A next step."""

    what: str
    side: OwnerSide
    owner: str
    due: date | None = None


@dataclass(frozen=True)
class DemoRound:
    """A prioritisation round (prikafstemning): the ideas numbered, then each idea's dots typed.

    `votes` pairs an idea's title with its count; an idea not named got none.
    """

    votes: tuple[tuple[str, int], ...]


Event = Talk | Pause | Question | Dismiss | DemoIdea | DemoAsk | DemoStep | DemoRound


@dataclass(frozen=True)
class DemoPhase:
    """An agenda item and what happens in it."""

    title: str
    minutes: int
    script: tuple[Event, ...] = ()
    question: str = ""  # the question put to the room, written when the agenda is planned


@dataclass(frozen=True)
class DemoMeeting:
    """A meeting; `held` meetings are run through the live session and closed."""

    title: str
    at: datetime  # local (Danish) time, as the official typed it
    utc_offset_hours: int  # Danish winter time; kept explicit so no time-zone data is needed
    venue: str
    places: tuple[str, ...]
    phases: tuple[DemoPhase, ...]
    held: bool
    attendance: int | None = None
    # The coast and the national park make meeting 2 a heavily regulated one.
    regulation: Regulation = Regulation.LIGHT


def _idea_turns(idea: DemoIdea, follow_up: bool = True) -> tuple[Event, ...]:
    """A citizen presents an idea, others add to it, the official notes it down."""
    talk: tuple[Event, ...] = (Talk(C, 90, 180),)
    if follow_up:
        talk += (Pause(3), Talk(C, 50, 120))
    return (*talk, idea, Pause(4))


# ----- meeting 1: Knebel, November ----------------------------------------

K_PLAYGROUND = DemoIdea(
    "Legeplads og mødested ved Knebel Forsamlingshus", "Borgergruppen i Knebel", "Knebel",
    "Mødesteder", "Et sted hvor børnefamilier og ældre mødes: legeplads, borde og bænke og en lille "
    "overdækning.", person="karen",
)
K_SHELTER = DemoIdea(
    "Shelterplads og bålhytte ved Agri Bavnehøj", "Agri Beboerforening", "Agri",
    "Natur og friluftsliv", "Tre shelters og en bålhytte, som skolen og spejderne kan bruge.",
    CheckKind.LEGISLATION, "Arealet er fredet og ligger i et Natura 2000-område: kræver det "
    "dispensation fra fredningen?",
)
K_SCHOOLROAD = DemoIdea(
    "Sikker skolevej langs Vrinnersvej", "Vrinners Landsbylaug", "Vrinners", "Trafik og tryghed",
    "Børnene cykler på en smal vej med 80 km/t. Ønske om fortov eller 40-zone ved bebyggelsen.",
    CheckKind.MUNICIPAL_WORK, "Vejafdelingen planlægger ny asfalt på strækningen i 2026.",
)
K_DINNER = DemoIdea(
    "Fællesspisning en gang om måneden", "Rolsø Borgerforening", "Rolsø", "Fællesskab og kultur",
    "Skiftende madhold fra landsbyerne; tilflyttere inviteres særligt.",
)
K_CARSHARE = DemoIdea(
    "Delebiler mellem landsbyerne", "Grøn Omstilling Mols", "Knebel", "Grøn omstilling",
    "To elbiler, som kan bookes i en app, med ladestander ved forsamlingshuset.",
)
K_CYCLEPATH = DemoIdea(
    "Cykelsti mellem Knebel og Agri", "Agri Beboerforening", "Agri", "Trafik og tryghed",
    "Fire kilometer; i dag cykler ingen børn mellem byerne.",
    CheckKind.PLAN, "Stien skal med i kommuneplanens stinet, før den kan anlægges.",
)
K_MARKET = DemoIdea(
    "Lokalt fødevaremarked om lørdagen", "Borgergruppen i Knebel", "Knebel", "Erhverv og turisme",
    "Jens Bødker har tilbudt at låne sin lade ud til markedet om vinteren.", person="jens",
)
K_COASTPATH = DemoIdea(
    "Trampesti langs Kalø Vig fra Rolsø", "Rolsø Borgerforening", "Rolsø", "Natur og friluftsliv",
    check=CheckKind.LEGISLATION,
    note="Strandbeskyttelseslinjen: kræver dispensation efter naturbeskyttelsesloven § 15.",
)
K_DEFIB = DemoIdea(
    "Hjertestarter ved købmanden i Vrinners", "Vrinners Landsbylaug", "Vrinners",
    "Trafik og tryghed",
)
K_YOUTH = DemoIdea(
    "Ungdomsklub i den gamle skole i Agri", "Ungegruppen på Mols", "Agri", "Fællesskab og kultur",
    "De unge vil selv drive klubben to aftener om ugen.",
)
K_WELCOME = DemoIdea(
    "Velkomstpakke til nye tilflyttere", "Borgergruppen i Knebel", "Knebel", "Fællesskab og kultur",
)
K_SOLAR = DemoIdea(
    "Fælles solceller på forsamlingshusets tag", "Grøn Omstilling Mols", "Knebel", "Grøn omstilling",
    "Overskudsstrømmen skal gå til forsamlingshusets drift.",
    CheckKind.PLAN, "Lokalplanen for Knebel bymidte regulerer tagflader mod vejen.",
)

MEETING_1 = DemoMeeting(
    title="Borgermøde i Knebel om landsbyernes idéer",
    at=datetime(2025, 11, 11, 19, 0),
    utc_offset_hours=1,
    venue="Knebel Forsamlingshus",
    places=("Knebel", "Agri", "Vrinners", "Rolsø"),
    attendance=42,
    held=True,
    phases=(
        DemoPhase("Velkomst ved borgerværten fra Knebel", 10, (
            Pause(5), Talk(C, 240, 300), Pause(3), Talk(P, 60, 90), Pause(2), Talk(C, 90, 120),
        )),
        DemoPhase("Borgernes idérunde", 40, (
            Pause(6),
            *_idea_turns(K_PLAYGROUND), *_idea_turns(K_SHELTER), *_idea_turns(K_SCHOOLROAD),
            Talk(O, 30, 45), Pause(2),  # the official explains the road plans, briefly
            *_idea_turns(K_DINNER, False), *_idea_turns(K_CARSHARE), *_idea_turns(K_CYCLEPATH),
            *_idea_turns(K_MARKET), *_idea_turns(K_COASTPATH, False), *_idea_turns(K_DEFIB, False),
            *_idea_turns(K_YOUTH), Talk(P, 50, 80), Pause(2), *_idea_turns(K_WELCOME, False), *_idea_turns(K_SOLAR),
        )),
        DemoPhase("Hvad har I brug for fra kommunen?", 25, (
            Pause(7), Talk(C, 100, 140),
            DemoAsk("Tilskud til materialer til legepladsen", AskKind.MONEY, "Borgergruppen i Knebel",
                    "Kultur og Fritid", K_PLAYGROUND.title, 45_000, date(2026, 1, 15)),
            Talk(C, 150, 220),
            DemoAsk("Tilladelse til at bygge bålhytte på kommunens areal", AskKind.PERMIT,
                    "Agri Beboerforening", "Plan og Byg", K_SHELTER.title, None, date(2026, 2, 1)),
            # The official explains the rules at length: the talk-share nudge follows.
            Talk(O, 240, 270), Dismiss(), Question(), Pause(5), Talk(C, 150, 200),
            DemoAsk("Trafikfaglig vurdering af skolevejen", AskKind.EXPERTISE, "Vrinners Landsbylaug",
                    "Veje og Trafik", K_SCHOOLROAD.title, None, date(2025, 12, 15)),
            Talk(C, 150, 220),
            DemoAsk("Medfinansiering af cykelsti mellem Knebel og Agri", AskKind.MONEY,
                    "Agri Beboerforening", "Veje og Trafik", K_CYCLEPATH.title, 250_000,
                    date(2026, 3, 31), decision=True),
            Talk(P, 60, 80), Pause(2), Talk(C, 150, 220),
            DemoAsk("Lån af gymnastiksalen på Knebel Skole ved stor tilslutning", AskKind.VENUE,
                    "Rolsø Borgerforening", "Børn og Skole", K_DINNER.title, None, date(2025, 12, 1)),
            Talk(C, 120, 180),
            DemoAsk("Kontakt til Naturstyrelsen om trampestien", AskKind.CONTACT,
                    "Rolsø Borgerforening", "Natur og Miljø", K_COASTPATH.title),
        )),
        DemoPhase("Hvem gør hvad nu?", 15, (
            Pause(4), Talk(C, 120, 160),
            DemoStep("Laver skitse og budget til legepladsen", OwnerSide.CITIZENS,
                     "Borgergruppen i Knebel", date(2025, 12, 10)),
            Talk(C, 150, 220),
            DemoStep("Samler underskrifter for cykelstien", OwnerSide.CITIZENS,
                     "Agri Beboerforening", date(2026, 1, 31)),
            Talk(O, 40, 60),
            DemoStep("Svarer på ansøgningen om tilskud til legepladsen", OwnerSide.MUNICIPALITY,
                     "Kultur og Fritid", date(2026, 1, 15)),
            DemoStep("Besigtiger Vrinnersvej sammen med landsbylauget", OwnerSide.MUNICIPALITY,
                     "Veje og Trafik", date(2025, 12, 15)),
            Talk(C, 120, 180),
            DemoStep("Holder den første fællesspisning", OwnerSide.CITIZENS,
                     "Rolsø Borgerforening", date(2026, 1, 22)),
            Talk(C, 90, 140),
        )),
    ),
)

# ----- meeting 2: Femmøller, February --------------------------------------

F_JETTY = DemoIdea(
    "Badebro ved Femmøller Strand", "Femmøller Strandgruppe", "Femmøller", "Natur og friluftsliv",
    "En 60 meter lang bro, der kan tages op om vinteren; strandgruppen står for opsætningen.",
    CheckKind.LEGISLATION, "Kystnærhedszone og strandbeskyttelse: kræver tilladelse fra "
    "Kystdirektoratet.",
)
F_TRAIL = DemoIdea(
    "Natursti rundt om Helgenæs med fortællepæle", "Helgenæs Naturgruppe", "Helgenæs",
    "Natur og friluftsliv", "Fortællepæle om istiden, fiskerlejerne og krigen ved Dragsmur.",
    CheckKind.PLAN, "Dele af ruten ligger i landzone; afklares med kommuneplanens rammer.",
)
F_BUS = DemoIdea(
    "Aftenbus til Ebeltoft", "Helgenæs Borgerforening", "Helgenæs", "Trafik og tryghed",
    "Sidste bus går i dag kl. 18.10; unge og ældre uden bil er afskåret fra aftenaktiviteter.",
    CheckKind.MUNICIPAL_WORK, "Kommunens nye trafikplan sendes i høring i foråret.",
)
F_WORKSHOP = DemoIdea(
    "Fælles værksted i den tomme købmandsbutik i Agri", "Agri Beboerforening", "Agri",
    "Fællesskab og kultur", "Reparationscafé, cykelværksted og lån af værktøj.",
)
F_BEACH = DemoIdea(
    "Strandrydning hver måned", "Femmøller Strandgruppe", "Femmøller", "Natur og friluftsliv",
)
F_STORIES = DemoIdea(
    "Fortælleaftener med de ældste på Helgenæs", "Helgenæs Borgerforening", "Helgenæs",
    "Fællesskab og kultur",
    "Idéen kom fra Jens Bødker, som har boet på Helgenæs hele sit liv; Jens Bødkers nabo vil "
    "optage aftenerne.", person="jens",
)
F_SHELTER = DemoIdea(
    "Plan for vedligehold af shelterpladsen", "Agri Beboerforening", "Agri",
    "Natur og friluftsliv", "Spejderne og beboerforeningen deler opgaverne.",
)
F_FARMSHOPS = DemoIdea(
    "Turistkort over gårdbutikker på Mols", "Gårdbutikkerne på Mols", "Femmøller",
    "Erhverv og turisme",
)
F_LIGHT = DemoIdea(
    "Lys på stien fra Femmøller til parkeringspladsen", "Femmøller Strandgruppe", "Femmøller",
    "Trafik og tryghed", check=CheckKind.LEGISLATION,
    note="Belysning i nationalparken kræver tilladelse; lyset må ikke genere flagermus.",
)
F_CHOIR = DemoIdea(
    "Kor for alle aldre", "Kulturgruppen på Mols", "Agri", "Fællesskab og kultur",
    "Karen Vestergaard leder koret de første måneder.", person="karen",
)

MEETING_2 = DemoMeeting(
    title="Opfølgningsmøde i Femmøller",
    at=datetime(2026, 2, 24, 19, 0),
    utc_offset_hours=1,
    venue="Femmøller Forsamlingshus",
    places=("Femmøller", "Helgenæs", "Agri"),
    attendance=37,
    held=True,
    regulation=Regulation.HEAVY,
    phases=(
        DemoPhase("Velkomst og nyt fra arbejdsgrupperne", 15, (
            Pause(4), Talk(C, 180, 240), Pause(2), Talk(C, 150, 200), Pause(3), Talk(C, 120, 160),
            Talk(O, 50, 70), Pause(2), Talk(C, 120, 180),
        )),
        DemoPhase("Borgernes idérunde: kyst og natur", 35, question=(
            "Hvad skal kysten og naturen på Helgenæs og ved Femmøller kunne om fem år?"), script=(
            # Nobody starts: the hold-back runs out and the app suggests an open question.
            Pause(16), Question(), Pause(6),
            *_idea_turns(F_JETTY), *_idea_turns(F_TRAIL), *_idea_turns(F_BUS),
            Talk(P, 60, 80), Pause(2),
            *_idea_turns(F_WORKSHOP), *_idea_turns(F_BEACH, False), *_idea_turns(F_STORIES),
            *_idea_turns(F_SHELTER, False), *_idea_turns(F_FARMSHOPS, False),
            *_idea_turns(F_LIGHT), *_idea_turns(F_CHOIR, False),
            # Prikafstemning: three dots each on the numbered list; a few had left (34 × 3).
            Talk(O, 30, 45), Talk(S, 240, 300),
            DemoRound((
                (F_JETTY.title, 24), (F_BUS.title, 19), (F_TRAIL.title, 15),
                (F_WORKSHOP.title, 12), (F_STORIES.title, 8), (F_BEACH.title, 8),
                (F_LIGHT.title, 6), (F_CHOIR.title, 5), (F_SHELTER.title, 3),
                (F_FARMSHOPS.title, 2),
            )),
            Pause(4), Talk(C, 60, 90),
        )),
        DemoPhase("Hvad har I brug for fra kommunen?", 25, (
            # The official answers before the room has spoken: the hold-back is broken.
            Pause(3), Talk(O, 60, 80), Dismiss(), Question(), Pause(4), Talk(C, 150, 200),
            DemoAsk("Anlægstilskud til badebro ved Femmøller Strand", AskKind.MONEY,
                    "Femmøller Strandgruppe", "Natur og Miljø", F_JETTY.title, 180_000,
                    date(2026, 4, 30), decision=True),
            Talk(C, 150, 220),
            DemoAsk("Leje af den tomme købmandsbutik i Agri (kommunens ejendom) for 1 kr. om året",
                    AskKind.VENUE, "Agri Beboerforening", "Ejendomme", F_WORKSHOP.title, None,
                    date(2026, 5, 1), decision=True),
            Talk(C, 150, 220),
            DemoAsk("Tilladelse til fortællepæle langs stien", AskKind.PERMIT,
                    "Helgenæs Naturgruppe", "Plan og Byg", F_TRAIL.title, None, date(2026, 4, 15)),
            DemoAsk("Hjælp til en fondsansøgning til naturstien", AskKind.EXPERTISE,
                    "Helgenæs Naturgruppe", "Erhverv og Udvikling", F_TRAIL.title, None,
                    date(2026, 3, 15)),
            Talk(O, 60, 90), Pause(2), Talk(C, 120, 180),
            DemoAsk("Kontakt til Midttrafik om en aftenbus", AskKind.CONTACT,
                    "Helgenæs Borgerforening", "Veje og Trafik", F_BUS.title, None,
                    date(2026, 3, 31), person="jens"),
            Talk(C, 120, 180),
            DemoAsk("Affaldssække, gribetænger og en container til strandrydning",
                    AskKind.MATERIALS, "Femmøller Strandgruppe", "Affald og Genbrug",
                    F_BEACH.title, 6_500, date(2026, 3, 20)),
            Talk(C, 90, 140),
            DemoAsk("Omtale af fortælleaftenerne i kommunens nyhedsbrev", AskKind.OTHER,
                    "Helgenæs Borgerforening", "Kommunikation", F_STORIES.title),
        )),
        DemoPhase("Hvem gør hvad nu?", 15, (
            Pause(5), Talk(C, 100, 140),
            DemoStep("Indhenter tilbud på badebroen fra to lokale tømrere", OwnerSide.CITIZENS,
                     "Femmøller Strandgruppe", date(2026, 3, 31)),
            Talk(C, 150, 220),
            DemoStep("Går ruten igen og tegner den ind på et kort", OwnerSide.CITIZENS,
                     "Helgenæs Naturgruppe", date(2026, 3, 15)),
            Talk(O, 40, 60),
            DemoStep("Afklarer, om fortællepælene kræver landzonetilladelse",
                     OwnerSide.MUNICIPALITY, "Plan og Byg", date(2026, 3, 20)),
            DemoStep("Sætter badebroen på dagsordenen i Natur- og Miljøudvalget",
                     OwnerSide.MUNICIPALITY, "Natur og Miljø", date(2026, 4, 14)),
            Talk(C, 50, 80),
            DemoStep("Holder den første fortælleaften", OwnerSide.CITIZENS,
                     "Helgenæs Borgerforening", date(2026, 3, 26)),
            Talk(C, 90, 150), Pause(3), Talk(C, 60, 90),
        )),
    ),
)

# ----- meeting 3: Rolsø, planned -------------------------------------------

MEETING_3 = DemoMeeting(
    title="Sommermøde i Rolsø",
    at=datetime(2026, 5, 19, 19, 0),
    utc_offset_hours=2,
    venue="Rolsø Forsamlingshus",
    places=("Rolsø", "Vrinners", "Knebel"),
    held=False,
    phases=(
        DemoPhase("Velkomst ved en borgervært fra Rolsø", 10),
        DemoPhase("Status fra arbejdsgrupperne", 20),
        DemoPhase("Borgernes idérunde", 35, question="Hvad ville gøre sommeren i Rolsø bedre?"),
        DemoPhase("Hvad har I brug for fra kommunen?", 20),
        DemoPhase("Hvem gør hvad nu?", 15),
    ),
)

MEETINGS = (MEETING_1, MEETING_2, MEETING_3)
