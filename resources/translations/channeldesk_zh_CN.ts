<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>cli</name>
    <message>
      <source>ChannelDesk (渠道巡检台) — field channel management</source>
      <translation>渠道巡检台 ChannelDesk — 渠道经理外勤管理</translation>
    </message>
    <message>
      <source>Data directory ready: {path}</source>
      <translation>数据目录已就绪：{path}</translation>
    </message>
    <message>
      <source>HQ public-key file to trust</source>
      <translation>要信任的总部公钥文件</translation>
    </message>
    <message>
      <source>Internal error: {error}. Crash report: {path}</source>
      <translation>内部错误：{error}。崩溃报告：{path}</translation>
    </message>
    <message>
      <source>Interrupted.</source>
      <translation>已中断。</translation>
    </message>
    <message>
      <source>comma-separated region codes, e.g. 3101</source>
      <translation>以逗号分隔的行政区划代码，例如 3101</translation>
    </message>
    <message>
      <source>create the data dir, database and device key</source>
      <translation>创建数据目录、数据库和设备密钥</translation>
    </message>
    <message>
      <source>data directory</source>
      <translation>数据目录</translation>
    </message>
    <message>
      <source>device identity</source>
      <translation>设备身份</translation>
    </message>
    <message>
      <source>language of messages</source>
      <translation>消息语言</translation>
    </message>
  </context>
  <context>
    <name>errors</name>
    <message>
      <source>Cannot create the data directory {path}: {error}</source>
      <translation>无法创建数据目录 {path}：{error}</translation>
    </message>
    <message>
      <source>Cannot open the database {path}: {error}</source>
      <translation>无法打开数据库 {path}：{error}</translation>
    </message>
    <message>
      <source>Cannot write to the data directory {path}: {error}</source>
      <translation>无法写入数据目录 {path}：{error}</translation>
    </message>
    <message>
      <source>Cannot write {path}: {error}</source>
      <translation>无法写入 {path}：{error}</translation>
    </message>
    <message>
      <source>The data directory {path} is read-only. Choose a writable folder with --data-dir.</source>
      <translation>数据目录 {path} 为只读。请用 --data-dir 指定一个可写的文件夹。</translation>
    </message>
    <message>
      <source>The database file {path} is damaged ({problem}). Nothing was changed; restore a backup with 'channeldesk restore' or move the file away.</source>
      <translation>数据库文件 {path} 已损坏（{problem}）。未做任何更改；请用“channeldesk restore”恢复备份，或将该文件移走。</translation>
    </message>
    <message>
      <source>The device key {path} is missing: {error}</source>
      <translation>设备密钥 {path} 缺失：{error}</translation>
    </message>
    <message>
      <source>This data directory is not initialised; run 'channeldesk init'.</source>
      <translation>该数据目录尚未初始化；请运行“channeldesk init”。</translation>
    </message>
    <message>
      <source>This data was written by a newer version of ChannelDesk (database revision {found}, this build knows up to {known}). Please update ChannelDesk; nothing was changed.</source>
      <translation>这些数据由更新版本的渠道巡检台写入（数据库版本 {found}，本程序最高支持 {known}）。请升级渠道巡检台；未做任何更改。</translation>
    </message>
    <message>
      <source>Unknown region code(s): {codes}. Use 2-, 4- or 6-digit codes such as 31, 3101 or 310101.</source>
      <translation>未知的行政区划代码：{codes}。请使用 2、4 或 6 位代码，例如 31、3101 或 310101。</translation>
    </message>
    <message>
      <source>{path} is not an HQ public-key file: the key must be 32 bytes</source>
      <translation>{path} 不是总部公钥文件：密钥必须为 32 字节</translation>
    </message>
    <message>
      <source>{path} is not an HQ public-key file: {error}</source>
      <translation>{path} 不是总部公钥文件：{error}</translation>
    </message>
    <message>
      <source>{path}: the fingerprint does not match the key</source>
      <translation>{path}：指纹与密钥不符</translation>
    </message>
  </context>
</TS>
