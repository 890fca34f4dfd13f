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

_TEXTS = {
    "idea": (Idea, Idea.title, Idea.detail),
    "ask": (ResourceAsk, ResourceAsk.what, None),
    "step": (NextStep, NextStep.what, None),
}


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
    texts: dict[uuid.UUID, tuple[str, str]] = {}
    for kind, (model, title, detail) in _TEXTS.items():
        ids = [entry_id for k, entry_id, _m in found if k == kind]
        if ids:
            columns = (model.id, title, detail) if detail is not None else (model.id, title)
            for row in s.execute(select(*columns).where(model.id.in_(ids))):
                texts[row[0]] = (row[1], row[2] if len(row) > 2 else "")
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
        title, detail = texts[entry_id]
        meeting_title, meeting_at, project_id, project_name = meetings[meeting_id]
        # The detail around the first word found there, else its beginning.
        snippet = excerpt(detail, words)[0] if detail else ""
        hits.append(SearchHitRow(
            kind=kind, entry_id=entry_id, title=title, snippet=snippet,
            project_id=project_id, project_name=project_name, meeting_id=meeting_id,
            meeting_title=meeting_title, meeting_at=meeting_at,
        ))
    return hits
