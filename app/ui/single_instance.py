"""One running ChannelDesk per data directory: a second start asks the first window to
come to the front and exits. A stale socket left by a crash is detected (nobody answers)
and removed."""

from __future__ import annotations

import hashlib

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket


class SingleInstance(QObject):
    activated = Signal()

    def __init__(self, key: str) -> None:
        super().__init__()
        self.name = "channeldesk-" + hashlib.sha256(key.encode()).hexdigest()[:16]
        self.server: QLocalServer | None = None

    def try_primary(self) -> bool:
        """True when this process is the first one (and now listens for others)."""
        socket = QLocalSocket()
        socket.connectToServer(self.name)
        if socket.waitForConnected(500):
            socket.write(b"activate")
            socket.flush()
            socket.waitForBytesWritten(500)
            socket.disconnectFromServer()
            return False
        QLocalServer.removeServer(self.name)  # stale socket from a crashed run
        self.server = QLocalServer(self)
        self.server.newConnection.connect(self._on_connection)
        return self.server.listen(self.name)

    def _on_connection(self) -> None:
        assert self.server is not None
        connection = self.server.nextPendingConnection()
        if connection is not None:
            connection.disconnected.connect(connection.deleteLater)
        self.activated.emit()
