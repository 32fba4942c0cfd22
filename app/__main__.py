"""Entry point for ``python -m app`` (and of the frozen app)."""

import sys

if __name__ == "__main__":
    from app.sync import BLOB_COPY_CHILD_ARG

    if sys.argv[1:] == [BLOB_COPY_CHILD_ARG]:  # the photo-copying process of an export (frozen app)
        from app.sync.blob_copy import child_main

        sys.exit(child_main())
    if getattr(sys, "frozen", False) and not sys.argv[1:]:
        sys.argv.append("gui")  # the installed app started from its menu entry or icon
    from app.cli import main

    sys.exit(main())
