"""PDF reports built with reportlab from plain dataclasses (no Qt, no database)."""
