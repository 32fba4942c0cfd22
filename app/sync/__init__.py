"""Sync bundles: writing and strict validation of ``*.cdsync`` files, Ed25519 signing,
acknowledgements, merge rules and the HQ ingest."""

BLOB_COPY_CHILD_ARG = "--channeldesk-blob-copy"
"""How the frozen app's entry point recognises the photo-copying process of an export
(here, not in ``blob_copy``: every start compares its arguments with it)."""
