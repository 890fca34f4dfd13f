"""People with consent, settings, brief records, attendance, the asked department.

Revision ID: 0002
Revises: 0001
"""
import sqlalchemy as sa
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('setting',
    sa.Column('key', sa.String(length=100), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key')
    )
    op.create_table('person',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('project_id', sa.Uuid(), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('contact', sa.Text(), nullable=False),
    sa.Column('may_be_named', sa.Boolean(), nullable=False),
    sa.Column('may_be_contacted', sa.Boolean(), nullable=False),
    sa.Column('consent_on', sa.Date(), nullable=True),
    sa.Column('consent_source', sa.Enum('oral', 'written', name='consentsource', native_enum=False, length=24), nullable=True),
    sa.Column('withdrawn_at', sa.DateTime(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['project_id'], ['project.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_person_project_id'), ['project_id'], unique=False)

    op.create_table('brief_record',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('meeting_id', sa.Uuid(), nullable=False),
    sa.Column('sent_on', sa.Date(), nullable=False),
    sa.Column('recipients', sa.Text(), nullable=False),
    sa.Column('language', sa.String(length=8), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['meeting_id'], ['meeting.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('brief_record', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_brief_record_meeting_id'), ['meeting_id'], unique=False)

    with op.batch_alter_table('idea', schema=None) as batch_op:
        batch_op.add_column(sa.Column('person_id', sa.Uuid(), nullable=True))
        batch_op.create_foreign_key('fk_idea_person', 'person', ['person_id'], ['id'])

    with op.batch_alter_table('meeting', schema=None) as batch_op:
        batch_op.add_column(sa.Column('attendance', sa.Integer(), nullable=True))

    with op.batch_alter_table('resource_ask', schema=None) as batch_op:
        batch_op.add_column(sa.Column('person_id', sa.Uuid(), nullable=True))
        batch_op.add_column(sa.Column('department', sa.Text(), nullable=False, server_default=''))
        batch_op.add_column(
            sa.Column('needs_decision', sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch_op.create_foreign_key('fk_resource_ask_person', 'person', ['person_id'], ['id'])



def downgrade() -> None:
    with op.batch_alter_table('resource_ask', schema=None) as batch_op:
        batch_op.drop_constraint('fk_resource_ask_person', type_='foreignkey')
        batch_op.drop_column('needs_decision')
        batch_op.drop_column('department')
        batch_op.drop_column('person_id')

    with op.batch_alter_table('meeting', schema=None) as batch_op:
        batch_op.drop_column('attendance')

    with op.batch_alter_table('idea', schema=None) as batch_op:
        batch_op.drop_constraint('fk_idea_person', type_='foreignkey')
        batch_op.drop_column('person_id')

    with op.batch_alter_table('brief_record', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_brief_record_meeting_id'))

    op.drop_table('brief_record')
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_person_project_id'))

    op.drop_table('person')
    op.drop_table('setting')
