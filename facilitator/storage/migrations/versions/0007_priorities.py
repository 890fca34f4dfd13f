"""The room view: an agenda item's question, and the prioritisation rounds (prikafstemning).

`phase.question` is the question put to the room for the item ('' when none).
`priority_round` is one round of a meeting; `priority_choice` an idea on it with
the number shown in the room and its votes. Neither new table copies an idea's
title (it is read from the idea), so they hold no citizen's text: the eraser has
nothing to scrub in them, and an erased name disappears from a round with the idea's.

Only new columns and tables: no existing table is rebuilt, so the search index's
triggers (0006) stay as they are.

Revision ID: 0007
Revises: 0006
"""
import sqlalchemy as sa
from alembic import op

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A plain ALTER TABLE ADD COLUMN (no batch rebuild): every existing item gets ''.
    op.add_column('phase', sa.Column('question', sa.Text(), nullable=False, server_default=''))
    op.create_table('priority_round',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('meeting_id', sa.Uuid(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('started_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['meeting_id'], ['meeting.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('meeting_id', 'number', name='uq_priority_round_meeting_id_number')
    )
    op.create_index('ix_priority_round_meeting_id', 'priority_round', ['meeting_id'], unique=False)
    op.create_table('priority_choice',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('round_id', sa.Uuid(), nullable=False),
    sa.Column('idea_id', sa.Uuid(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('votes', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['idea_id'], ['idea.id'], ),
    sa.ForeignKeyConstraint(['round_id'], ['priority_round.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('round_id', 'idea_id', name='uq_priority_choice_round_id_idea_id'),
    sa.UniqueConstraint('round_id', 'number', name='uq_priority_choice_round_id_number')
    )
    op.create_index('ix_priority_choice_round_id', 'priority_choice', ['round_id'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_priority_choice_round_id', table_name='priority_choice')
    op.drop_table('priority_choice')
    op.drop_index('ix_priority_round_meeting_id', table_name='priority_round')
    op.drop_table('priority_round')
    # A plain DROP COLUMN (SQLite 3.35+), not a batch rebuild: ideas and turns point at
    # `phase`, and a rebuilt table would trip their foreign keys.
    op.drop_column('phase', 'question')
