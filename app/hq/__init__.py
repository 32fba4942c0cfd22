"""The HQ server: ingest, merge, acks, publish, stats and reports over the HQ database
(SQLite or PostgreSQL). ``app.hq.server.Hq`` is the entry point; ``app.sync`` holds the
wire format it shares with the laptops."""
