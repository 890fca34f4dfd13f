"""Meeting profile (competence 4): the defaults it sets, and why."""

from __future__ import annotations

from dataclasses import dataclass

from facilitator.domain.enums import Regulation, SelfDriving
from facilitator.i18n import _

# Research on classroom questioning (Rowe's "wait time") finds that waiting
# about 3 seconds after a question changes who answers. A village hall is not
# a classroom: forty adults, some hesitant, need longer before someone who is
# not used to speaking in public takes the floor. 10 s is the sensible base.
BASE_HOLD_BACK_SECONDS = 10

# A group that needs support is slower to take the floor without an official
# inviting it; give it more room before the app suggests stepping in.
NEEDS_SUPPORT_EXTRA_SECONDS = 5

# In a heavily regulated area the official legitimately explains rules more,
# so the talk-share nudge tolerates more official talk before it speaks up.
BASE_TALK_SHARE_THRESHOLD_PCT = 25
HEAVY_REGULATION_THRESHOLD_PCT = 35

# A group that needs support gets a little more of the official's voice too.
NEEDS_SUPPORT_EXTRA_THRESHOLD_PCT = 5

# The officials' share is judged over the last ten minutes: long enough that
# one explanation does not trigger it, short enough to catch a drift.
DEFAULT_TALK_WINDOW_MINUTES = 10


@dataclass(frozen=True)
class ProfileDefaults:
    """The live-screen defaults a profile sets; the official may override each."""

    hold_back_seconds: int
    talk_share_threshold_pct: int
    talk_window_minutes: int


def defaults_for(self_driving: SelfDriving, regulation: Regulation) -> ProfileDefaults:
    """The hold-back length and nudge threshold for a meeting profile."""
    hold_back = BASE_HOLD_BACK_SECONDS
    threshold = BASE_TALK_SHARE_THRESHOLD_PCT
    if self_driving is SelfDriving.NEEDS_SUPPORT:
        hold_back += NEEDS_SUPPORT_EXTRA_SECONDS
        threshold += NEEDS_SUPPORT_EXTRA_THRESHOLD_PCT
    if regulation is Regulation.HEAVY:
        threshold = max(threshold, HEAVY_REGULATION_THRESHOLD_PCT)
    return ProfileDefaults(hold_back, threshold, DEFAULT_TALK_WINDOW_MINUTES)


def hold_back_words(self_driving: SelfDriving) -> tuple[str, str]:
    """The hold-back's big word and the line under it, in the profile's wording.

    A group that needs support is slower to take the floor: the line tells the
    official that a longer silence is normal, so they do not fill it.
    """
    if self_driving is SelfDriving.NEEDS_SUPPORT:
        return _("Vent"), _("Giv borgerne tid – det kan tage et øjeblik, før nogen tager ordet.")
    return _("Vent"), _("Lad borgerne tage ordet.")
