"""ChannelDesk (渠道巡检台): offline-first desktop application for field channel managers."""

__version__ = "0.1.0"
APP_NAME = "ChannelDesk"
