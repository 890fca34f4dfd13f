"""The follow-up desk: an ask's and a next step's history, idea status, the reflection.

Revision ID: 0005
Revises: 0004
"""
import sqlalchemy as sa
from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # New columns have defaults and new tables start empty: no existing value changes,
    # except that a next step already marked done gets the state "done".
    with op.batch_alter_table('phase', schema=None) as batch_op:
        batch_op.add_column(sa.Column('kind', sa.Enum('follow_up', name='phasekind', native_enum=False, length=24), nullable=True))
    with op.batch_alter_table('idea', schema=None) as batch_op:
        batch_op.add_column(sa.Column('status', sa.Enum('new', 'working', 'realised', 'parked', name='ideastatus', native_enum=False, length=24), nullable=False, server_default='new'))
    with op.batch_alter_table('resource_ask', schema=None) as batch_op:
        batch_op.add_column(sa.Column('sent_to', sa.Text(), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('answer', sa.Enum('granted', 'partly', 'refused', 'not_ours', name='askanswer', native_enum=False, length=24), nullable=True))
        batch_op.add_column(sa.Column('answer_text', sa.Text(), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('reported_on', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('reported_how', sa.Text(), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('reported_meeting_id', sa.Uuid(), nullable=True))
        batch_op.create_foreign_key('fk_resource_ask_reported_meeting_id_meeting', 'meeting', ['reported_meeting_id'], ['id'])
    with op.batch_alter_table('next_step', schema=None) as batch_op:
        batch_op.add_column(sa.Column('state', sa.Enum('open', 'done', 'not_done', 'dropped', name='stepstate', native_enum=False, length=24), nullable=False, server_default='open'))
        batch_op.add_column(sa.Column('state_on', sa.Date(), nullable=True))
    op.execute("UPDATE next_step SET state = 'done' WHERE done = 1")
    op.create_table('follow_up_event',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('ask_id', sa.Uuid(), nullable=True),
    sa.Column('step_id', sa.Uuid(), nullable=True),
    sa.Column('kind', sa.Enum('sent', 'answered', 'reported', 'step', 'withdrawn', name='followupkind', native_enum=False, length=24), nullable=False),
    sa.Column('happened_on', sa.Date(), nullable=False),
    sa.Column('department', sa.Text(), nullable=False),
    sa.Column('sent_to', sa.Text(), nullable=False),
    sa.Column('answer', sa.Enum('granted', 'partly', 'refused', 'not_ours', name='askanswer', native_enum=False, length=24), nullable=True),
    sa.Column('step_state', sa.Enum('open', 'done', 'not_done', 'dropped', name='stepstate', native_enum=False, length=24), nullable=True),
    sa.Column('withdrawn_kind', sa.Enum('sent', 'answered', 'reported', 'step', 'withdrawn', name='followupkind', native_enum=False, length=24), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('meeting_id', sa.Uuid(), nullable=True),
    sa.Column('recorded_by', sa.Text(), nullable=False),
    sa.Column('recorded_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['ask_id'], ['resource_ask.id'], ),
    sa.ForeignKeyConstraint(['meeting_id'], ['meeting.id'], ),
    sa.ForeignKeyConstraint(['step_id'], ['next_step.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('follow_up_event', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_follow_up_event_ask_id'), ['ask_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_follow_up_event_step_id'), ['step_id'], unique=False)
    op.create_table('reflection',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('meeting_id', sa.Uuid(), nullable=False),
    sa.Column('supportive', sa.Integer(), nullable=True),
    sa.Column('relations', sa.Integer(), nullable=True),
    sa.Column('liaison', sa.Integer(), nullable=True),
    sa.Column('adapting', sa.Integer(), nullable=True),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('recorded_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['meeting_id'], ['meeting.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('meeting_id')
    )


def downgrade() -> None:
    op.drop_table('reflection')
    with op.batch_alter_table('follow_up_event', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_follow_up_event_step_id'))
        batch_op.drop_index(batch_op.f('ix_follow_up_event_ask_id'))
    op.drop_table('follow_up_event')
    with op.batch_alter_table('next_step', schema=None) as batch_op:
        batch_op.drop_column('state_on')
        batch_op.drop_column('state')
    with op.batch_alter_table('resource_ask', schema=None) as batch_op:
        batch_op.drop_constraint('fk_resource_ask_reported_meeting_id_meeting', type_='foreignkey')
        batch_op.drop_column('reported_meeting_id')
        batch_op.drop_column('reported_how')
        batch_op.drop_column('reported_on')
        batch_op.drop_column('answer_text')
        batch_op.drop_column('answer')
        batch_op.drop_column('sent_to')
    with op.batch_alter_table('idea', schema=None) as batch_op:
        batch_op.drop_column('status')
    with op.batch_alter_table('phase', schema=None) as batch_op:
        batch_op.drop_column('kind')
