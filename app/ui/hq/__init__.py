"""The HQ console: the PySide6 application in an HQ mode (``channeldesk hq gui``)."""
