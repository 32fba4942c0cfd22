"""Database layer: SQLAlchemy 2 typed models, engine factory and Alembic migrations."""
