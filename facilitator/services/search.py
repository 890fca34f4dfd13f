"""Search over every idea, resource ask and next step of every project.

The index (`search_entry` and its FTS5 table `search_fts`, migration 0006) is
kept by triggers; this module only reads it. Both the stored text and the query
are folded alike (domain/search_text.py), so "sto" finds "støj" and "ae" finds "æ".
"""

from __future__ import annotations

import sqlite3
import uuid

from sqlalchemy import select, text
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

# The best `limit` matches by bm25 (smaller is better), then their entries.
_RANKED = text("""
    SELECT e.kind, e.entry_id, e.meeting_id
    FROM (SELECT rowid, bm25(search_fts, :title_weight, 1.0) AS score
          FROM search_fts WHERE search_fts MATCH :query
          ORDER BY score LIMIT :limit) AS hit
    JOIN search_entry AS e ON e.id = hit.rowid
    ORDER BY hit.score, e.id
""")

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
            found = s.execute(_RANKED, {"query": fts_query, "limit": limit,
                                        "title_weight": TITLE_WEIGHT}).all()
        except (OperationalError, sqlite3.OperationalError) as exc:
            # Only a database opened read-only at an older schema has no index.
            raise ValidationError(
                _("Søgning kan ikke bruges i denne database, før den er opgraderet.")) from exc
        return _hits(s, [(str(k), uuid.UUID(str(e)), uuid.UUID(str(m))) for k, e, m in found],
                     search_words(query))


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
        m.id: (m.title, m.scheduled_at, m.project_id, name)
        for m, name in s.execute(
            select(Meeting, Project.name).join(Project, Project.id == Meeting.project_id)
            .where(Meeting.id.in_(meeting_ids)))
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
