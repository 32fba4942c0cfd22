"""Pure business rules: no Qt, no database session, no I/O beyond reading resources."""
