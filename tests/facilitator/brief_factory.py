"""BriefData built in code (no database): a known meeting, a typical one and a large one."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from facilitator.domain.enums import AskKind, CheckKind, OwnerSide, Role
from facilitator.domain.talk_share import Interval, TalkShare, talk_share
from facilitator.reports.brief_data import BriefAsk, BriefData, BriefIdea, BriefPhase, BriefStep

MADE_ON = date(2026, 3, 3)
MEETING_AT = datetime(2026, 2, 24, 19, 0)

THEMES = ("Trafik og stier", "Natur og friluftsliv", "Fællesskab og kultur", "Erhverv og turisme",
          "Bolig og byudvikling")
PLACES = ("Knebel", "Agri", "Femmøller", "Helgenæs", "Vistoft")
GROUPS = ("Borgergruppen i Knebel", "Agri Beboerforening", "Femmøller Strandlaug",
          "Helgenæs Lokalråd", "Vistoft Ungdomsgruppe")
IDEA_TITLES = (
    "Sikker skolevej langs Vrinnersvej", "Shelterplads ved Stubbe Sø",
    "Fællesspisning en gang om måneden", "Lokalt fødevaremarked om lørdagen",
    "Seniorbofællesskab på den gamle skolegrund", "Aftenbus til Aarhus",
    "Naturlegeplads ved børnehaven", "Turistkort over vandrestier på Mols",
    "Delebiler mellem landsbyerne", "Sommerkoncerter i præstegårdshaven",
)
ASK_TEXTS = (
    "Tilskud til materialer til legepladsen", "Tilladelse til bålhytte på kommunens areal",
    "Lån af gymnastiksalen ved stor tilslutning", "Trafikfaglig vurdering af skolevejen",
    "Kontakt til Midttrafik om en aftenbus", "Affaldssække og en container til strandrydning",
    "Omtale i kommunens nyhedsbrev", "Hjælp til en fondsansøgning",
)


def share(citizen: float = 3600, official: float = 900, politician: float = 300,
          silence: float = 400) -> TalkShare:
    """Seconds per role."""
    return TalkShare({Role.CITIZEN: citizen, Role.OFFICIAL: official,
                      Role.POLITICIAN: politician, Role.SILENCE: silence})


def phases() -> tuple[BriefPhase, ...]:
    """The default citizen-driven agenda, with a little overrun; the citizens' round opened
    after a long silence, the item on the municipality was opened by the official."""
    return (
        BriefPhase("Velkomst ved en borger", 10, 11 * 60, Role.CITIZEN),
        BriefPhase("Borgernes idérunde", 45, 52 * 60, Role.CITIZEN, thinking_seconds=65),
        BriefPhase("Hvad har I brug for fra kommunen?", 30, 27 * 60, Role.OFFICIAL),
        BriefPhase("Hvem gør hvad nu?", 20, 22 * 60, Role.CITIZEN),
    )


def known_meeting(**changes: object) -> BriefData:
    """A small, fully known meeting with names in five scripts and markup in a title."""
    ideas = (
        BriefIdea("Sikker cykelsti til skolen", "Langs Skovvejen; børnene cykler i mørke.",
                  "Borgergruppen i Knebel", "Knebel", "Trafik og stier", CheckKind.PLAN,
                  "Kræver ændring af lokalplan 12"),
        BriefIdea("Fælles spisning <b>hver</b> måned & musik", "", "Łukasz Nowak", "Agri",
                  "Fællesskab og kultur", None, ""),
        BriefIdea("Shelterplads ved søen", "Med bålsted og brænde.", "Şükrü Yılmaz", "Femmøller",
                  "Natur og friluftsliv", CheckKind.LEGISLATION, "Naturbeskyttelseslovens §3"),
        BriefIdea("Lektiecafé i forsamlingshuset", "", "Nguyễn Văn An", "Knebel",
                  "Fællesskab og kultur", None, ""),
        BriefIdea("Vinterbadning fra badebroen", "", "Иван Петров", "Helgenæs",
                  "Natur og friluftsliv", CheckKind.MUNICIPAL_WORK, "Havneplanen revideres i år"),
    )
    asks = (
        BriefAsk("Tilskud til shelter og bålsted", AskKind.MONEY, 12_500, "Natur og Miljø",
                 date(2026, 4, 15), "Femmøller Strandlaug", "Shelterplads ved søen", True, 3),
        BriefAsk("Tilladelse til bålsted", AskKind.PERMIT, None, "Byg og Plan",
                 date(2026, 3, 31), "Femmøller Strandlaug", "Shelterplads ved søen", False, 3),
        BriefAsk("Lån af forsamlingshusets køkken", AskKind.VENUE, None, "Kultur og Fritid", None,
                 "Agri Beboerforening", "Fælles spisning <b>hver</b> måned & musik", False, 2),
    )
    steps = (
        BriefStep("Tegne forslag til cykelstiens linjeføring", "Borgergruppen i Knebel",
                  OwnerSide.CITIZENS, date(2026, 4, 1), False),
        BriefStep("Afklare lokalplanen med Byg og Plan", "Kommunen", OwnerSide.MUNICIPALITY,
                  date(2026, 3, 20), False),
    )
    data = BriefData(
        municipality="Syddjurs Kommune",
        official_name="Mette Holm Sørensen",
        official_department="Plan og Udvikling",
        logo_png=None,
        project_name="Mols i Udvikling",
        meeting_title="Borgermøde om landsbyernes fremtid",
        scheduled_at=MEETING_AT,
        venue="Knebel Forsamlingshus",
        places=PLACES,
        attendance=34,
        ideas=ideas,
        asks=asks,
        steps=steps,
        phases=phases(),
        share=share(),
        hold_backs=6,
        hold_backs_respected=5,
    )
    return replace_data(data, **changes)


def replace_data(data: BriefData, **changes: object) -> BriefData:
    """A copy of `data` with some fields changed."""
    from dataclasses import replace

    return replace(data, **changes)  # type: ignore[arg-type]


def many_ideas(count: int, detail: str = "") -> tuple[BriefIdea, ...]:
    """`count` ideas spread over themes, places and groups; every sixth needs a check."""
    kinds = (CheckKind.PLAN, CheckKind.LEGISLATION, CheckKind.MUNICIPAL_WORK)
    return tuple(
        BriefIdea(
            f"{IDEA_TITLES[i % len(IDEA_TITLES)]} ({i + 1})",
            detail or f"Uddybning af idé {i + 1}: hvem, hvor og hvornår.",
            GROUPS[(i // 3) % len(GROUPS)],
            PLACES[i % len(PLACES)],
            THEMES[i % len(THEMES)],
            kinds[i // 6 % 3] if i % 6 == 0 else None,
            "Tjekkes med fagforvaltningen" if i % 6 == 0 else "",
        )
        for i in range(count)
    )


def many_asks(count: int) -> tuple[BriefAsk, ...]:
    """`count` asks of every kind; every fourth needs a political decision."""
    kinds = list(AskKind)
    return tuple(
        BriefAsk(
            f"{ASK_TEXTS[i % len(ASK_TEXTS)]} ({i + 1})",
            kinds[i % len(kinds)],
            (i + 1) * 2_500 if kinds[i % len(kinds)] is AskKind.MONEY else None,
            ("Natur og Miljø", "Byg og Plan", "Kultur og Fritid", "Veje og Trafik")[i % 4],
            date(2026, 3, 1) + timedelta(days=7 * (i % 12)) if i % 5 else None,
            GROUPS[i % len(GROUPS)],
            IDEA_TITLES[i % len(IDEA_TITLES)],
            i % 4 == 0,
            i % len(IDEA_TITLES) + 1,
        )
        for i in range(count)
    )


def many_steps(count: int) -> tuple[BriefStep, ...]:
    """`count` next steps, alternating citizens and municipality."""
    return tuple(
        BriefStep(f"Følger op på {IDEA_TITLES[i % len(IDEA_TITLES)].lower()} ({i + 1})",
                  GROUPS[i % len(GROUPS)] if i % 2 == 0 else "Plan og Udvikling",
                  OwnerSide.CITIZENS if i % 2 == 0 else OwnerSide.MUNICIPALITY,
                  date(2026, 3, 10) + timedelta(days=5 * i), i % 7 == 6)
        for i in range(count)
    )


def typical_meeting(ideas: int = 30, asks: int = 10, steps: int = 5) -> BriefData:
    """A typical meeting: 30 ideas, 10 asks, a handful of steps."""
    return known_meeting(ideas=many_ideas(ideas), asks=many_asks(asks), steps=many_steps(steps))


def turns(count: int, start: datetime = MEETING_AT) -> list[Interval]:
    """`count` speaker turns of 1–6 s (2,000 of them fill about two hours), mostly citizens."""
    roles = (Role.CITIZEN, Role.CITIZEN, Role.OFFICIAL, Role.CITIZEN, Role.SILENCE,
             Role.POLITICIAN, Role.CITIZEN)
    result, moment = [], start
    for i in range(count):
        length = timedelta(seconds=1 + (i * 7) % 6)
        result.append(Interval(roles[i % len(roles)], moment, moment + length))
        moment += length
    return result


def large_meeting(ideas: int = 300, asks: int = 100, turn_count: int = 2_000) -> BriefData:
    """The benchmark's meeting: share computed from `turn_count` turns beforehand."""
    intervals = turns(turn_count)
    computed = talk_share(intervals, intervals[0].start, intervals[-1].end or MEETING_AT)
    return known_meeting(ideas=many_ideas(ideas), asks=many_asks(asks), steps=many_steps(12),
                         share=computed)
