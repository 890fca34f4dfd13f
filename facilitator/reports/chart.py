"""A small horizontal bar chart of talk share by role, for the brief's first page.

Every bar is named in text (the role) and labelled with its percentage, so the
chart reads in black and white and never relies on colour alone. The value
axis starts at 0 (otherwise a small share draws no bar) and all text is DejaVu.
"""

from __future__ import annotations

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing
from reportlab.pdfbase.pdfmetrics import stringWidth

from facilitator.domain.enums import SPEAKING_ROLES, Role
from facilitator.domain.talk_share import TalkShare
from facilitator.reports.fonts import FONT, register_fonts
from facilitator.reports.formatting import BriefWords
from facilitator.reports.styles import ACCENT, INK, OTHER_BAR

LABEL_SIZE = 8
BAR_HEIGHT = 8
BAR_GAP = 4.5
PERCENT_ROOM = 32  # room right of the longest bar for its "100 %" label


def talk_share_chart(share: TalkShare, words: BriefWords, width: float) -> Drawing:
    """Bars for citizens, officials and politicians, longest possible bar = 100 %."""
    register_fonts()
    roles = list(SPEAKING_ROLES)
    names = [words.label(role) for role in roles]
    percents = share.whole_percents()
    values = [percents[role] for role in roles]
    label_width = max(stringWidth(name, FONT, LABEL_SIZE) for name in names) + 6
    height = len(roles) * (BAR_HEIGHT + BAR_GAP) + 2

    chart = HorizontalBarChart()
    chart.x = label_width
    chart.y = 1
    chart.width = max(width - label_width - PERCENT_ROOM, 20)
    chart.height = height - 2
    chart.data = [values]
    chart.barWidth = BAR_HEIGHT
    chart.groupSpacing = BAR_GAP
    chart.strokeColor = None
    chart.bars.strokeColor = None
    chart.bars[0].fillColor = OTHER_BAR
    for index, role in enumerate(roles):
        if role is Role.CITIZEN:
            chart.bars[(0, index)].fillColor = ACCENT

    axis = chart.valueAxis
    axis.valueMin = 0
    axis.valueMax = 100
    axis.valueStep = 25
    axis.visible = False
    axis.labels.fontName = FONT

    categories = chart.categoryAxis
    categories.categoryNames = names
    categories.reverseDirection = True  # citizens on top, in the order the figures are listed
    categories.visibleAxis = False
    categories.visibleTicks = False
    categories.labels.fontName = FONT
    categories.labels.fontSize = LABEL_SIZE
    categories.labels.fillColor = INK
    categories.labels.boxAnchor = "e"
    categories.labels.dx = -4

    chart.barLabelFormat = lambda value: words.percent(value / 100)
    chart.barLabels.fontName = FONT
    chart.barLabels.fontSize = LABEL_SIZE
    chart.barLabels.fillColor = INK
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.nudge = 3

    # The drawing's initial state would otherwise select Helvetica before any label is drawn.
    drawing = Drawing(width, height, initialFontName=FONT, initialFontSize=LABEL_SIZE)
    drawing.add(chart)
    return drawing
