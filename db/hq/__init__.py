"""Headquarters database: devices, imported bundles, the merged record store, conflicts
and blobs. SQLite by default, PostgreSQL through an SQLAlchemy URL (psycopg 3)."""
