"""Initial schema: projects, places, meetings, phases, turns, prompts, ideas, asks, next steps.

Revision ID: 0001
Revises:
"""
import sqlalchemy as sa
from alembic import op

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('project',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('archived', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('meeting',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('project_id', sa.Uuid(), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('scheduled_at', sa.DateTime(), nullable=False),
    sa.Column('venue', sa.Text(), nullable=False),
    sa.Column('self_driving', sa.Enum('self_driving', 'needs_support', name='selfdriving', native_enum=False, length=24), nullable=False),
    sa.Column('regulation', sa.Enum('heavy', 'light', name='regulation', native_enum=False, length=24), nullable=False),
    sa.Column('hold_back_seconds', sa.Integer(), nullable=False),
    sa.Column('talk_share_threshold_pct', sa.Integer(), nullable=False),
    sa.Column('talk_window_minutes', sa.Integer(), nullable=False),
    sa.Column('status', sa.Enum('planned', 'running', 'closed', name='meetingstatus', native_enum=False, length=24), nullable=False),
    sa.Column('started_at', sa.DateTime(), nullable=True),
    sa.Column('ended_at', sa.DateTime(), nullable=True),
    sa.Column('current_phase_id', sa.Uuid(), nullable=True),
    sa.Column('phase_entered_at', sa.DateTime(), nullable=True),
    sa.Column('last_seen_at', sa.DateTime(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['project_id'], ['project.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('meeting', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_meeting_project_id'), ['project_id'], unique=False)

    op.create_table('place',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('project_id', sa.Uuid(), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['project_id'], ['project.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('place', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_place_project_id'), ['project_id'], unique=False)

    op.create_table('meeting_gap',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('meeting_id', sa.Uuid(), nullable=False),
    sa.Column('started_at', sa.DateTime(), nullable=False),
    sa.Column('ended_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['meeting_id'], ['meeting.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('meeting_gap', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_meeting_gap_meeting_id'), ['meeting_id'], unique=False)

    op.create_table('meeting_place',
    sa.Column('meeting_id', sa.Uuid(), nullable=False),
    sa.Column('place_id', sa.Uuid(), nullable=False),
    sa.ForeignKeyConstraint(['meeting_id'], ['meeting.id'], ),
    sa.ForeignKeyConstraint(['place_id'], ['place.id'], ),
    sa.PrimaryKeyConstraint('meeting_id', 'place_id')
    )
    op.create_table('next_step',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('meeting_id', sa.Uuid(), nullable=False),
    sa.Column('what', sa.Text(), nullable=False),
    sa.Column('owner_label', sa.Text(), nullable=False),
    sa.Column('owner_side', sa.Enum('citizens', 'municipality', name='ownerside', native_enum=False, length=24), nullable=False),
    sa.Column('due_on', sa.Date(), nullable=True),
    sa.Column('done', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['meeting_id'], ['meeting.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('next_step', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_next_step_meeting_id'), ['meeting_id'], unique=False)

    op.create_table('phase',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('meeting_id', sa.Uuid(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('planned_minutes', sa.Integer(), nullable=False),
    sa.Column('hold_back_seconds', sa.Integer(), nullable=False),
    sa.Column('started_at', sa.DateTime(), nullable=True),
    sa.Column('ended_at', sa.DateTime(), nullable=True),
    sa.Column('actual_seconds', sa.Float(), nullable=False),
    sa.Column('first_speaker', sa.Enum('citizen', 'official', 'politician', 'silence', name='role', native_enum=False, length=24), nullable=True),
    sa.ForeignKeyConstraint(['meeting_id'], ['meeting.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('phase', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_phase_meeting_id'), ['meeting_id'], unique=False)

    # The meeting's current phase points forward to a table created after it.
    with op.batch_alter_table('meeting', schema=None) as batch_op:
        batch_op.create_foreign_key('fk_meeting_current_phase', 'phase', ['current_phase_id'], ['id'])


    op.create_table('idea',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('meeting_id', sa.Uuid(), nullable=False),
    sa.Column('phase_id', sa.Uuid(), nullable=True),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('detail', sa.Text(), nullable=False),
    sa.Column('proposed_by', sa.Text(), nullable=False),
    sa.Column('place_id', sa.Uuid(), nullable=True),
    sa.Column('theme', sa.Text(), nullable=False),
    sa.Column('needs_check', sa.Enum('legislation', 'plan', 'municipal_work', name='checkkind', native_enum=False, length=24), nullable=True),
    sa.Column('check_note', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['meeting_id'], ['meeting.id'], ),
    sa.ForeignKeyConstraint(['phase_id'], ['phase.id'], ),
    sa.ForeignKeyConstraint(['place_id'], ['place.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('idea', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_idea_meeting_id'), ['meeting_id'], unique=False)

    op.create_table('prompt_event',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('meeting_id', sa.Uuid(), nullable=False),
    sa.Column('phase_id', sa.Uuid(), nullable=True),
    sa.Column('kind', sa.Enum('hold_back', 'early_official', 'talk_share', 'silence_suggestion', name='promptkind', native_enum=False, length=24), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('seconds', sa.Float(), nullable=True),
    sa.Column('outcome', sa.Enum('respected', 'broken', name='holdbackoutcome', native_enum=False, length=24), nullable=True),
    sa.Column('dismissed_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['meeting_id'], ['meeting.id'], ),
    sa.ForeignKeyConstraint(['phase_id'], ['phase.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('prompt_event', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_prompt_event_meeting_id'), ['meeting_id'], unique=False)

    op.create_table('speaker_turn',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('meeting_id', sa.Uuid(), nullable=False),
    sa.Column('phase_id', sa.Uuid(), nullable=True),
    sa.Column('role', sa.Enum('citizen', 'official', 'politician', 'silence', name='role', native_enum=False, length=24), nullable=False),
    sa.Column('started_at', sa.DateTime(), nullable=False),
    sa.Column('ended_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['meeting_id'], ['meeting.id'], ),
    sa.ForeignKeyConstraint(['phase_id'], ['phase.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('speaker_turn', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_speaker_turn_meeting_id'), ['meeting_id'], unique=False)

    op.create_table('resource_ask',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('meeting_id', sa.Uuid(), nullable=False),
    sa.Column('kind', sa.Enum('money', 'permit', 'venue', 'expertise', 'materials', 'contact', 'other', name='askkind', native_enum=False, length=24), nullable=False),
    sa.Column('what', sa.Text(), nullable=False),
    sa.Column('amount_dkk', sa.Integer(), nullable=True),
    sa.Column('idea_id', sa.Uuid(), nullable=True),
    sa.Column('asked_by', sa.Text(), nullable=False),
    sa.Column('status', sa.Enum('open', 'forwarded', 'granted', 'partly', 'declined', 'done', name='askstatus', native_enum=False, length=24), nullable=False),
    sa.Column('asked_on', sa.Date(), nullable=False),
    sa.Column('answer_needed_by', sa.Date(), nullable=True),
    sa.Column('forwarded_on', sa.Date(), nullable=True),
    sa.Column('answered_on', sa.Date(), nullable=True),
    sa.Column('done_on', sa.Date(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['idea_id'], ['idea.id'], ),
    sa.ForeignKeyConstraint(['meeting_id'], ['meeting.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('resource_ask', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_resource_ask_meeting_id'), ['meeting_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('meeting', schema=None) as batch_op:
        batch_op.drop_constraint('fk_meeting_current_phase', type_='foreignkey')
    with op.batch_alter_table('resource_ask', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_resource_ask_meeting_id'))

    op.drop_table('resource_ask')
    with op.batch_alter_table('speaker_turn', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_speaker_turn_meeting_id'))

    op.drop_table('speaker_turn')
    with op.batch_alter_table('prompt_event', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_prompt_event_meeting_id'))

    op.drop_table('prompt_event')
    with op.batch_alter_table('idea', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_idea_meeting_id'))

    op.drop_table('idea')
    with op.batch_alter_table('phase', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_phase_meeting_id'))

    op.drop_table('phase')
    with op.batch_alter_table('next_step', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_next_step_meeting_id'))

    op.drop_table('next_step')
    op.drop_table('meeting_place')
    with op.batch_alter_table('meeting_gap', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_meeting_gap_meeting_id'))

    op.drop_table('meeting_gap')
    with op.batch_alter_table('place', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_place_project_id'))

    op.drop_table('place')
    with op.batch_alter_table('meeting', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_meeting_project_id'))

    op.drop_table('meeting')
    op.drop_table('project')
