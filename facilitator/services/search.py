"""Search over every idea, resource ask and next step of every project.

The index (`search_entry` and its FTS5 table `search_fts`, migration 0006) is
kept by triggers; this module only reads it. Both the stored text and the query
are folded alike (domain/search_text.py), so "sto" finds "støj" and "ae" finds "æ".
"""

from __future__ import annotations

import sqlite3
import uuid

from sqlalchemy import bindparam, select, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from facilitator.domain.search_text import excerpt, match_query, search_words
from facilitator.domain.validation import ValidationError
from facilitator.i18n import _
from facilitator.services.rows import SearchHitRow
from facilitator.storage.database import Database
from facilitator.storage.models import Idea, Meeting, NextStep, Project, ResourceAsk

# A word in a title counts this many times a word in an idea's detail.
TITLE_WEIGHT = 10.0

# Ranking by bm25 costs time for every match: fine for a few thousand, too slow at
# 10,000 when the first letter typed matches nearly everything. Above this many
# matches (a word just begun) the newest entries come first instead, those with every
# word in the title before the rest: the title-above-detail order bm25 would mostly give.
RANK_UP_TO = 2000

_COUNT = text("SELECT count(*) FROM (SELECT rowid FROM search_fts "
              "WHERE search_fts MATCH :query LIMIT :cap)")
# The best `limit` matches by bm25 (smaller is better).
_RANKED = text("""
    SELECT rowid FROM search_fts WHERE search_fts MATCH :query
    ORDER BY bm25(search_fts, :title_weight, 1.0) LIMIT :limit
""")
_NEWEST = text("""
    SELECT rowid FROM search_fts WHERE search_fts MATCH :query ORDER BY rowid DESC LIMIT :limit
""")
_ENTRIES = text("SELECT id, kind, entry_id, meeting_id FROM search_entry WHERE id IN :ids"
                ).bindparams(bindparam("ids", expanding=True))

_KINDS = ("idea", "ask", "step")


def search(db: Database, query: str, limit: int = 50) -> list[SearchHitRow]:
    """The entries whose words start as the typed words do, best first; [] for no words."""
    fts_query = match_query(query)
    if not fts_query or limit <= 0:
        return []
    with db.session() as s:
        try:
            rowids = _best(s, fts_query, limit)
            entries = {row[0]: row[1:] for row in s.execute(_ENTRIES, {"ids": rowids})}
        except (OperationalError, sqlite3.OperationalError) as exc:
            # Only a database opened read-only at an older schema has no index.
            raise ValidationError(
                _("Søgning kan ikke bruges i denne database, før den er opgraderet.")) from exc
        found = [(str(kind), uuid.UUID(str(entry)), uuid.UUID(str(meeting)))
                 for kind, entry, meeting in (entries[r] for r in rowids if r in entries)]
        return _hits(s, found, search_words(query))


def _best(s: Session, fts_query: str, limit: int) -> list[int]:
    """The index rows of the best `limit` matches, best first."""
    many = s.execute(_COUNT, {"query": fts_query, "cap": RANK_UP_TO + 1}).scalar_one() > RANK_UP_TO
    if not many:
        return list(s.scalars(_RANKED, {"query": fts_query, "limit": limit,
                                        "title_weight": TITLE_WEIGHT}))
    in_title = f"{{title}} : ({fts_query})"
    rowids = list(s.scalars(_NEWEST, {"query": in_title, "limit": limit}))
    if len(rowids) < limit:
        rest = f"({fts_query}) NOT {in_title}"
        rowids += s.scalars(_NEWEST, {"query": rest, "limit": limit - len(rowids)})
    return rowids


def _hits(
    s: Session, found: list[tuple[str, uuid.UUID, uuid.UUID]], words: list[str]
) -> list[SearchHitRow]:
    texts = _texts(s, {kind: [e for k, e, _m in found if k == kind] for kind in _KINDS})
    meeting_ids = {m for _k, _e, m in found}
    meetings = {
        row[0]: row[1:]
        for row in s.execute(
            select(Meeting.id, Meeting.title, Meeting.scheduled_at, Meeting.project_id, Project.name)
            .join(Project, Project.id == Meeting.project_id).where(Meeting.id.in_(meeting_ids)))
    }
    hits = []
    for kind, entry_id, meeting_id in found:
        if entry_id not in texts or meeting_id not in meetings:
            continue  # removed between the two reads of this session: nothing to show
        entry_title, detail = texts[entry_id]
        meeting_title, meeting_at, project_id, project_name = meetings[meeting_id]
        # The detail around the first word found there, else its beginning.
        snippet = excerpt(detail, words)[0] if detail else ""
        hits.append(SearchHitRow(
            kind=kind, entry_id=entry_id, title=entry_title, snippet=snippet,
            project_id=project_id, project_name=project_name, meeting_id=meeting_id,
            meeting_title=meeting_title, meeting_at=meeting_at,
        ))
    return hits


def _texts(s: Session, ids: dict[str, list[uuid.UUID]]) -> dict[uuid.UUID, tuple[str, str]]:
    """Each found entry's text (an idea's title, an ask's or a step's text) and an idea's detail."""
    texts: dict[uuid.UUID, tuple[str, str]] = {}
    if ids["idea"]:
        for idea_id, title, detail in s.execute(
                select(Idea.id, Idea.title, Idea.detail).where(Idea.id.in_(ids["idea"]))):
            texts[idea_id] = (title, detail)
    if ids["ask"]:
        for ask_id, what in s.execute(
                select(ResourceAsk.id, ResourceAsk.what).where(ResourceAsk.id.in_(ids["ask"]))):
            texts[ask_id] = (what, "")
    if ids["step"]:
        for step_id, what in s.execute(
                select(NextStep.id, NextStep.what).where(NextStep.id.in_(ids["step"]))):
            texts[step_id] = (what, "")
    return texts
