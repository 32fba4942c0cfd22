"""Sync bundles: writing and strict validation of ``*.cdsync`` files, Ed25519 signing,
acknowledgements, merge rules and the HQ ingest."""
