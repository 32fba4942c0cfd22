<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
  <context>
    <name>cli</name>
    <message>
      <source>ChannelDesk (渠道巡检台) — field channel management</source>
      <translation>ChannelDesk (渠道巡检台) — field channel management</translation>
    </message>
    <message>
      <source>Data directory ready: {path}</source>
      <translation>Data directory ready: {path}</translation>
    </message>
    <message>
      <source>HQ public-key file to trust</source>
      <translation>HQ public-key file to trust</translation>
    </message>
    <message>
      <source>Internal error: {error}. Crash report: {path}</source>
      <translation>Internal error: {error}. Crash report: {path}</translation>
    </message>
    <message>
      <source>Interrupted.</source>
      <translation>Interrupted.</translation>
    </message>
    <message>
      <source>comma-separated region codes, e.g. 3101</source>
      <translation>comma-separated region codes, e.g. 3101</translation>
    </message>
    <message>
      <source>create the data dir, database and device key</source>
      <translation>create the data dir, database and device key</translation>
    </message>
    <message>
      <source>data directory</source>
      <translation>data directory</translation>
    </message>
    <message>
      <source>device identity</source>
      <translation>device identity</translation>
    </message>
    <message>
      <source>language of messages</source>
      <translation>language of messages</translation>
    </message>
  </context>
  <context>
    <name>errors</name>
    <message>
      <source>Cannot create the data directory {path}: {error}</source>
      <translation>Cannot create the data directory {path}: {error}</translation>
    </message>
    <message>
      <source>Cannot open the database {path}: {error}</source>
      <translation>Cannot open the database {path}: {error}</translation>
    </message>
    <message>
      <source>Cannot write to the data directory {path}: {error}</source>
      <translation>Cannot write to the data directory {path}: {error}</translation>
    </message>
    <message>
      <source>Cannot write {path}: {error}</source>
      <translation>Cannot write {path}: {error}</translation>
    </message>
    <message>
      <source>The data directory {path} is read-only. Choose a writable folder with --data-dir.</source>
      <translation>The data directory {path} is read-only. Choose a writable folder with --data-dir.</translation>
    </message>
    <message>
      <source>The database file {path} is damaged ({problem}). Nothing was changed; restore a backup with 'channeldesk restore' or move the file away.</source>
      <translation>The database file {path} is damaged ({problem}). Nothing was changed; restore a backup with 'channeldesk restore' or move the file away.</translation>
    </message>
    <message>
      <source>The device key {path} is missing: {error}</source>
      <translation>The device key {path} is missing: {error}</translation>
    </message>
    <message>
      <source>This data directory is not initialised; run 'channeldesk init'.</source>
      <translation>This data directory is not initialised; run 'channeldesk init'.</translation>
    </message>
    <message>
      <source>This data was written by a newer version of ChannelDesk (database revision {found}, this build knows up to {known}). Please update ChannelDesk; nothing was changed.</source>
      <translation>This data was written by a newer version of ChannelDesk (database revision {found}, this build knows up to {known}). Please update ChannelDesk; nothing was changed.</translation>
    </message>
    <message>
      <source>Unknown region code(s): {codes}. Use 2-, 4- or 6-digit codes such as 31, 3101 or 310101.</source>
      <translation>Unknown region code(s): {codes}. Use 2-, 4- or 6-digit codes such as 31, 3101 or 310101.</translation>
    </message>
    <message>
      <source>{path} is not an HQ public-key file: the key must be 32 bytes</source>
      <translation>{path} is not an HQ public-key file: the key must be 32 bytes</translation>
    </message>
    <message>
      <source>{path} is not an HQ public-key file: {error}</source>
      <translation>{path} is not an HQ public-key file: {error}</translation>
    </message>
    <message>
      <source>{path}: the fingerprint does not match the key</source>
      <translation>{path}: the fingerprint does not match the key</translation>
    </message>
  </context>
</TS>
