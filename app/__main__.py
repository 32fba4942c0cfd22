"""Entry point for ``python -m app`` (and of the frozen app)."""

import sys

if __name__ == "__main__":
    from app.sync.blob_copy import CHILD_ARG

    if sys.argv[1:] == [CHILD_ARG]:  # the photo-copying process of an export (frozen app)
        from app.sync.blob_copy import child_main

        sys.exit(child_main())
    from app.cli import main

    sys.exit(main())
