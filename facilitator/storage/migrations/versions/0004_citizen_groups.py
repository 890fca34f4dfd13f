"""Citizen groups: a project's list of groups that carry ideas, asks and next steps.

Revision ID: 0004
Revises: 0003
"""
import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A new table only: no existing row is touched.
    op.create_table('citizen_group',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('project_id', sa.Uuid(), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['project_id'], ['project.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('citizen_group', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_citizen_group_project_id'), ['project_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('citizen_group', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_citizen_group_project_id'))

    op.drop_table('citizen_group')
