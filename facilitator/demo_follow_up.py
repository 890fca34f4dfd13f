"""The demo project's follow-up between its meetings, as plain data (user data: no `_()`).

Asks are sent, answered (granted, partly, refused, not the municipality's task) and
reported back, some by mail, some at the February meeting; one is still waiting past
its "svar senest". Next steps are done, on time or late, and a few stay open, so the
follow-up desk, the «Opfølgning siden sidst» item and the brief's «Siden sidst» all
have something to show.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from facilitator.domain.enums import AskAnswer, FollowUpKind, IdeaStatus, StepState


@dataclass(frozen=True)
class DemoFollowUp:
    """One change on the follow-up desk, on `day`; `what` names the ask or step by its text.

    SENT (to `text`: whom), ANSWERED (`answer`, `text`: its words), REPORTED (`text`: how),
    STEP (`state`). `at_meeting`: during the meeting held that day (reported there, ticked there).
    """

    day: date
    kind: FollowUpKind
    what: str
    answer: AskAnswer | None = None
    state: StepState | None = None
    text: str = ""
    at_meeting: bool = False


S, A, R, T = FollowUpKind.SENT, FollowUpKind.ANSWERED, FollowUpKind.REPORTED, FollowUpKind.STEP

PLAYGROUND = "Tilskud til materialer til legepladsen"
HUT = "Tilladelse til at bygge bålhytte på kommunens areal"
SCHOOLROAD = "Trafikfaglig vurdering af skolevejen"
CYCLEPATH = "Medfinansiering af cykelsti mellem Knebel og Agri"
GYM = "Lån af gymnastiksalen på Knebel Skole ved stor tilslutning"
NATURE = "Kontakt til Naturstyrelsen om trampestien"
JETTY = "Anlægstilskud til badebro ved Femmøller Strand"
POSTS = "Tilladelse til fortællepæle langs stien"
FUND = "Hjælp til en fondsansøgning til naturstien"
BUS = "Kontakt til Midttrafik om en aftenbus"
BAGS = "Affaldssække, gribetænger og en container til strandrydning"

# In the order it happened; the demo plays each on its day, between the meetings.
FOLLOW_UPS = (
    # After the November meeting in Knebel.
    DemoFollowUp(date(2025, 11, 12), S, GYM, text="Skoleleder, Knebel Skole"),
    DemoFollowUp(date(2025, 11, 13), S, SCHOOLROAD, text="Trafiksikkerhedsteamet"),
    DemoFollowUp(date(2025, 11, 14), S, PLAYGROUND, text="Puljen til lokale initiativer"),
    DemoFollowUp(date(2025, 11, 17), S, HUT, text="Byggesagsbehandler"),
    DemoFollowUp(date(2025, 11, 17), S, NATURE, text="Naturteamet"),
    DemoFollowUp(date(2025, 11, 20), S, CYCLEPATH, text="Vejchefen"),
    DemoFollowUp(date(2025, 11, 26), A, GYM, AskAnswer.GRANTED,
                 text="Salen kan lånes gratis en lørdag pr. kvartal."),
    DemoFollowUp(date(2025, 11, 28), R, GYM, text="Telefon til Rolsø Borgerforening"),
    DemoFollowUp(date(2025, 12, 3), A, NATURE, AskAnswer.NOT_OURS,
                 text="Trampestien ligger på statens jord; kontakten til Naturstyrelsen er formidlet."),
    DemoFollowUp(date(2025, 12, 8), T, "Laver skitse og budget til legepladsen", state=StepState.DONE),
    DemoFollowUp(date(2026, 1, 12), A, PLAYGROUND, AskAnswer.PARTLY,
                 text="20.000 kr. fra puljen til lokale initiativer i 2026."),
    DemoFollowUp(date(2026, 1, 12), T, "Svarer på ansøgningen om tilskud til legepladsen",
                 state=StepState.DONE),
    DemoFollowUp(date(2026, 1, 22), T, "Holder den første fællesspisning", state=StepState.DONE),
    DemoFollowUp(date(2026, 1, 28), A, HUT, AskAnswer.GRANTED,
                 text="Tilladelse på vilkår: ingen fast bund, højst 20 m²."),
    DemoFollowUp(date(2026, 2, 2), R, HUT, text="Mail til Agri Beboerforening"),
    DemoFollowUp(date(2026, 2, 20), A, SCHOOLROAD, AskAnswer.REFUSED,
                 text="Vejen lever op til kravene; ingen vurdering i år."),
    # At the February meeting in Femmøller.
    DemoFollowUp(date(2026, 2, 24), R, PLAYGROUND, text="på mødet", at_meeting=True),
    DemoFollowUp(date(2026, 2, 24), R, NATURE, text="på mødet", at_meeting=True),
    DemoFollowUp(date(2026, 2, 24), T, "Samler underskrifter for cykelstien", state=StepState.DONE,
                 at_meeting=True),
    # After it.
    DemoFollowUp(date(2026, 2, 25), S, BAGS, text="Genbrugspladsen"),
    DemoFollowUp(date(2026, 2, 26), S, FUND, text="Erhvervskonsulent"),
    DemoFollowUp(date(2026, 2, 27), S, BUS, text="Kollektiv trafik"),
    DemoFollowUp(date(2026, 3, 2), S, POSTS, text="Landzoneteamet"),
    DemoFollowUp(date(2026, 3, 3), S, JETTY, text="Naturteamet"),
    DemoFollowUp(date(2026, 3, 4), A, BAGS, AskAnswer.GRANTED,
                 text="Sække og tænger hentes på genbrugspladsen; containeren stilles 21. marts."),
    DemoFollowUp(date(2026, 3, 6), R, BAGS, text="Mail til Femmøller Strandgruppe"),
    DemoFollowUp(date(2026, 3, 10), A, FUND, AskAnswer.GRANTED,
                 text="En erhvervskonsulent hjælper med ansøgningen til Friluftsrådet."),
    DemoFollowUp(date(2026, 3, 14), T, "Går ruten igen og tegner den ind på et kort",
                 state=StepState.DONE),
    DemoFollowUp(date(2026, 3, 25), A, BUS, AskAnswer.PARTLY,
                 text="Midttrafik prøver en aftenbus fredag og lørdag fra august."),
    DemoFollowUp(date(2026, 3, 26), T, "Holder den første fortælleaften", state=StepState.DONE),
    DemoFollowUp(date(2026, 3, 27), T, "Indhenter tilbud på badebroen fra to lokale tømrere",
                 state=StepState.DONE),
    DemoFollowUp(date(2026, 4, 14), T, "Sætter badebroen på dagsordenen i Natur- og Miljøudvalget",
                 state=StepState.DONE),
)

# Where the ideas stand after the meetings (the overview and the status brief show it); the
# ideas not named here are still new.
IDEA_STATUSES = (
    ("Fællesspisning en gang om måneden", IdeaStatus.REALISED),
    ("Strandrydning hver måned", IdeaStatus.REALISED),
    ("Fortælleaftener med de ældste på Helgenæs", IdeaStatus.REALISED),
    ("Legeplads og mødested ved Knebel Forsamlingshus", IdeaStatus.WORKING),
    ("Shelterplads og bålhytte ved Agri Bavnehøj", IdeaStatus.WORKING),
    ("Cykelsti mellem Knebel og Agri", IdeaStatus.WORKING),
    ("Badebro ved Femmøller Strand", IdeaStatus.WORKING),
    ("Natursti rundt om Helgenæs med fortællepæle", IdeaStatus.WORKING),
    ("Aftenbus til Ebeltoft", IdeaStatus.WORKING),
    ("Sikker skolevej langs Vrinnersvej", IdeaStatus.PARKED),
    ("Delebiler mellem landsbyerne", IdeaStatus.PARKED),
)

# The official's own reflection after each held meeting, by its day: supportive, relations,
# liaison, adapting (1-5) and a note, so «Min udvikling» shows a trend.
REFLECTIONS = {
    date(2025, 11, 11): (3, 4, 2, 3, "Jeg tog ordet for tidligt under idérunden. Næste gang venter "
                                      "jeg, til en borger har talt."),
    date(2026, 2, 24): (4, 4, 4, 3, "Opfølgningen gav tillid: svarene var klar, før vi mødtes."),
}
