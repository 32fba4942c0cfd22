"""Alembic environment for the HQ database (SQLite or PostgreSQL)."""

from __future__ import annotations

from alembic import context

from db.hq.models import HqBase

config = context.config


def run() -> None:
    engine = config.attributes["engine"]
    with engine.begin() as connection:
        context.configure(
            connection=connection, target_metadata=HqBase.metadata, render_as_batch=True
        )
        with context.begin_transaction():
            context.run_migrations()


run()
