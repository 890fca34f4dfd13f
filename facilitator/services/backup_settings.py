"""How many backups to keep: the newest few, plus one a day for a while (rows of `setting`)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from facilitator.domain.validation import ValidationError
from facilitator.i18n import _
from facilitator.services.settings import store_values
from facilitator.storage.database import Database
from facilitator.storage.models import Setting

KEEP_RECENT_KEY = "backup_keep_recent"
KEEP_DAILY_DAYS_KEY = "backup_keep_daily_days"
MAX_KEEP = 1000


@dataclass(frozen=True)
class BackupSettings:
    """Rotation: keep the `keep_recent` newest backups and the last of each of `keep_daily_days` days."""

    keep_recent: int = 10
    keep_daily_days: int = 30


def _number(stored: dict[str, str], key: str, default: int, lowest: int) -> int:
    # A damaged or hand-edited value must never stop a backup: it falls back to the default.
    try:
        value = int(stored.get(key, "").strip())
    except ValueError:
        return default
    return value if lowest <= value <= MAX_KEEP else default


def get_backup_settings(db: Database) -> BackupSettings:
    """The stored rotation settings; a missing, unreadable or absurd value takes its default."""
    defaults = BackupSettings()
    try:
        with db.session() as s:
            rows = s.scalars(
                select(Setting).where(Setting.key.in_([KEEP_RECENT_KEY, KEEP_DAILY_DAYS_KEY]))
            )
            stored = {row.key: row.value for row in rows}
    except Exception:  # an old or damaged database without the table still gets backed up
        return defaults
    return BackupSettings(
        keep_recent=_number(stored, KEEP_RECENT_KEY, defaults.keep_recent, 1),
        keep_daily_days=_number(stored, KEEP_DAILY_DAYS_KEY, defaults.keep_daily_days, 0),
    )


def save_backup_settings(db: Database, settings: BackupSettings) -> BackupSettings:
    """Store the rotation settings, refusing numbers out of range in Danish."""
    if not 1 <= settings.keep_recent <= MAX_KEEP:
        raise ValidationError(
            _("Antal nyeste sikkerhedskopier skal være mellem 1 og {most}.").format(most=MAX_KEEP),
            KEEP_RECENT_KEY,
        )
    if not 0 <= settings.keep_daily_days <= MAX_KEEP:
        raise ValidationError(
            _("Antal dage med en daglig sikkerhedskopi skal være mellem 0 og {most}.").format(
                most=MAX_KEEP
            ),
            KEEP_DAILY_DAYS_KEY,
        )
    values = {
        KEEP_RECENT_KEY: str(settings.keep_recent),
        KEEP_DAILY_DAYS_KEY: str(settings.keep_daily_days),
    }
    store_values(db, values)
    return get_backup_settings(db)
