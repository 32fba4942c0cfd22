<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>AdvanceDialog</name>
    <message>
      <source>Move the complaint forward</source>
      <translation>推进投诉处理</translation>
    </message>
    <message>
      <source>New status</source>
      <translation>新状态</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>Satisfaction (1–5)</source>
      <translation>满意度（1–5）</translation>
    </message>
    <message>
      <source>not asked</source>
      <translation>未回访</translation>
    </message>
  </context>
  <context>
    <name>Aging</name>
    <message>
      <source>0–30 days</source>
      <translation>0–30 天</translation>
    </message>
    <message>
      <source>31–60 days</source>
      <translation>31–60 天</translation>
    </message>
    <message>
      <source>61–90 days</source>
      <translation>61–90 天</translation>
    </message>
    <message>
      <source>Over 90 days</source>
      <translation>90 天以上</translation>
    </message>
  </context>
  <context>
    <name>Answers</name>
    <message>
      <source>Failed</source>
      <translation>未通过</translation>
    </message>
    <message>
      <source>No</source>
      <translation>否</translation>
    </message>
    <message>
      <source>Not applicable</source>
      <translation>不适用</translation>
    </message>
    <message>
      <source>Passed</source>
      <translation>通过</translation>
    </message>
    <message>
      <source>Yes</source>
      <translation>是</translation>
    </message>
  </context>
  <context>
    <name>BusinessRecords</name>
    <message>
      <source>New customer</source>
      <translation>新增客户</translation>
    </message>
    <message>
      <source>Served customer</source>
      <translation>服务客户</translation>
    </message>
  </context>
  <context>
    <name>Callbacks</name>
    <message>
      <source>Confirmed</source>
      <translation>属实</translation>
    </message>
    <message>
      <source>Deposit withheld</source>
      <translation>押金未退</translation>
    </message>
    <message>
      <source>Fake record</source>
      <translation>虚假业务</translation>
    </message>
    <message>
      <source>Refused</source>
      <translation>拒绝回访</translation>
    </message>
    <message>
      <source>Unauthorised connection</source>
      <translation>违规开户</translation>
    </message>
    <message>
      <source>Unreachable</source>
      <translation>无法接通</translation>
    </message>
  </context>
  <context>
    <name>ChecklistKinds</name>
    <message>
      <source>Choice</source>
      <translation>单选</translation>
    </message>
    <message>
      <source>Number</source>
      <translation>数值</translation>
    </message>
    <message>
      <source>Photo</source>
      <translation>照片</translation>
    </message>
    <message>
      <source>Score</source>
      <translation>评分</translation>
    </message>
    <message>
      <source>Text</source>
      <translation>文字</translation>
    </message>
    <message>
      <source>Yes / no</source>
      <translation>是 / 否</translation>
    </message>
  </context>
  <context>
    <name>Complaints</name>
    <message>
      <source>Assigned</source>
      <translation>已派单</translation>
    </message>
    <message>
      <source>Closed</source>
      <translation>已关闭</translation>
    </message>
    <message>
      <source>Received</source>
      <translation>已受理</translation>
    </message>
    <message>
      <source>Resolved</source>
      <translation>已解决</translation>
    </message>
    <message>
      <source>Responded</source>
      <translation>已答复</translation>
    </message>
  </context>
  <context>
    <name>ComplaintsSection</name>
    <message numerus="yes">
      <source>%n complaint(s)</source>
      <translation>
        <numerusform>%n 件投诉</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n overdue</source>
      <translation>
        <numerusform>%n 件超时</numerusform>
      </translation>
    </message>
    <message>
      <source>&amp;Move forward…</source>
      <translation>推进处理(&amp;M)…</translation>
    </message>
    <message>
      <source>&amp;New complaint…</source>
      <translation>新建投诉(&amp;N)…</translation>
    </message>
    <message>
      <source>All states</source>
      <translation>全部状态</translation>
    </message>
    <message>
      <source>Complaint</source>
      <translation>投诉内容</translation>
    </message>
    <message>
      <source>Complaints</source>
      <translation>投诉处理</translation>
    </message>
    <message>
      <source>No complaints.</source>
      <translation>没有投诉。</translation>
    </message>
    <message>
      <source>Overdue</source>
      <translation>超时</translation>
    </message>
    <message>
      <source>Partner</source>
      <translation>渠道</translation>
    </message>
    <message>
      <source>Received</source>
      <translation>受理时间</translation>
    </message>
    <message>
      <source>Satisfaction</source>
      <translation>满意度</translation>
    </message>
    <message>
      <source>Select a complaint first.</source>
      <translation>请先选择一件投诉。</translation>
    </message>
    <message>
      <source>Show</source>
      <translation>显示</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>resolution</source>
      <translation>解决超时</translation>
    </message>
    <message>
      <source>response</source>
      <translation>响应超时</translation>
    </message>
  </context>
  <context>
    <name>ConflictsSection</name>
    <message numerus="yes">
      <source>%n unresolved conflict(s)</source>
      <translation>
        <numerusform>%n 个未解决的冲突</numerusform>
      </translation>
    </message>
    <message>
      <source>&amp;Keep current value</source>
      <translation>保留当前值(&amp;K)</translation>
    </message>
    <message>
      <source>Conflicts</source>
      <translation>同步冲突</translation>
    </message>
    <message>
      <source>Current value</source>
      <translation>当前值</translation>
    </message>
    <message>
      <source>Field</source>
      <translation>字段</translation>
    </message>
    <message>
      <source>No sync conflicts to resolve.</source>
      <translation>没有需要处理的同步冲突。</translation>
    </message>
    <message>
      <source>Other value</source>
      <translation>另一方的值</translation>
    </message>
    <message>
      <source>Record</source>
      <translation>记录</translation>
    </message>
    <message>
      <source>Select a conflict first.</source>
      <translation>请先选择一个冲突。</translation>
    </message>
    <message>
      <source>Take the &amp;other value</source>
      <translation>采用另一方的值(&amp;O)</translation>
    </message>
  </context>
  <context>
    <name>ContactDialog</name>
    <message>
      <source>&amp;Name</source>
      <translation>名称(&amp;N)</translation>
    </message>
    <message>
      <source>&amp;Phone</source>
      <translation>电话(&amp;P)</translation>
    </message>
    <message>
      <source>Add contact</source>
      <translation>添加联系人</translation>
    </message>
    <message>
      <source>E-mail</source>
      <translation>电子邮箱</translation>
    </message>
    <message>
      <source>No</source>
      <translation>否</translation>
    </message>
    <message>
      <source>Primary</source>
      <translation>主要联系人</translation>
    </message>
    <message>
      <source>Role</source>
      <translation>职务</translation>
    </message>
    <message>
      <source>Yes (primary contact)</source>
      <translation>是（主要联系人）</translation>
    </message>
  </context>
  <context>
    <name>ContractDialog</name>
    <message>
      <source>&amp;Number</source>
      <translation>编号(&amp;N)</translation>
    </message>
    <message>
      <source>Add contract</source>
      <translation>添加合同</translation>
    </message>
    <message>
      <source>Channel cooperation agreement</source>
      <translation>渠道合作协议</translation>
    </message>
    <message>
      <source>Confidentiality</source>
      <translation>保密条款</translation>
    </message>
    <message>
      <source>End</source>
      <translation>结束</translation>
    </message>
    <message>
      <source>Key clauses</source>
      <translation>主要条款</translation>
    </message>
    <message>
      <source>Optional: scan of the signed contract</source>
      <translation>可选：已签合同的扫描件</translation>
    </message>
    <message>
      <source>Scan file</source>
      <translation>扫描件</translation>
    </message>
    <message>
      <source>Start</source>
      <translation>开始</translation>
    </message>
    <message>
      <source>Termination</source>
      <translation>终止条款</translation>
    </message>
    <message>
      <source>Type</source>
      <translation>类型</translation>
    </message>
  </context>
  <context>
    <name>CountDelegate</name>
    <message>
      <source>Counted quantity</source>
      <translation>实盘数量</translation>
    </message>
    <message>
      <source>not counted</source>
      <translation>未清点</translation>
    </message>
  </context>
  <context>
    <name>CrashDialog</name>
    <message>
      <source>ChannelDesk — unexpected error</source>
      <translation>渠道巡检台 — 意外错误</translation>
    </message>
    <message>
      <source>Copy report</source>
      <translation>复制报告</translation>
    </message>
    <message>
      <source>Report saved to: {path}</source>
      <translation>报告已保存到：{path}</translation>
    </message>
    <message>
      <source>Something went wrong. Your saved data and autosaved drafts are safe. Please send this report to support.</source>
      <translation>程序出错了。已保存的数据和自动保存的草稿都是安全的。请将此报告发送给技术支持。</translation>
    </message>
  </context>
  <context>
    <name>DashboardSection</name>
    <message>
      <source>Actual</source>
      <translation>实际</translation>
    </message>
    <message>
      <source>Actuals from HQ's CSV or XLSX export: partner_code, metric, period, amount</source>
      <translation>从总部导出的 CSV 或 XLSX 文件导入实绩，列为：渠道编码、指标、期间、金额（也可用英文列名）</translation>
    </message>
    <message>
      <source>Components</source>
      <translation>分项</translation>
    </message>
    <message>
      <source>Dashboard</source>
      <translation>目标看板</translation>
    </message>
    <message>
      <source>Decompose targets…</source>
      <translation>目标分解…</translation>
    </message>
    <message>
      <source>Import actuals</source>
      <translation>导入实绩</translation>
    </message>
    <message>
      <source>Import actuals…</source>
      <translation>导入实绩…</translation>
    </message>
    <message>
      <source>Import targets</source>
      <translation>导入目标</translation>
    </message>
    <message>
      <source>Import targets…</source>
      <translation>导入目标…</translation>
    </message>
    <message>
      <source>Importing {file}…</source>
      <translation>正在导入 {file}…</translation>
    </message>
    <message>
      <source>KPI score</source>
      <translation>KPI 得分</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>名称</translation>
    </message>
    <message>
      <source>No KPI scores this month yet.</source>
      <translation>本月还没有 KPI 得分。</translation>
    </message>
    <message>
      <source>No partner targets this month.
Import targets or decompose a region's target.</source>
      <translation>本月没有渠道目标。
请导入目标或分解区域目标。</translation>
    </message>
    <message>
      <source>Overdue</source>
      <translation>逾期</translation>
    </message>
    <message>
      <source>Partner</source>
      <translation>渠道</translation>
    </message>
    <message>
      <source>Partners in {month}</source>
      <translation>{month} 各渠道</translation>
    </message>
    <message>
      <source>Partners this month, lowest progress first (red: behind the time line)</source>
      <translation>本月各渠道（按完成进度升序，红色为落后于时间进度）</translation>
    </message>
    <message>
      <source>Progress</source>
      <translation>完成进度</translation>
    </message>
    <message>
      <source>Rank</source>
      <translation>排名</translation>
    </message>
    <message>
      <source>Receivables by days overdue (10,000 yuan)</source>
      <translation>应收账款账龄（万元）</translation>
    </message>
    <message>
      <source>Revenue: target vs actual by month (10,000 yuan)</source>
      <translation>销售额：各月目标与实际（万元）</translation>
    </message>
    <message>
      <source>Split a region's annual target to months and partners</source>
      <translation>把地区的年度目标分解到月份和渠道</translation>
    </message>
    <message>
      <source>Tables (*.csv *.xlsx)</source>
      <translation>表格 (*.csv *.xlsx)</translation>
    </message>
    <message>
      <source>Target</source>
      <translation>目标</translation>
    </message>
    <message>
      <source>Targets from a CSV or XLSX file: metric, period, scope_kind, scope, amount</source>
      <translation>从 CSV 或 XLSX 文件导入目标，列为：指标、期间、范围类型、范围、金额（也可用英文列名）</translation>
    </message>
    <message>
      <source>missing: {names}</source>
      <translation>缺少：{names}</translation>
    </message>
    <message>
      <source>{file}: {rows} rows, {created} new, {updated} changed, {unchanged} unchanged.</source>
      <translation>{file}：共 {rows} 行，新增 {created}，修改 {updated}，未变 {unchanged}。</translation>
    </message>
    <message>
      <source>{month} revenue: completion {done} vs time elapsed {time}</source>
      <translation>{month} 销售额：完成进度 {done}，时间进度 {time}</translation>
    </message>
    <message>
      <source>{score} (incomplete)</source>
      <translation>{score}（不完整）</translation>
    </message>
  </context>
  <context>
    <name>DecompositionDialog</name>
    <message>
      <source>Annual target</source>
      <translation>年度目标</translation>
    </message>
    <message>
      <source>HQ published these targets; they are shown read-only.</source>
      <translation>这些目标由总部下达，仅供查看，不能修改。</translation>
    </message>
    <message>
      <source>HQ set the region's months; you can distribute them to the partners.</source>
      <translation>各月目标由总部下达；您可以把它们分解到各渠道。</translation>
    </message>
    <message>
      <source>Highlighted bold cells were set by hand; type an amount into a partner's month or a month total to set it, Delete releases it.</source>
      <translation>高亮加粗的单元格为手工调整；在渠道的月份或月合计中输入金额即可调整，按 Delete 键取消调整。</translation>
    </message>
    <message>
      <source>Loading the targets…</source>
      <translation>正在读取目标…</translation>
    </message>
    <message>
      <source>Metric</source>
      <translation>指标</translation>
    </message>
    <message>
      <source>Months by</source>
      <translation>月份分解依据</translation>
    </message>
    <message>
      <source>Partners by</source>
      <translation>渠道分解依据</translation>
    </message>
    <message>
      <source>Region</source>
      <translation>地区</translation>
    </message>
    <message>
      <source>Region {region} has no active partners; only the region's targets are saved.</source>
      <translation>地区 {region} 没有在营渠道，只保存地区目标。</translation>
    </message>
    <message>
      <source>Release all overrides</source>
      <translation>取消全部手工调整</translation>
    </message>
    <message>
      <source>Release selected overrides</source>
      <translation>取消所选手工调整</translation>
    </message>
    <message>
      <source>Target decomposition</source>
      <translation>目标分解</translation>
    </message>
    <message>
      <source>Targets of {region} for {year} saved.</source>
      <translation>已保存 {region} 的 {year} 年目标。</translation>
    </message>
    <message>
      <source>The annual target comes from HQ; you can distribute it to the partners.</source>
      <translation>年度目标由总部下达；您可以把它分解到各渠道。</translation>
    </message>
    <message>
      <source>The annual target must be a non-negative amount with at most {d} decimals.</source>
      <translation>年度目标必须是不小于零、最多 {d} 位小数的数值。</translation>
    </message>
    <message>
      <source>Year</source>
      <translation>年度</translation>
    </message>
    <message>
      <source>annual target of the region</source>
      <translation>地区年度目标</translation>
    </message>
    <message>
      <source>as saved</source>
      <translation>按已保存</translation>
    </message>
    <message>
      <source>grade weights</source>
      <translation>等级权重</translation>
    </message>
    <message>
      <source>last year's actuals</source>
      <translation>去年实绩</translation>
    </message>
    <message>
      <source>last year's share</source>
      <translation>去年占比</translation>
    </message>
    <message>
      <source>seasonality</source>
      <translation>季节性</translation>
    </message>
    <message>
      <source>{count} active partners. Grade weights: A 4, B 3, C 2, D 1; last year means {year}'s actuals.</source>
      <translation>{count} 个在营渠道。等级权重：A 4、B 3、C 2、D 1；去年指 {year} 年实绩。</translation>
    </message>
  </context>
  <context>
    <name>DecompositionModel</name>
    <message>
      <source>Month total set by hand; the other months share the rest of the year. Press Delete to release it.</source>
      <translation>月合计为手工调整；其余月份分摊全年剩余目标。按 Delete 键取消调整。</translation>
    </message>
    <message>
      <source>Month {month}</source>
      <translation>{month}月</translation>
    </message>
    <message>
      <source>Not a non-negative amount with at most {d} decimals: {value}</source>
      <translation>不是不小于零、最多 {d} 位小数的数值：{value}</translation>
    </message>
    <message>
      <source>Partner</source>
      <translation>渠道</translation>
    </message>
    <message>
      <source>Set by hand; the other partners of this month share the rest. Press Delete to release it.</source>
      <translation>手工调整；本月其余渠道分摊剩余目标。按 Delete 键取消调整。</translation>
    </message>
    <message>
      <source>Total</source>
      <translation>合计</translation>
    </message>
  </context>
  <context>
    <name>DevRecordsSection</name>
    <message>
      <source>, </source>
      <translation>、</translation>
    </message>
    <message>
      <source>Customer</source>
      <translation>客户编号</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>日期</translation>
    </message>
    <message>
      <source>Development records</source>
      <translation>发展记录</translation>
    </message>
    <message numerus="yes">
      <source>HQ holds %n record(s) from {first} to {last}; partners with records: {partners}.</source>
      <translation>
        <numerusform>总部共有 %n 条记录，日期从 {first} 到 {last}，涉及 {partners} 个渠道。</numerusform>
      </translation>
    </message>
    <message>
      <source>HQ holds no development records yet.</source>
      <translation>总部尚无发展记录。</translation>
    </message>
    <message>
      <source>HQ holds no development records: drop the operator's CSV or XLSX file here.</source>
      <translation>总部尚无发展记录：请把运营商系统导出的 CSV 或 XLSX 文件拖到这里。</translation>
    </message>
    <message>
      <source>Import development records</source>
      <translation>导入发展记录</translation>
    </message>
    <message>
      <source>Importing development records…</source>
      <translation>正在导入发展记录…</translation>
    </message>
    <message>
      <source>Import…</source>
      <translation>导入…</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>业务类型</translation>
    </message>
    <message>
      <source>Laptops receive them with their next HQ bundle.</source>
      <translation>笔记本电脑将在下一个总部数据包中收到。</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>名称</translation>
    </message>
    <message>
      <source>No development record matches “{search}”.</source>
      <translation>没有与“{search}”相符的发展记录。</translation>
    </message>
    <message>
      <source>Only CSV or XLSX files can be imported here.</source>
      <translation>此处只能导入 CSV 或 XLSX 文件。</translation>
    </message>
    <message>
      <source>Partner</source>
      <translation>渠道</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>手机号</translation>
    </message>
    <message>
      <source>Prepaid</source>
      <translation>预存款</translation>
    </message>
    <message>
      <source>Product</source>
      <translation>产品</translation>
    </message>
    <message>
      <source>Records older than {days} days are deleted.</source>
      <translation>超过 {days} 天的记录会被删除。</translation>
    </message>
    <message>
      <source>Search partner code or name, product, customer</source>
      <translation>搜索渠道编码或名称、产品、客户</translation>
    </message>
    <message>
      <source>Spreadsheets (*.csv *.xlsx)</source>
      <translation>表格文件 (*.csv *.xlsx)</translation>
    </message>
    <message>
      <source>The channels' daily business records from the operator's system (CSV or XLSX: date, partner code, product, customer, phone, prepaid amount, new or served). Drop a file here or import it: every row is checked first, nothing is stored while one is wrong. Publish takes each partner's records to the laptops of its territory, the phones sealed to each laptop's key.</source>
      <translation>运营商系统导出的渠道每日业务记录（CSV 或 XLSX：日期、渠道编码、产品、客户编号、手机号、预存款、新增客户或服务客户）。把文件拖到这里或点“导入”：先逐行检查，有一行出错就什么都不保存。发布时，每个渠道的记录会发到其辖区的笔记本电脑，手机号用各笔记本电脑的密钥加密。</translation>
    </message>
    <message>
      <source>The newest {n} are listed.</source>
      <translation>列出最新的 {n} 条。</translation>
    </message>
    <message>
      <source>{matched} of {total} records match “{search}”.</source>
      <translation>共 {total} 条记录，其中 {matched} 条与“{search}”相符。</translation>
    </message>
    <message>
      <source>{rows} rows: {created} new, {skipped} already held.</source>
      <translation>共 {rows} 行：新增 {created} 条，已有 {skipped} 条。</translation>
    </message>
    <message>
      <source>⚠ No encryption key is registered for {devices}: they get no development records. Have each laptop export its key file again and register it under Devices.</source>
      <translation>⚠ {devices} 未登记加密密钥，收不到发展记录。请让这些笔记本电脑重新导出密钥文件，并在“设备”中登记。</translation>
    </message>
  </context>
  <context>
    <name>DevicesSection</name>
    <message>
      <source>Bundle</source>
      <translation>数据包</translation>
    </message>
    <message>
      <source>Bundles</source>
      <translation>数据包数</translation>
    </message>
    <message>
      <source>Change territory</source>
      <translation>变更辖区</translation>
    </message>
    <message>
      <source>Change territory…</source>
      <translation>变更辖区…</translation>
    </message>
    <message>
      <source>Device</source>
      <translation>设备</translation>
    </message>
    <message>
      <source>Device key file</source>
      <translation>设备密钥文件</translation>
    </message>
    <message>
      <source>Device {id} registered.</source>
      <translation>设备 {id} 已注册。</translation>
    </message>
    <message>
      <source>Device {id} revoked.</source>
      <translation>设备 {id} 已吊销。</translation>
    </message>
    <message>
      <source>Devices</source>
      <translation>设备</translation>
    </message>
    <message>
      <source>Drop a laptop's public-key file here to register it.</source>
      <translation>把笔记本的公钥文件拖到这里即可注册。</translation>
    </message>
    <message>
      <source>Encryption key</source>
      <translation>加密密钥</translation>
    </message>
    <message>
      <source>HQ has received no bundle from this device yet.</source>
      <translation>总部尚未收到该设备的数据包。</translation>
    </message>
    <message>
      <source>Key files (*.json *.key);;All files (*)</source>
      <translation>密钥文件 (*.json *.key);;所有文件 (*)</translation>
    </message>
    <message>
      <source>Last sync</source>
      <translation>最近同步</translation>
    </message>
    <message>
      <source>Manager</source>
      <translation>客户经理</translation>
    </message>
    <message>
      <source>No device is registered yet. On each laptop run “device export-key”, then drop the file here.</source>
      <translation>尚未登记任何设备。请在每台笔记本电脑的“设置”中点“导出密钥文件…”（或运行命令 device export-key），再把生成的文件拖到这里。</translation>
    </message>
    <message>
      <source>Received</source>
      <translation>接收时间</translation>
    </message>
    <message>
      <source>Records</source>
      <translation>记录数</translation>
    </message>
    <message>
      <source>Register from key file…</source>
      <translation>从密钥文件注册…</translation>
    </message>
    <message>
      <source>Registered</source>
      <translation>登记日期</translation>
    </message>
    <message>
      <source>Revoke device</source>
      <translation>吊销设备</translation>
    </message>
    <message>
      <source>Revoke device {id}? HQ then refuses its bundles.</source>
      <translation>吊销设备 {id}？此后总部拒收它的数据包。</translation>
    </message>
    <message>
      <source>Revoke…</source>
      <translation>吊销…</translation>
    </message>
    <message>
      <source>Select a device to see its bundles.</source>
      <translation>选择一台设备，查看它的数据包。</translation>
    </message>
    <message>
      <source>Select a device to see its sync history.</source>
      <translation>选择一台设备以查看其同步记录。</translation>
    </message>
    <message>
      <source>State</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Sync history of the selected device</source>
      <translation>所选设备的同步记录</translation>
    </message>
    <message>
      <source>Territory</source>
      <translation>辖区</translation>
    </message>
    <message>
      <source>Territory of device {id}: {territory}.</source>
      <translation>设备 {id} 的辖区：{territory}。</translation>
    </message>
    <message>
      <source>The regions of {manager}'s territory (none: everywhere). The next HQ bundle brings the partners of the new territory.</source>
      <translation>{manager} 的辖区包含的地区（不选：全国）。下一个总部数据包会带来新辖区的渠道。</translation>
    </message>
    <message>
      <source>Visits</source>
      <translation>巡检</translation>
    </message>
    <message>
      <source>active</source>
      <translation>正常</translation>
    </message>
    <message>
      <source>everywhere</source>
      <translation>全部地区</translation>
    </message>
    <message>
      <source>held</source>
      <translation>已登记</translation>
    </message>
    <message>
      <source>missing: gets no development records, register its key file again</source>
      <translation>缺失：收不到发展记录，请重新登记其密钥文件</translation>
    </message>
    <message>
      <source>never</source>
      <translation>从未</translation>
    </message>
    <message>
      <source>revoked</source>
      <translation>已吊销</translation>
    </message>
  </context>
  <context>
    <name>DutyRules</name>
    <message>
      <source>Callback attempts before unreachable</source>
      <translation>回访无法接通判定次数</translation>
    </message>
    <message>
      <source>Complaint resolution within (hours)</source>
      <translation>投诉解决时限（小时）</translation>
    </message>
    <message>
      <source>Complaint response within (hours)</source>
      <translation>投诉响应时限（小时）</translation>
    </message>
    <message>
      <source>Development records kept (days)</source>
      <translation>发展记录保存期限（天）</translation>
    </message>
    <message>
      <source>Photo taken at most (hours) before check-in</source>
      <translation>照片拍摄最早于签到前（小时）</translation>
    </message>
    <message>
      <source>Photo taken at most (metres) from the store</source>
      <translation>照片拍摄距门店最远（米）</translation>
    </message>
    <message>
      <source>Records called back (%)</source>
      <translation>回访抽样比例（%）</translation>
    </message>
    <message>
      <source>Warnings counted over (days)</source>
      <translation>预警统计期（天）</translation>
    </message>
    <message>
      <source>Warnings for a rectification order</source>
      <translation>下达整改单的预警次数</translation>
    </message>
    <message>
      <source>Warnings for a suspension proposal</source>
      <translation>提议暂停的预警次数</translation>
    </message>
  </context>
  <context>
    <name>Evidence</name>
    <message>
      <source>Photo taken at another time</source>
      <translation>照片拍摄时间不符</translation>
    </message>
    <message>
      <source>Photo taken elsewhere</source>
      <translation>照片拍摄地点不符</translation>
    </message>
    <message>
      <source>Photo used before</source>
      <translation>照片重复使用</translation>
    </message>
    <message>
      <source>Photo without camera data</source>
      <translation>照片无拍摄信息</translation>
    </message>
  </context>
  <context>
    <name>Findings</name>
    <message>
      <source>Checklist item</source>
      <translation>检查项目</translation>
    </message>
    <message>
      <source>Critical</source>
      <translation>严重</translation>
    </message>
    <message>
      <source>Materials</source>
      <translation>宣传物料</translation>
    </message>
    <message>
      <source>Minor</source>
      <translation>轻微</translation>
    </message>
    <message>
      <source>Normal</source>
      <translation>一般</translation>
    </message>
    <message>
      <source>Other</source>
      <translation>其他</translation>
    </message>
    <message>
      <source>Prices</source>
      <translation>价格</translation>
    </message>
    <message>
      <source>Serious</source>
      <translation>较重</translation>
    </message>
    <message>
      <source>Service</source>
      <translation>服务</translation>
    </message>
  </context>
  <context>
    <name>FirstRunWizard</name>
    <message>
      <source>&amp;Territory *</source>
      <translation>负责区域(&amp;T) *</translation>
    </message>
    <message>
      <source>Backup file (.cdbackup)</source>
      <translation>备份文件（.cdbackup）</translation>
    </message>
    <message>
      <source>Browse…</source>
      <translation>浏览…</translation>
    </message>
    <message>
      <source>Choose at least one region of your territory.</source>
      <translation>请至少选择一个负责区域。</translation>
    </message>
    <message>
      <source>Choose the backup file to restore.</source>
      <translation>请选择要恢复的备份文件。</translation>
    </message>
    <message>
      <source>Enter your name; it is printed on every report.</source>
      <translation>请填写您的姓名，每份报告都会打印。</translation>
    </message>
    <message>
      <source>HQ key</source>
      <translation>总部公钥</translation>
    </message>
    <message>
      <source>HQ key (*.key *.json)</source>
      <translation>总部公钥 (*.key *.json)</translation>
    </message>
    <message>
      <source>HQ public key</source>
      <translation>总部公钥</translation>
    </message>
    <message>
      <source>How do you want to start?</source>
      <translation>如何开始？</translation>
    </message>
    <message>
      <source>Language</source>
      <translation>语言</translation>
    </message>
    <message>
      <source>Optional: HQ public-key file</source>
      <translation>可选：总部公钥文件</translation>
    </message>
    <message>
      <source>Printed on every report, e.g. 李娜</source>
      <translation>打印在每份报告上，例如 李娜</translation>
    </message>
    <message>
      <source>Restore from a backup file</source>
      <translation>从备份文件恢复</translation>
    </message>
    <message>
      <source>Setting up this laptop…</source>
      <translation>正在设置这台电脑…</translation>
    </message>
    <message>
      <source>Start empty</source>
      <translation>从空白开始</translation>
    </message>
    <message>
      <source>Start with demo data (to try things out)</source>
      <translation>使用演示数据开始（先试用）</translation>
    </message>
    <message>
      <source>Welcome to ChannelDesk</source>
      <translation>欢迎使用渠道巡检台</translation>
    </message>
    <message>
      <source>You and your territory</source>
      <translation>您和您的区域</translation>
    </message>
    <message>
      <source>Your &amp;name *</source>
      <translation>您的姓名(&amp;N) *</translation>
    </message>
  </context>
  <context>
    <name>GradeRequestsSection</name>
    <message>
      <source>All</source>
      <translation>全部</translation>
    </message>
    <message>
      <source>Approve</source>
      <translation>批准</translation>
    </message>
    <message>
      <source>Approved</source>
      <translation>已批准</translation>
    </message>
    <message>
      <source>Approving sets the partner's grade at HQ; the decision and the grade reach the laptops with their next HQ bundle.</source>
      <translation>批准后总部即修改该渠道的等级；决定和新等级随下一个总部数据包发到各笔记本电脑。</translation>
    </message>
    <message>
      <source>Device</source>
      <translation>设备</translation>
    </message>
    <message>
      <source>Grade change</source>
      <translation>等级变更</translation>
    </message>
    <message>
      <source>Grade requests</source>
      <translation>等级变更申请</translation>
    </message>
    <message>
      <source>HQ's note</source>
      <translation>总部意见</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>名称</translation>
    </message>
    <message>
      <source>No grade change request waits for HQ.</source>
      <translation>没有待总部审批的等级变更申请。</translation>
    </message>
    <message>
      <source>No grade change requests.</source>
      <translation>没有等级变更申请。</translation>
    </message>
    <message>
      <source>Note to the manager (required to refuse)</source>
      <translation>给客户经理的意见（驳回时必填）</translation>
    </message>
    <message>
      <source>Partner</source>
      <translation>渠道</translation>
    </message>
    <message>
      <source>Reason</source>
      <translation>理由</translation>
    </message>
    <message>
      <source>Refuse</source>
      <translation>驳回</translation>
    </message>
    <message>
      <source>Refused</source>
      <translation>已驳回</translation>
    </message>
    <message>
      <source>Request approved: {code} is now grade {grade}.</source>
      <translation>申请已批准：{code} 现为 {grade} 级。</translation>
    </message>
    <message>
      <source>Request refused: {code} keeps grade {grade}.</source>
      <translation>申请已驳回：{code} 仍为 {grade} 级。</translation>
    </message>
    <message>
      <source>Requested by</source>
      <translation>申请人</translation>
    </message>
    <message>
      <source>Requested on</source>
      <translation>申请日期</translation>
    </message>
    <message>
      <source>Show</source>
      <translation>显示</translation>
    </message>
    <message>
      <source>State</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>The laptops receive the decision with their next HQ bundle.</source>
      <translation>各笔记本电脑将随下一个总部数据包收到该决定。</translation>
    </message>
    <message>
      <source>Waiting for HQ</source>
      <translation>待总部审批</translation>
    </message>
    <message>
      <source>approved</source>
      <translation>已批准</translation>
    </message>
    <message>
      <source>refused</source>
      <translation>已驳回</translation>
    </message>
    <message>
      <source>waiting</source>
      <translation>待审批</translation>
    </message>
  </context>
  <context>
    <name>Grades</name>
    <message>
      <source>A – key partner</source>
      <translation>A 类（核心渠道）</translation>
    </message>
    <message>
      <source>B – important partner</source>
      <translation>B 类（重点渠道）</translation>
    </message>
    <message>
      <source>C – regular partner</source>
      <translation>C 类（普通渠道）</translation>
    </message>
    <message>
      <source>D – partner under watch</source>
      <translation>D 类（观察渠道）</translation>
    </message>
  </context>
  <context>
    <name>GuiSession</name>
    <message>
      <source>Restored the backup made {created}.</source>
      <translation>已恢复 {created} 的备份。</translation>
    </message>
    <message>
      <source>Restored the backup made {created}. The previous data was kept in {kept}.</source>
      <translation>已恢复 {created} 的备份。原有数据已保留在 {kept}。</translation>
    </message>
    <message>
      <source>Restoring the backup…</source>
      <translation>正在恢复备份…</translation>
    </message>
    <message>
      <source>The backup was not restored: {error}</source>
      <translation>备份未恢复：{error}</translation>
    </message>
  </context>
  <context>
    <name>HeldTrainingDialog</name>
    <message>
      <source>Attendees</source>
      <translation>参训人员</translation>
    </message>
    <message>
      <source>Choose…</source>
      <translation>选择…</translation>
    </message>
    <message>
      <source>Materials</source>
      <translation>培训资料</translation>
    </message>
    <message>
      <source>Names, separated by commas</source>
      <translation>姓名，用逗号分隔</translation>
    </message>
    <message>
      <source>Photo</source>
      <translation>照片</translation>
    </message>
    <message>
      <source>Photo of the training</source>
      <translation>培训照片</translation>
    </message>
    <message>
      <source>Photos (*.jpg *.jpeg *.png)</source>
      <translation>照片 (*.jpg *.jpeg *.png)</translation>
    </message>
    <message>
      <source>Record the training as held</source>
      <translation>登记培训已完成</translation>
    </message>
  </context>
  <context>
    <name>HqImport</name>
    <message>
      <source>Import</source>
      <translation>导入</translation>
    </message>
    <message>
      <source>Importing…</source>
      <translation>正在导入…</translation>
    </message>
    <message>
      <source>Import…</source>
      <translation>导入…</translation>
    </message>
    <message>
      <source>Laptops receive them with their next HQ bundle.</source>
      <translation>各笔记本在下次收到总部数据包时获得。</translation>
    </message>
    <message>
      <source>Nothing imported yet: import a CSV or XLSX file.</source>
      <translation>尚未导入：请导入 CSV 或 XLSX 文件。</translation>
    </message>
    <message>
      <source>Spreadsheets (*.csv *.xlsx)</source>
      <translation>表格文件 (*.csv *.xlsx)</translation>
    </message>
    <message>
      <source>{rows} rows: {created} created, {updated} updated, {unchanged} unchanged</source>
      <translation>共 {rows} 行：新建 {created}，更新 {updated}，未变 {unchanged}</translation>
    </message>
  </context>
  <context>
    <name>HqWindow</name>
    <message>
      <source>Actions</source>
      <translation>操作</translation>
    </message>
    <message>
      <source>ChannelDesk HQ</source>
      <translation>ChannelDesk 总部控制台</translation>
    </message>
  </context>
  <context>
    <name>InboxSection</name>
    <message>
      <source>Acknowledgements are written beside each bundle.</source>
      <translation>回执写在各数据包旁边。</translation>
    </message>
    <message>
      <source>Acknowledgements folder…</source>
      <translation>回执文件夹…</translation>
    </message>
    <message>
      <source>Acknowledgements go to {dir}</source>
      <translation>回执写入 {dir}</translation>
    </message>
    <message>
      <source>Drop bundle files (.cdsync) or a folder here, or pick them. Each is checked, then applied as a whole or not at all.</source>
      <translation>把数据包文件（.cdsync）或文件夹拖到这里，或点选。每个数据包先校验，再整体导入或整体不导入。</translation>
    </message>
    <message>
      <source>Drop bundle files here or pick them; each result is listed here.</source>
      <translation>把数据包文件拖到这里或选择文件；每个文件的结果列在这里。</translation>
    </message>
    <message>
      <source>File</source>
      <translation>文件</translation>
    </message>
    <message>
      <source>Folder for acknowledgements</source>
      <translation>回执文件夹</translation>
    </message>
    <message>
      <source>Inbox</source>
      <translation>收件箱</translation>
    </message>
    <message>
      <source>Ingesting bundles…</source>
      <translation>正在导入数据包…</translation>
    </message>
    <message>
      <source>Pick a folder of bundles</source>
      <translation>选择数据包所在文件夹</translation>
    </message>
    <message>
      <source>Pick a folder…</source>
      <translation>选择文件夹…</translation>
    </message>
    <message>
      <source>Pick bundles</source>
      <translation>选择数据包</translation>
    </message>
    <message>
      <source>Pick bundles…</source>
      <translation>选择数据包…</translation>
    </message>
    <message>
      <source>Reason</source>
      <translation>原因</translation>
    </message>
    <message>
      <source>Result</source>
      <translation>结果</translation>
    </message>
    <message>
      <source>Sync bundles (*.cdsync);;All files (*)</source>
      <translation>同步数据包 (*.cdsync);;所有文件 (*)</translation>
    </message>
    <message>
      <source>accepted</source>
      <translation>已接收</translation>
    </message>
    <message>
      <source>duplicate</source>
      <translation>重复</translation>
    </message>
    <message>
      <source>rejected</source>
      <translation>已拒收</translation>
    </message>
    <message>
      <source>{a} accepted, {r} rejected, {d} duplicate.</source>
      <translation>接收 {a} 个，拒收 {r} 个，重复 {d} 个。</translation>
    </message>
  </context>
  <context>
    <name>InspectionsSection</name>
    <message>
      <source>All devices</source>
      <translation>全部设备</translation>
    </message>
    <message>
      <source>All months</source>
      <translation>全部月份</translation>
    </message>
    <message>
      <source>Content hash from a printed report's QR code</source>
      <translation>纸质报告二维码中的内容哈希</translation>
    </message>
    <message>
      <source>Device</source>
      <translation>设备</translation>
    </message>
    <message>
      <source>Genuine: visit {id} of {code} {name} on {date}.</source>
      <translation>真实有效：{date} 对 {code} {name} 的巡检 {id}。</translation>
    </message>
    <message>
      <source>Inspections</source>
      <translation>巡检</translation>
    </message>
    <message>
      <source>Manager</source>
      <translation>客户经理</translation>
    </message>
    <message>
      <source>Month</source>
      <translation>月份</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>名称</translation>
    </message>
    <message>
      <source>No visit matches the filter. Bundles from the laptops bring them (Inbox).</source>
      <translation>没有符合筛选条件的巡检。巡检随笔记本的数据包到达（收件箱）。</translation>
    </message>
    <message>
      <source>Partner</source>
      <translation>渠道</translation>
    </message>
    <message>
      <source>Partner code or name</source>
      <translation>渠道编码或名称</translation>
    </message>
    <message>
      <source>Score</source>
      <translation>得分</translation>
    </message>
    <message>
      <source>Search</source>
      <translation>查询</translation>
    </message>
    <message>
      <source>Started</source>
      <translation>开始时间</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Template</source>
      <translation>模板</translation>
    </message>
    <message>
      <source>Verify</source>
      <translation>验证</translation>
    </message>
    <message>
      <source>Verify a printed report</source>
      <translation>验证纸质报告</translation>
    </message>
    <message>
      <source>Visits: {n}</source>
      <translation>巡检：{n} 次</translation>
    </message>
    <message>
      <source>{week} ({first} – {last})</source>
      <translation>{week}（{first} 至 {last}）</translation>
    </message>
  </context>
  <context>
    <name>InventoryDialog</name>
    <message>
      <source>Maximum</source>
      <translation>最高</translation>
    </message>
    <message>
      <source>Minimum</source>
      <translation>最低</translation>
    </message>
    <message>
      <source>Product line</source>
      <translation>产品线</translation>
    </message>
    <message>
      <source>Stock limits</source>
      <translation>库存标准</translation>
    </message>
  </context>
  <context>
    <name>KpiLabels</name>
    <message>
      <source>Channel use</source>
      <translation>渠道利用率</translation>
    </message>
    <message>
      <source>Market share</source>
      <translation>市场份额</translation>
    </message>
    <message>
      <source>Rectification</source>
      <translation>整改闭环</translation>
    </message>
    <message>
      <source>Revenue</source>
      <translation>收入</translation>
    </message>
    <message>
      <source>Satisfaction</source>
      <translation>满意度</translation>
    </message>
    <message>
      <source>Visits</source>
      <translation>巡检达标</translation>
    </message>
  </context>
  <context>
    <name>LifecycleDialog</name>
    <message>
      <source>&amp;Event</source>
      <translation>事件(&amp;E)</translation>
    </message>
    <message>
      <source>&amp;Reason</source>
      <translation>原因(&amp;R)</translation>
    </message>
    <message>
      <source>Approver</source>
      <translation>审批人</translation>
    </message>
    <message>
      <source>Approver note</source>
      <translation>审批意见</translation>
    </message>
    <message>
      <source>Code of the surviving partner</source>
      <translation>存续渠道的编码</translation>
    </message>
    <message>
      <source>Effective date</source>
      <translation>生效日期</translation>
    </message>
    <message>
      <source>History (never overwritten)</source>
      <translation>历史记录（永不覆盖）</translation>
    </message>
    <message>
      <source>Lifecycle</source>
      <translation>开停并转</translation>
    </message>
    <message>
      <source>Lifecycle of {name}</source>
      <translation>{name} 的开停并转</translation>
    </message>
    <message>
      <source>Loading the partner…</source>
      <translation>正在读取渠道…</translation>
    </message>
    <message>
      <source>Merge into</source>
      <translation>并入</translation>
    </message>
    <message>
      <source>Merge into another partner</source>
      <translation>并入其他渠道</translation>
    </message>
    <message>
      <source>New manager</source>
      <translation>新渠道经理</translation>
    </message>
    <message>
      <source>New region</source>
      <translation>新区域</translation>
    </message>
    <message>
      <source>Open</source>
      <translation>开通</translation>
    </message>
    <message>
      <source>Resume</source>
      <translation>恢复</translation>
    </message>
    <message>
      <source>Suspend</source>
      <translation>暂停</translation>
    </message>
    <message>
      <source>Terminate</source>
      <translation>终止</translation>
    </message>
    <message>
      <source>Transfer to manager/territory</source>
      <translation>转移给其他经理/区域</translation>
    </message>
  </context>
  <context>
    <name>LifecycleEvents</name>
    <message>
      <source>Merge</source>
      <translation>合并</translation>
    </message>
    <message>
      <source>Open</source>
      <translation>开通</translation>
    </message>
    <message>
      <source>Resume</source>
      <translation>恢复</translation>
    </message>
    <message>
      <source>Suspend</source>
      <translation>暂停</translation>
    </message>
    <message>
      <source>Terminate</source>
      <translation>终止</translation>
    </message>
    <message>
      <source>Transfer</source>
      <translation>转移</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message numerus="yes">
      <source>%n change(s) pending</source>
      <translation>
        <numerusform>待同步 %n 项</numerusform>
      </translation>
    </message>
    <message>
      <source>&amp;About ChannelDesk</source>
      <translation>关于渠道巡检台(&amp;A)</translation>
    </message>
    <message>
      <source>&amp;Back up now…</source>
      <translation>立即备份(&amp;B)…</translation>
    </message>
    <message>
      <source>&amp;Edit</source>
      <translation>编辑(&amp;E)</translation>
    </message>
    <message>
      <source>&amp;File</source>
      <translation>文件(&amp;F)</translation>
    </message>
    <message>
      <source>&amp;Help</source>
      <translation>帮助(&amp;H)</translation>
    </message>
    <message>
      <source>&amp;Keyboard shortcuts</source>
      <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
      <source>&amp;Larger text</source>
      <translation>放大文字(&amp;L)</translation>
    </message>
    <message>
      <source>&amp;Normal text size</source>
      <translation>正常文字大小(&amp;N)</translation>
    </message>
    <message>
      <source>&amp;Quit</source>
      <translation>退出(&amp;Q)</translation>
    </message>
    <message>
      <source>&amp;Restore from backup…</source>
      <translation>从备份恢复(&amp;R)…</translation>
    </message>
    <message>
      <source>&amp;Settings…</source>
      <translation>设置(&amp;S)…</translation>
    </message>
    <message>
      <source>&amp;Smaller text</source>
      <translation>缩小文字(&amp;S)</translation>
    </message>
    <message>
      <source>&amp;Sync</source>
      <translation>同步(&amp;S)</translation>
    </message>
    <message>
      <source>&amp;Tools</source>
      <translation>工具(&amp;T)</translation>
    </message>
    <message>
      <source>&amp;View</source>
      <translation>视图(&amp;V)</translation>
    </message>
    <message>
      <source>About ChannelDesk</source>
      <translation>关于渠道巡检台</translation>
    </message>
    <message>
      <source>Action</source>
      <translation>操作</translation>
    </message>
    <message>
      <source>Back up</source>
      <translation>备份</translation>
    </message>
    <message>
      <source>Backing up…</source>
      <translation>正在备份…</translation>
    </message>
    <message>
      <source>Backup written: {path}</source>
      <translation>备份已写入：{path}</translation>
    </message>
    <message>
      <source>Backups (*.cdbackup)</source>
      <translation>备份文件 (*.cdbackup)</translation>
    </message>
    <message>
      <source>ChannelDesk (渠道巡检台) {version}
Offline-first desk for field channel managers.</source>
      <translation>渠道巡检台 ChannelDesk {version}
面向外勤渠道经理的离线优先工作台。</translation>
    </message>
    <message>
      <source>ChannelDesk — Channel inspection desk</source>
      <translation>渠道巡检台</translation>
    </message>
    <message>
      <source>Checking the backup…</source>
      <translation>正在校验备份…</translation>
    </message>
    <message>
      <source>Creating demo data…</source>
      <translation>正在创建演示数据…</translation>
    </message>
    <message>
      <source>Every action is in a menu (Alt + the underlined letter opens it). Tab moves between fields; Enter opens the selected row.</source>
      <translation>所有操作都在菜单中（Alt + 带下划线的字母打开菜单）。Tab 在字段间移动；Enter 打开所选行。</translation>
    </message>
    <message>
      <source>Keyboard shortcuts</source>
      <translation>键盘快捷键</translation>
    </message>
    <message>
      <source>Keys</source>
      <translation>按键</translation>
    </message>
    <message>
      <source>Last synced: {last} · {pending}</source>
      <translation>上次同步：{last} · {pending}</translation>
    </message>
    <message>
      <source>Menu</source>
      <translation>菜单</translation>
    </message>
    <message>
      <source>Restore from backup</source>
      <translation>从备份恢复</translation>
    </message>
    <message>
      <source>Sections</source>
      <translation>功能区</translation>
    </message>
    <message>
      <source>Text size {percent}%</source>
      <translation>文字大小 {percent}%</translation>
    </message>
    <message>
      <source>The backup {file} (made {created}, {count} files) is intact.

Restore it? The current data is not deleted: it is kept as a dated copy beside the data folder {folder}.</source>
      <translation>备份 {file}（创建于 {created}，共 {count} 个文件）完整无损。

要恢复它吗？当前数据不会被删除：它将作为带日期的副本保留在数据文件夹 {folder} 旁边。</translation>
    </message>
    <message>
      <source>User: {user}  Territory: {territory}</source>
      <translation>用户：{user}  区域：{territory}</translation>
    </message>
    <message>
      <source>all regions</source>
      <translation>全部地区</translation>
    </message>
    <message>
      <source>never</source>
      <translation>从未</translation>
    </message>
  </context>
  <context>
    <name>MaterialCountModel</name>
    <message>
      <source>Book</source>
      <translation>账面</translation>
    </message>
    <message>
      <source>Counted</source>
      <translation>实盘</translation>
    </message>
    <message>
      <source>Counted {counted}, book {book}: recorded as a finding.</source>
      <translation>实盘 {counted}，账面 {book}：已记为问题。</translation>
    </message>
    <message>
      <source>Difference</source>
      <translation>差异</translation>
    </message>
    <message>
      <source>Item</source>
      <translation>宣传品</translation>
    </message>
    <message>
      <source>Type the quantity found in the store and press Enter. Enter without a number leaves the item uncounted.</source>
      <translation>输入门店实际清点的数量后按回车；不输入数字直接按回车，该物料保持未清点。</translation>
    </message>
  </context>
  <context>
    <name>MaterialEntryDialog</name>
    <message>
      <source>&amp;Date</source>
      <translation>日期(&amp;D)</translation>
    </message>
    <message>
      <source>&amp;Item</source>
      <translation>宣传品(&amp;I)</translation>
    </message>
    <message>
      <source>&amp;Kind</source>
      <translation>类型(&amp;K)</translation>
    </message>
    <message>
      <source>&amp;Note</source>
      <translation>备注(&amp;N)</translation>
    </message>
    <message>
      <source>&amp;Quantity</source>
      <translation>数量(&amp;Q)</translation>
    </message>
    <message>
      <source>&amp;Reason</source>
      <translation>原因(&amp;R)</translation>
    </message>
    <message>
      <source>Add ledger entry</source>
      <translation>登记宣传品台账</translation>
    </message>
    <message>
      <source>Correct ledger entry</source>
      <translation>更正台账记录</translation>
    </message>
    <message>
      <source>Recorded: {entry}</source>
      <translation>原记录：{entry}</translation>
    </message>
    <message>
      <source>Why the entry was wrong (required)</source>
      <translation>原记录错在哪里（必填）</translation>
    </message>
    <message>
      <source>e.g. poster, table card, shop-sign light box</source>
      <translation>例如：海报、台卡、门头灯箱</translation>
    </message>
  </context>
  <context>
    <name>MaterialLedger</name>
    <message>
      <source>Installed</source>
      <translation>安装</translation>
    </message>
    <message>
      <source>Issued</source>
      <translation>发放</translation>
    </message>
    <message>
      <source>Returned</source>
      <translation>回收</translation>
    </message>
  </context>
  <context>
    <name>MaterialLedgerDialog</name>
    <message>
      <source>&amp;Add entry…</source>
      <translation>登记(&amp;A)…</translation>
    </message>
    <message>
      <source>&amp;Correct…</source>
      <translation>更正(&amp;C)…</translation>
    </message>
    <message>
      <source>&amp;Void…</source>
      <translation>作废(&amp;V)…</translation>
    </message>
    <message>
      <source>Correct the selected entry: it is voided with your reason and the corrected entry recorded</source>
      <translation>更正所选记录：原记录连同原因作废，并记入更正后的记录</translation>
    </message>
    <message>
      <source>Corrected: {reason}</source>
      <translation>已更正：{reason}</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>日期</translation>
    </message>
    <message>
      <source>Item</source>
      <translation>宣传品</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>类型</translation>
    </message>
    <message>
      <source>Ledger entries</source>
      <translation>台账记录</translation>
    </message>
    <message>
      <source>Loading the ledger…</source>
      <translation>正在读取台账…</translation>
    </message>
    <message>
      <source>Not counted in the book. {status}</source>
      <translation>不计入账面数量。{status}</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>Nothing has been issued to this partner yet.</source>
      <translation>尚未向该渠道发放宣传品。</translation>
    </message>
    <message>
      <source>On the book: {items}</source>
      <translation>账面数量：{items}</translation>
    </message>
    <message>
      <source>Promotion materials</source>
      <translation>宣传品台账</translation>
    </message>
    <message>
      <source>Promotion materials of {name}</source>
      <translation>{name} 的宣传品台账</translation>
    </message>
    <message>
      <source>Quantity</source>
      <translation>数量</translation>
    </message>
    <message>
      <source>Show v&amp;oided entries</source>
      <translation>显示已作废记录(&amp;O)</translation>
    </message>
    <message>
      <source>Void the selected entry (kept in the history with your reason)</source>
      <translation>作废所选记录（连同原因保留在历史中）</translation>
    </message>
    <message>
      <source>Voided: {reason}</source>
      <translation>已作废：{reason}</translation>
    </message>
  </context>
  <context>
    <name>Materials</name>
    <message>
      <source>Installed</source>
      <translation>已安装</translation>
    </message>
    <message>
      <source>Issued</source>
      <translation>已发放</translation>
    </message>
    <message>
      <source>Returned</source>
      <translation>已退回</translation>
    </message>
  </context>
  <context>
    <name>MaterialsPanel</name>
    <message>
      <source>&amp;Other item…</source>
      <translation>台账外宣传品(&amp;O)…</translation>
    </message>
    <message>
      <source>Count an item found in the store that is not on the partner's ledger</source>
      <translation>清点门店中有、但不在该渠道台账上的宣传品</translation>
    </message>
    <message>
      <source>No promotion materials on this partner's ledger. Record issued items in the partner file (Partners → Materials…).</source>
      <translation>该渠道的宣传品台账为空。请在渠道档案中登记发放的宣传品（渠道 → 宣传品台账…）。</translation>
    </message>
    <message>
      <source>Promotion materials: book and counted quantities</source>
      <translation>宣传品：账面与实盘数量</translation>
    </message>
  </context>
  <context>
    <name>MessageBar</name>
    <message>
      <source>Close message</source>
      <translation>关闭消息</translation>
    </message>
  </context>
  <context>
    <name>Metrics</name>
    <message>
      <source>Collections</source>
      <translation>回款</translation>
    </message>
    <message>
      <source>Development volume</source>
      <translation>发展量</translation>
    </message>
    <message>
      <source>Market share</source>
      <translation>市场份额</translation>
    </message>
    <message>
      <source>New outlets</source>
      <translation>新增网点</translation>
    </message>
    <message>
      <source>Revenue</source>
      <translation>销售额</translation>
    </message>
    <message>
      <source>Sales volume</source>
      <translation>销量</translation>
    </message>
  </context>
  <context>
    <name>NewComplaintDialog</name>
    <message>
      <source>Complaint</source>
      <translation>投诉内容</translation>
    </message>
    <message>
      <source>New complaint</source>
      <translation>新建投诉</translation>
    </message>
    <message>
      <source>Partner</source>
      <translation>渠道</translation>
    </message>
    <message>
      <source>Partner code</source>
      <translation>渠道编码</translation>
    </message>
  </context>
  <context>
    <name>NewVisitDialog</name>
    <message>
      <source>&amp;Partner</source>
      <translation>渠道(&amp;P)</translation>
    </message>
    <message>
      <source>&amp;Re-inspection of the open rectification orders</source>
      <translation>整改复查：复查未关闭的整改单(&amp;R)</translation>
    </message>
    <message>
      <source>Loading the partners…</source>
      <translation>正在读取渠道…</translation>
    </message>
    <message>
      <source>New visit</source>
      <translation>新建巡检</translation>
    </message>
    <message>
      <source>No single partner matches “{text}”. Choose one from the list.</source>
      <translation>没有唯一匹配“{text}”的渠道，请从列表中选择。</translation>
    </message>
    <message>
      <source>Type part of the code or name…</source>
      <translation>输入编码或名称的一部分…</translation>
    </message>
  </context>
  <context>
    <name>ObservationDialog</name>
    <message>
      <source>&amp;Brand</source>
      <translation>品牌(&amp;B)</translation>
    </message>
    <message>
      <source>&amp;Description</source>
      <translation>说明(&amp;D)</translation>
    </message>
    <message>
      <source>Category</source>
      <translation>类别</translation>
    </message>
    <message>
      <source>Channel</source>
      <translation>渠道来源</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>日期</translation>
    </message>
    <message>
      <source>Handling</source>
      <translation>处理措施</translation>
    </message>
    <message>
      <source>Outlet</source>
      <translation>门店</translation>
    </message>
    <message>
      <source>Prices</source>
      <translation>价格</translation>
    </message>
    <message>
      <source>Promotions</source>
      <translation>促销</translation>
    </message>
    <message>
      <source>Record a competitor outlet</source>
      <translation>记录竞品门店</translation>
    </message>
    <message>
      <source>Record a complaint</source>
      <translation>记录投诉</translation>
    </message>
  </context>
  <context>
    <name>Observations</name>
    <message>
      <source>Competitor outlet</source>
      <translation>竞品网点</translation>
    </message>
    <message>
      <source>Complaint</source>
      <translation>投诉</translation>
    </message>
  </context>
  <context>
    <name>OpRunner</name>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>This data directory has no device identity yet. Close ChannelDesk and open it again: it sets one up as it opens.</source>
      <translation>该数据目录还没有设备身份。请关闭 ChannelDesk 后重新打开，打开时会自动设置。</translation>
    </message>
  </context>
  <context>
    <name>OtherItemDialog</name>
    <message>
      <source>&amp;Counted</source>
      <translation>实盘数量(&amp;C)</translation>
    </message>
    <message>
      <source>&amp;Item</source>
      <translation>宣传品(&amp;I)</translation>
    </message>
    <message>
      <source>Count an item not on the ledger</source>
      <translation>清点台账外的宣传品</translation>
    </message>
  </context>
  <context>
    <name>OverviewSection</name>
    <message>
      <source>A week counts the channels visited against the weekly rule.</source>
      <translation>按周统计：走访渠道数对照每周规则。</translation>
    </message>
    <message>
      <source>Average score</source>
      <translation>平均得分</translation>
    </message>
    <message>
      <source>Average score of the submitted visits, month by month (▲ / ▼ against the month before).</source>
      <translation>已提交巡检的平均得分，逐月显示（▲ / ▼ 与上月相比）。</translation>
    </message>
    <message>
      <source>Average score of the submitted visits, week by week (▲ / ▼ against the week before).</source>
      <translation>已提交巡检的平均得分，逐周显示（▲ / ▼ 与上周相比）。</translation>
    </message>
    <message>
      <source>Channels</source>
      <translation>渠道数</translation>
    </message>
    <message>
      <source>Done / required</source>
      <translation>完成 / 要求</translation>
    </message>
    <message>
      <source>Double-click a manager to see the visits behind the figures.</source>
      <translation>双击客户经理可查看数字背后的巡检。</translation>
    </message>
    <message>
      <source>Evidence warnings</source>
      <translation>证据预警</translation>
    </message>
    <message>
      <source>Last sync</source>
      <translation>最近同步</translation>
    </message>
    <message>
      <source>Manager</source>
      <translation>客户经理</translation>
    </message>
    <message>
      <source>Managers</source>
      <translation>客户经理数</translation>
    </message>
    <message>
      <source>Month</source>
      <translation>月份</translation>
    </message>
    <message>
      <source>No devices are registered yet: register the laptops under Devices.</source>
      <translation>尚未登记任何设备：请在“设备”中登记笔记本电脑。</translation>
    </message>
    <message>
      <source>No manager has sent a bundle yet. Register the laptops (Devices), then ingest their bundles (Inbox).</source>
      <translation>还没有客户经理发来数据包。请先登记笔记本（设备），再导入它们的数据包（收件箱）。</translation>
    </message>
    <message>
      <source>No region has visits in this period.</source>
      <translation>本期没有任何地区有巡检。</translation>
    </message>
    <message>
      <source>No scores in these periods.</source>
      <translation>这些期间没有得分。</translation>
    </message>
    <message>
      <source>No visits were submitted in this period.</source>
      <translation>该期间没有提交的巡检。</translation>
    </message>
    <message>
      <source>Open rectifications</source>
      <translation>未关闭整改</translation>
    </message>
    <message>
      <source>Overdue</source>
      <translation>逾期</translation>
    </message>
    <message>
      <source>Overview</source>
      <translation>总览</translation>
    </message>
    <message>
      <source>PDF files (*.pdf)</source>
      <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
      <source>Per manager</source>
      <translation>按客户经理</translation>
    </message>
    <message>
      <source>Per region</source>
      <translation>按区域</translation>
    </message>
    <message>
      <source>Period</source>
      <translation>期间</translation>
    </message>
    <message>
      <source>Print ranking…</source>
      <translation>打印排名…</translation>
    </message>
    <message>
      <source>Ranking saved to {path}</source>
      <translation>排名已保存到 {path}</translation>
    </message>
    <message>
      <source>Save the ranking</source>
      <translation>保存排名</translation>
    </message>
    <message>
      <source>Score trend</source>
      <translation>得分趋势</translation>
    </message>
    <message>
      <source>Territory</source>
      <translation>辖区</translation>
    </message>
    <message>
      <source>Visits</source>
      <translation>巡检次数</translation>
    </message>
    <message>
      <source>Visits count against the visit-frequency rules of each grade.</source>
      <translation>巡检次数对照各等级的巡检频次规则。</translation>
    </message>
    <message>
      <source>Week</source>
      <translation>周</translation>
    </message>
    <message>
      <source>Weeks meeting the weekly rule</source>
      <translation>达到每周要求的周数</translation>
    </message>
    <message>
      <source>Writing the ranking…</source>
      <translation>正在生成排名…</translation>
    </message>
    <message>
      <source>never</source>
      <translation>从未</translation>
    </message>
    <message>
      <source>{week} ({first} – {last})</source>
      <translation>{week}（{first} 至 {last}）</translation>
    </message>
  </context>
  <context>
    <name>PartnerCard</name>
    <message>
      <source>: </source>
      <translation>：</translation>
    </message>
    <message>
      <source>Attachments</source>
      <translation>附件</translation>
    </message>
    <message>
      <source>Competitors nearby</source>
      <translation>周边竞品</translation>
    </message>
    <message>
      <source>Complaints</source>
      <translation>投诉</translation>
    </message>
    <message>
      <source>Contacts</source>
      <translation>联系人</translation>
    </message>
    <message>
      <source>Contracts</source>
      <translation>合同</translation>
    </message>
    <message>
      <source>Credit</source>
      <translation>信用</translation>
    </message>
    <message>
      <source>Grade history</source>
      <translation>等级变更记录</translation>
    </message>
    <message>
      <source>Lifecycle</source>
      <translation>开停并转</translation>
    </message>
    <message>
      <source>Merged into</source>
      <translation>已并入</translation>
    </message>
    <message>
      <source>Promotion materials (book)</source>
      <translation>宣传品（账面）</translation>
    </message>
    <message>
      <source>Select a partner to see its file.</source>
      <translation>选择一个渠道查看其档案。</translation>
    </message>
    <message>
      <source>Staff training</source>
      <translation>人员培训</translation>
    </message>
    <message>
      <source>Stock limits</source>
      <translation>库存标准</translation>
    </message>
    <message>
      <source>Warnings</source>
      <translation>警告</translation>
    </message>
    <message>
      <source>held</source>
      <translation>已完成</translation>
    </message>
    <message>
      <source>limit</source>
      <translation>额度</translation>
    </message>
    <message>
      <source>over credit limit</source>
      <translation>超出信用额度</translation>
    </message>
    <message>
      <source>planned</source>
      <translation>已安排</translation>
    </message>
    <message>
      <source>receivable</source>
      <translation>应收</translation>
    </message>
  </context>
  <context>
    <name>PartnerDialog</name>
    <message>
      <source>&amp;Address</source>
      <translation>地址(&amp;A)</translation>
    </message>
    <message>
      <source>&amp;Code</source>
      <translation>编码(&amp;C)</translation>
    </message>
    <message>
      <source>&amp;Grade</source>
      <translation>等级(&amp;G)</translation>
    </message>
    <message>
      <source>&amp;Name</source>
      <translation>名称(&amp;N)</translation>
    </message>
    <message>
      <source>&amp;Region</source>
      <translation>区划(&amp;R)</translation>
    </message>
    <message>
      <source>&amp;Status</source>
      <translation>状态(&amp;S)</translation>
    </message>
    <message>
      <source>&amp;Type</source>
      <translation>类型(&amp;T)</translation>
    </message>
    <message>
      <source>Credit limit (yuan)</source>
      <translation>信用额度（元）</translation>
    </message>
    <message>
      <source>Credit rating</source>
      <translation>信用等级</translation>
    </message>
    <message>
      <source>Discard changes?</source>
      <translation>放弃更改？</translation>
    </message>
    <message>
      <source>Edit partner</source>
      <translation>编辑渠道</translation>
    </message>
    <message>
      <source>Grade reason</source>
      <translation>调级原因</translation>
    </message>
    <message>
      <source>HQ sets this partner's grade and credit limit.</source>
      <translation>该渠道的等级和授信额度由总部设定。</translation>
    </message>
    <message>
      <source>Latitude</source>
      <translation>纬度</translation>
    </message>
    <message>
      <source>Licence no.</source>
      <translation>营业执照号</translation>
    </message>
    <message>
      <source>Loading the partner…</source>
      <translation>正在读取渠道…</translation>
    </message>
    <message>
      <source>Longitude</source>
      <translation>经度</translation>
    </message>
    <message>
      <source>Manager</source>
      <translation>渠道经理</translation>
    </message>
    <message>
      <source>New partner</source>
      <translation>新建渠道</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>Separate tags with ;</source>
      <translation>标签之间用 ; 分隔</translation>
    </message>
    <message>
      <source>Tags</source>
      <translation>标签</translation>
    </message>
    <message>
      <source>The code is fixed once the partner exists; a code change is made at HQ.</source>
      <translation>渠道编码创建后不可修改；如需更改编码，请由总部办理。</translation>
    </message>
    <message>
      <source>The credit limit is not an amount.</source>
      <translation>信用额度不是有效金额。</translation>
    </message>
    <message>
      <source>The status changes only through Lifecycle (开停并转).</source>
      <translation>状态只能通过“开停并转”变更。</translation>
    </message>
    <message>
      <source>Unsaved input from your last session was restored.</source>
      <translation>已恢复上次未保存的输入。</translation>
    </message>
    <message>
      <source>Why the grade changes (kept in the grade history)</source>
      <translation>调级原因（记入等级变更记录）</translation>
    </message>
    <message>
      <source>You have unsaved changes. Discard them?</source>
      <translation>有未保存的更改。要放弃吗？</translation>
    </message>
  </context>
  <context>
    <name>PartnerFields</name>
    <message>
      <source>Address</source>
      <translation>地址</translation>
    </message>
    <message>
      <source>Bank details</source>
      <translation>银行信息</translation>
    </message>
    <message>
      <source>City</source>
      <translation>市</translation>
    </message>
    <message>
      <source>Code</source>
      <translation>编码</translation>
    </message>
    <message>
      <source>Credit limit</source>
      <translation>信用额度</translation>
    </message>
    <message>
      <source>Credit rating</source>
      <translation>信用等级</translation>
    </message>
    <message>
      <source>District</source>
      <translation>区县</translation>
    </message>
    <message>
      <source>Grade</source>
      <translation>等级</translation>
    </message>
    <message>
      <source>Latitude</source>
      <translation>纬度</translation>
    </message>
    <message>
      <source>Licence no.</source>
      <translation>营业执照号</translation>
    </message>
    <message>
      <source>Longitude</source>
      <translation>经度</translation>
    </message>
    <message>
      <source>Manager</source>
      <translation>渠道经理</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>名称</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>Province</source>
      <translation>省</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Tags</source>
      <translation>标签</translation>
    </message>
    <message>
      <source>Type</source>
      <translation>类型</translation>
    </message>
  </context>
  <context>
    <name>PartnerLabels</name>
    <message>
      <source>Active</source>
      <translation>正常</translation>
    </message>
    <message>
      <source>Agent</source>
      <translation>代理商</translation>
    </message>
    <message>
      <source>Dealer</source>
      <translation>经销商</translation>
    </message>
    <message>
      <source>Franchise store</source>
      <translation>加盟店</translation>
    </message>
    <message>
      <source>Merged</source>
      <translation>已合并</translation>
    </message>
    <message>
      <source>Own store</source>
      <translation>自营厅</translation>
    </message>
    <message>
      <source>Prospect</source>
      <translation>意向</translation>
    </message>
    <message>
      <source>Special channel</source>
      <translation>特通渠道</translation>
    </message>
    <message>
      <source>Suspended</source>
      <translation>暂停</translation>
    </message>
    <message>
      <source>Terminated</source>
      <translation>终止</translation>
    </message>
  </context>
  <context>
    <name>PartnerSheet</name>
    <message>
      <source>Address</source>
      <translation>地址</translation>
    </message>
    <message>
      <source>Channel manager</source>
      <translation>渠道经理</translation>
    </message>
    <message>
      <source>Code</source>
      <translation>编码</translation>
    </message>
    <message>
      <source>Contact</source>
      <translation>联系人</translation>
    </message>
    <message>
      <source>Contact phone</source>
      <translation>联系电话</translation>
    </message>
    <message>
      <source>Credit limit</source>
      <translation>信用额度</translation>
    </message>
    <message>
      <source>Credit rating</source>
      <translation>信用等级</translation>
    </message>
    <message>
      <source>Grade</source>
      <translation>等级</translation>
    </message>
    <message>
      <source>Latitude</source>
      <translation>纬度</translation>
    </message>
    <message>
      <source>Licence number</source>
      <translation>营业执照号</translation>
    </message>
    <message>
      <source>Longitude</source>
      <translation>经度</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>名称</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>Region code</source>
      <translation>区划代码</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Tags</source>
      <translation>标签</translation>
    </message>
    <message>
      <source>Type</source>
      <translation>类型</translation>
    </message>
  </context>
  <context>
    <name>PartnerTableModel</name>
    <message>
      <source>Code</source>
      <translation>编码</translation>
    </message>
    <message>
      <source>Contact</source>
      <translation>联系人</translation>
    </message>
    <message>
      <source>Grade</source>
      <translation>等级</translation>
    </message>
    <message>
      <source>Manager</source>
      <translation>渠道经理</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>名称</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>电话</translation>
    </message>
    <message>
      <source>Region</source>
      <translation>地区</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Type</source>
      <translation>类型</translation>
    </message>
  </context>
  <context>
    <name>PartnersSection</name>
    <message numerus="yes">
      <source>%n partner(s)</source>
      <translation>
        <numerusform>%n 个渠道</numerusform>
      </translation>
    </message>
    <message>
      <source>&amp;Attach file…</source>
      <translation>添加附件(&amp;A)…</translation>
    </message>
    <message>
      <source>&amp;Export partners…</source>
      <translation>导出渠道(&amp;E)…</translation>
    </message>
    <message>
      <source>&amp;Find partner</source>
      <translation>查找渠道(&amp;F)</translation>
    </message>
    <message>
      <source>&amp;Import partners…</source>
      <translation>导入渠道(&amp;I)…</translation>
    </message>
    <message>
      <source>&amp;Import…</source>
      <translation>导入(&amp;I)…</translation>
    </message>
    <message>
      <source>&amp;Lifecycle…</source>
      <translation>开停并转(&amp;L)…</translation>
    </message>
    <message>
      <source>&amp;Materials…</source>
      <translation>宣传品(&amp;M)…</translation>
    </message>
    <message>
      <source>&amp;New partner</source>
      <translation>新建渠道(&amp;N)</translation>
    </message>
    <message>
      <source>&amp;New partner…</source>
      <translation>新建渠道(&amp;N)…</translation>
    </message>
    <message>
      <source>Add &amp;contact</source>
      <translation>添加联系人(&amp;C)</translation>
    </message>
    <message>
      <source>Add cont&amp;ract…</source>
      <translation>添加合同(&amp;G)…</translation>
    </message>
    <message>
      <source>All grades</source>
      <translation>全部等级</translation>
    </message>
    <message>
      <source>All regions</source>
      <translation>全部地区</translation>
    </message>
    <message>
      <source>All statuses</source>
      <translation>全部状态</translation>
    </message>
    <message>
      <source>All types</source>
      <translation>全部类型</translation>
    </message>
    <message>
      <source>Amount in yuan, e.g. 50000</source>
      <translation>金额（元），例如 50000</translation>
    </message>
    <message>
      <source>Attach a file (licence scan, signed contract…)</source>
      <translation>添加附件（营业执照扫描件、已签合同…）</translation>
    </message>
    <message>
      <source>C&amp;ompetitor…</source>
      <translation>竞品(&amp;J)…</translation>
    </message>
    <message>
      <source>Code</source>
      <translation>编码</translation>
    </message>
    <message>
      <source>Code or name</source>
      <translation>编码或名称</translation>
    </message>
    <message>
      <source>Com&amp;plaint…</source>
      <translation>投诉(&amp;P)…</translation>
    </message>
    <message>
      <source>Credit limit</source>
      <translation>信用额度</translation>
    </message>
    <message>
      <source>Credit limit (yuan)</source>
      <translation>信用额度（元）</translation>
    </message>
    <message>
      <source>E&amp;dit</source>
      <translation>编辑(&amp;D)</translation>
    </message>
    <message>
      <source>E&amp;xport…</source>
      <translation>导出(&amp;X)…</translation>
    </message>
    <message>
      <source>Export partners</source>
      <translation>导出渠道</translation>
    </message>
    <message>
      <source>Exporting partners…</source>
      <translation>正在导出渠道…</translation>
    </message>
    <message>
      <source>Fields HQ owns</source>
      <translation>总部管理的字段</translation>
    </message>
    <message>
      <source>Fields HQ owns (select a partner)</source>
      <translation>总部管理的字段（请先选择渠道）</translation>
    </message>
    <message>
      <source>Fields HQ owns: {code} {name}</source>
      <translation>总部管理的字段：{code} {name}</translation>
    </message>
    <message>
      <source>Grade</source>
      <translation>等级</translation>
    </message>
    <message>
      <source>Grade requests waiting</source>
      <translation>待审批等级申请</translation>
    </message>
    <message>
      <source>Grade {grade}</source>
      <translation>{grade} 级</translation>
    </message>
    <message>
      <source>HQ holds no partners yet: they arrive with the laptops' bundles.</source>
      <translation>总部还没有渠道：渠道随笔记本电脑的数据包而来。</translation>
    </message>
    <message>
      <source>Import partners</source>
      <translation>导入渠道</translation>
    </message>
    <message>
      <source>Imported {rows} rows: {created} new, {updated} updated, {skipped} skipped.</source>
      <translation>已导入 {rows} 行：新增 {created}，更新 {updated}，跳过 {skipped}。</translation>
    </message>
    <message>
      <source>Importing partners…</source>
      <translation>正在导入渠道…</translation>
    </message>
    <message>
      <source>Loading the partners…</source>
      <translation>正在读取渠道…</translation>
    </message>
    <message>
      <source>Manager</source>
      <translation>客户经理</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>名称</translation>
    </message>
    <message>
      <source>No partner matches the filter. Laptops' bundles bring them (Inbox).</source>
      <translation>没有符合筛选条件的渠道。渠道随笔记本的数据包到达（收件箱）。</translation>
    </message>
    <message>
      <source>No partner matches the search and filters.</source>
      <translation>没有符合搜索和筛选条件的渠道。</translation>
    </message>
    <message>
      <source>No partner matches the search and filters.
Clear them to see every partner.</source>
      <translation>没有符合搜索和筛选条件的渠道。
清除条件即可查看全部渠道。</translation>
    </message>
    <message>
      <source>No partners yet.
Add one with “New partner” or import a spreadsheet.</source>
      <translation>还没有渠道。
请点击“新建渠道”或导入表格。</translation>
    </message>
    <message>
      <source>Partner actions</source>
      <translation>渠道操作</translation>
    </message>
    <message>
      <source>Partner {code} saved; laptops receive it with their next HQ bundle.</source>
      <translation>渠道 {code} 已保存；各笔记本电脑将随下一个总部数据包收到。</translation>
    </message>
    <message>
      <source>Partners</source>
      <translation>渠道</translation>
    </message>
    <message>
      <source>Promotion-material ledger: issued, installed and returned items</source>
      <translation>宣传品台账：发放、安装与回收</translation>
    </message>
    <message>
      <source>Region</source>
      <translation>地区</translation>
    </message>
    <message>
      <source>Save</source>
      <translation>保存</translation>
    </message>
    <message>
      <source>Saved at HQ; the laptops of the partner's territory receive it with their next HQ bundle, and their own edits of these fields give way to HQ's.</source>
      <translation>保存在总部；该渠道所在辖区的笔记本电脑随下一个总部数据包收到，这些字段在笔记本上的修改以总部为准。</translation>
    </message>
    <message>
      <source>Search name, code, address, contact or phone…</source>
      <translation>搜索名称、编码、地址、联系人或电话…</translation>
    </message>
    <message>
      <source>Search partners</source>
      <translation>搜索渠道</translation>
    </message>
    <message>
      <source>Spreadsheets (*.csv *.xlsx)</source>
      <translation>表格文件 (*.csv *.xlsx)</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Stoc&amp;k limits…</source>
      <translation>库存标准(&amp;K)…</translation>
    </message>
    <message>
      <source>The credit limit is not an amount: {value}</source>
      <translation>信用额度不是有效金额：{value}</translation>
    </message>
    <message>
      <source>{count} partners exported.</source>
      <translation>已导出 {count} 个渠道。</translation>
    </message>
    <message>
      <source>{shown} of {total} partners</source>
      <translation>共 {total} 个渠道，显示 {shown} 个</translation>
    </message>
  </context>
  <context>
    <name>PdfPreviewDialog</name>
    <message numerus="yes">
      <source>%n match(es)</source>
      <translation>
        <numerusform>找到 %n 处</numerusform>
      </translation>
    </message>
    <message>
      <source>&amp;Print…</source>
      <translation>打印(&amp;P)…</translation>
    </message>
    <message>
      <source>&amp;Save as PDF…</source>
      <translation>另存为 PDF(&amp;S)…</translation>
    </message>
    <message>
      <source>Cannot save {path}: {error}</source>
      <translation>无法保存 {path}：{error}</translation>
    </message>
    <message>
      <source>Find in the report…</source>
      <translation>在报告中查找…</translation>
    </message>
    <message>
      <source>Fit &amp;width</source>
      <translation>适合宽度(&amp;W)</translation>
    </message>
    <message>
      <source>Next match (F3)</source>
      <translation>下一处 (F3)</translation>
    </message>
    <message>
      <source>PDF files (*.pdf)</source>
      <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
      <source>Page</source>
      <translation>页码</translation>
    </message>
    <message>
      <source>Previous match (Shift+F3)</source>
      <translation>上一处 (Shift+F3)</translation>
    </message>
    <message>
      <source>Printing…</source>
      <translation>正在打印…</translation>
    </message>
    <message>
      <source>Save as PDF</source>
      <translation>另存为 PDF</translation>
    </message>
    <message>
      <source>Whole p&amp;age</source>
      <translation>整页(&amp;A)</translation>
    </message>
    <message>
      <source>Zoom in (Ctrl++)</source>
      <translation>放大 (Ctrl++)</translation>
    </message>
    <message>
      <source>Zoom out (Ctrl+-)</source>
      <translation>缩小 (Ctrl+-)</translation>
    </message>
    <message>
      <source>not found</source>
      <translation>未找到</translation>
    </message>
    <message>
      <source>of {count}</source>
      <translation>/ 共 {count} 页</translation>
    </message>
    <message>
      <source>{index} of {count}</source>
      <translation>第 {index} / {count} 处</translation>
    </message>
  </context>
  <context>
    <name>Periods</name>
    <message>
      <source>Day</source>
      <translation>日</translation>
    </message>
    <message>
      <source>Month</source>
      <translation>月</translation>
    </message>
    <message>
      <source>Quarter</source>
      <translation>季度</translation>
    </message>
    <message>
      <source>Week</source>
      <translation>周</translation>
    </message>
    <message>
      <source>Year</source>
      <translation>年</translation>
    </message>
  </context>
  <context>
    <name>PhotoDialog</name>
    <message>
      <source>Also used in other visits: {n}</source>
      <translation>也用于其他巡检：{n} 次</translation>
    </message>
    <message>
      <source>Loading the photo…</source>
      <translation>正在读取照片…</translation>
    </message>
    <message>
      <source>Taken {when} · {w} × {h} · SHA-256 {sha}</source>
      <translation>拍摄于 {when} · {w} × {h} · SHA-256 {sha}</translation>
    </message>
    <message>
      <source>The photo file is not at HQ.</source>
      <translation>总部没有这张照片的文件。</translation>
    </message>
  </context>
  <context>
    <name>PhotoList</name>
    <message>
      <source>
also used in another visit</source>
      <translation>
该照片也用于其他巡检</translation>
    </message>
    <message>
      <source>The original photo is missing (hash {hash}).</source>
      <translation>原始照片缺失（哈希 {hash}）。</translation>
    </message>
    <message>
      <source>loading…</source>
      <translation>加载中…</translation>
    </message>
    <message>
      <source>photo missing</source>
      <translation>照片缺失</translation>
    </message>
  </context>
  <context>
    <name>PlanTrainingDialog</name>
    <message>
      <source>Date</source>
      <translation>日期</translation>
    </message>
    <message>
      <source>Materials</source>
      <translation>培训资料</translation>
    </message>
    <message>
      <source>Partner code</source>
      <translation>渠道编码</translation>
    </message>
    <message>
      <source>Plan a training</source>
      <translation>安排培训</translation>
    </message>
    <message>
      <source>Topic</source>
      <translation>主题</translation>
    </message>
    <message>
      <source>Trainer</source>
      <translation>培训讲师</translation>
    </message>
  </context>
  <context>
    <name>PlannerSection</name>
    <message numerus="yes">
      <source>%n partner(s)</source>
      <translation>
        <numerusform>%n 个渠道</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n visit(s)</source>
      <translation>
        <numerusform>%n 次巡检</numerusform>
      </translation>
    </message>
    <message>
      <source>&amp;Mark rectification fixed</source>
      <translation>标记已整改(&amp;Z)</translation>
    </message>
    <message>
      <source>&amp;Plan visit for the selected partner</source>
      <translation>为所选渠道安排巡检(&amp;P)</translation>
    </message>
    <message>
      <source>Agenda: the last 7 days and every planned visit (double-click opens it)</source>
      <translation>日程：最近 7 天的巡检及全部计划巡检（双击打开）</translation>
    </message>
    <message>
      <source>Channels you inspected per ISO week (≥ 3)</source>
      <translation>本人每周巡检渠道数（≥ 3）</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>日期</translation>
    </message>
    <message>
      <source>Deadline</source>
      <translation>整改期限</translation>
    </message>
    <message>
      <source>Done</source>
      <translation>已完成</translation>
    </message>
    <message>
      <source>Es&amp;calate rectification</source>
      <translation>整改升级(&amp;J)</translation>
    </message>
    <message>
      <source>Every partner has had this month's visits.</source>
      <translation>本月所有渠道均已达到巡检频次。</translation>
    </message>
    <message>
      <source>Grade</source>
      <translation>等级</translation>
    </message>
    <message>
      <source>Missed callback days: {days}.</source>
      <translation>未完成回访的日期：{days}。</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>名称</translation>
    </message>
    <message>
      <source>No inspection weeks in this month yet.</source>
      <translation>本月还没有巡检周记录。</translation>
    </message>
    <message>
      <source>No open rectifications.</source>
      <translation>没有未完成的整改。</translation>
    </message>
    <message>
      <source>No visits in the last 7 days and none planned.</source>
      <translation>最近 7 天没有巡检，也没有计划的巡检。</translation>
    </message>
    <message>
      <source>Open and overdue rectifications</source>
      <translation>未完成及逾期整改</translation>
    </message>
    <message>
      <source>Partner</source>
      <translation>渠道</translation>
    </message>
    <message>
      <source>Planner</source>
      <translation>巡检计划</translation>
    </message>
    <message>
      <source>Re-&amp;inspect the order's partner</source>
      <translation>复查该渠道(&amp;I)</translation>
    </message>
    <message>
      <source>Receivable / credit limit</source>
      <translation>应收 / 信用额度</translation>
    </message>
    <message>
      <source>Receivable {owed} is over the credit limit {limit}.</source>
      <translation>应收 {owed}，已超过信用额度 {limit}。</translation>
    </message>
    <message>
      <source>Rectification</source>
      <translation>整改事项</translation>
    </message>
    <message>
      <source>Required</source>
      <translation>要求</translation>
    </message>
    <message>
      <source>Select a partner in the shortfall list first.</source>
      <translation>请先在未达标列表中选择一个渠道。</translation>
    </message>
    <message>
      <source>Select a rectification order first.</source>
      <translation>请先选择一份整改单。</translation>
    </message>
    <message>
      <source>Shortfall</source>
      <translation>缺口</translation>
    </message>
    <message>
      <source>Start a re-inspection listing every open order of the selected order's partner</source>
      <translation>为所选整改单的渠道开始整改复查，列出其全部未关闭的整改单</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>This month's shortfall by partner</source>
      <translation>本月各渠道巡检缺口</translation>
    </message>
    <message>
      <source>Today's callbacks: {answered} of {drawn} done — {state}.</source>
      <translation>今日回访：已完成 {answered}/{drawn} — {state}。</translation>
    </message>
    <message>
      <source>Visit date</source>
      <translation>巡检日期</translation>
    </message>
    <message>
      <source>Week</source>
      <translation>周</translation>
    </message>
    <message>
      <source>duty met</source>
      <translation>已达标</translation>
    </message>
    <message>
      <source>duty not met yet</source>
      <translation>尚未达标</translation>
    </message>
    <message>
      <source>{month}: {behind} below the visit frequency, {missing} still needed.</source>
      <translation>{month}：{behind}未达巡检频次，还需 {missing}。</translation>
    </message>
    <message>
      <source>⚠ {owed} / {limit}</source>
      <translation>⚠ 超额 {owed} / {limit}</translation>
    </message>
  </context>
  <context>
    <name>PromotionDialog</name>
    <message>
      <source>From</source>
      <translation>开始</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>名称</translation>
    </message>
    <message>
      <source>New promotion</source>
      <translation>新建促销活动</translation>
    </message>
    <message>
      <source>Partner codes, separated by commas</source>
      <translation>渠道编码，用逗号分隔</translation>
    </message>
    <message>
      <source>Partners</source>
      <translation>参加渠道</translation>
    </message>
    <message>
      <source>Posters, table cards … separated by commas</source>
      <translation>海报、台卡……用逗号分隔</translation>
    </message>
    <message>
      <source>Required materials</source>
      <translation>必备物料</translation>
    </message>
    <message>
      <source>To</source>
      <translation>结束</translation>
    </message>
  </context>
  <context>
    <name>PublishReport</name>
    <message numerus="yes">
      <source>%n bundle(s) written to {folder}.</source>
      <translation>
        <numerusform>已向 {folder} 写入 %n 个数据包。</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n development record(s)</source>
      <translation>
        <numerusform>%n 条发展记录</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n duty rule(s)</source>
      <translation>
        <numerusform>%n 条职责规则</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n grade decision(s)</source>
      <translation>
        <numerusform>%n 项等级审批结果</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n invoice(s)</source>
      <translation>
        <numerusform>%n 张发票</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n partner(s)</source>
      <translation>
        <numerusform>%n 个渠道</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n payment(s)</source>
      <translation>
        <numerusform>%n 笔回款</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n target(s)</source>
      <translation>
        <numerusform>%n 项目标</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n template version(s)</source>
      <translation>
        <numerusform>%n 个模板版本</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n visit rule(s)</source>
      <translation>
        <numerusform>%n 条巡检频次规则</numerusform>
      </translation>
    </message>
    <message>
      <source>, </source>
      <translation>、</translation>
    </message>
    <message>
      <source>File</source>
      <translation>文件</translation>
    </message>
    <message>
      <source>Manager</source>
      <translation>客户经理</translation>
    </message>
    <message>
      <source>Published</source>
      <translation>发布内容</translation>
    </message>
    <message>
      <source>Published to the laptops</source>
      <translation>已发布到笔记本电脑</translation>
    </message>
    <message>
      <source>Stopped: the devices after these got nothing this time.</source>
      <translation>已中止：列表之后的设备本次未发布。</translation>
    </message>
    <message>
      <source>Take each file to its laptop and import it there (Sync → Import HQ bundle).</source>
      <translation>请把每个文件带到对应的笔记本电脑上导入（同步 → 导入总部数据包）。</translation>
    </message>
    <message>
      <source>Warning</source>
      <translation>提醒</translation>
    </message>
    <message>
      <source>nothing</source>
      <translation>无</translation>
    </message>
  </context>
  <context>
    <name>Publisher</name>
    <message numerus="yes">
      <source>%n device(s) failed; see why in the list.</source>
      <translation>
        <numerusform>%n 台设备发布失败，原因见列表。</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n device(s) with a warning.</source>
      <translation>
        <numerusform>%n 台设备有提醒。</numerusform>
      </translation>
    </message>
    <message>
      <source>Folder for the HQ bundles</source>
      <translation>总部数据包的保存文件夹</translation>
    </message>
    <message>
      <source>Publish to laptops…</source>
      <translation>发布到笔记本电脑…</translation>
    </message>
    <message numerus="yes">
      <source>Published to %n laptop(s).</source>
      <translation>
        <numerusform>已发布到 %n 台笔记本电脑。</numerusform>
      </translation>
    </message>
    <message>
      <source>Publishing to the laptops…</source>
      <translation>正在发布到笔记本电脑…</translation>
    </message>
    <message>
      <source>Write each active laptop's HQ bundle (partners, targets, templates, rules, receivables, development records) into a folder you choose.</source>
      <translation>为每台在用的笔记本电脑生成总部数据包（渠道、目标、模板、规则、应收款、发展记录），保存到您选择的文件夹。</translation>
    </message>
  </context>
  <context>
    <name>QAbstractFileIconProvider</name>
    <message>
      <source>%1 File</source>
      <translation>%1 文件</translation>
    </message>
    <message>
      <source>Computer</source>
      <translation>计算机</translation>
    </message>
    <message>
      <source>Drive</source>
      <translation>驱动器</translation>
    </message>
    <message>
      <source>File</source>
      <translation>文件</translation>
    </message>
    <message>
      <source>Folder</source>
      <translation>文件夹</translation>
    </message>
    <message>
      <source>Unknown</source>
      <translation>未知</translation>
    </message>
  </context>
  <context>
    <name>QFileDialog</name>
    <message>
      <source>&amp;Look in:</source>
      <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
      <source>Files of &amp;type:</source>
      <translation>文件类型(&amp;T)：</translation>
    </message>
  </context>
  <context>
    <name>QFileSystemModel</name>
    <message>
      <source>Drive</source>
      <translation>驱动器</translation>
    </message>
  </context>
  <context>
    <name>Receivables</name>
    <message>
      <source>Invoice</source>
      <translation>开票</translation>
    </message>
    <message>
      <source>Payment</source>
      <translation>回款</translation>
    </message>
  </context>
  <context>
    <name>ReceivablesSection</name>
    <message>
      <source>Credit limit</source>
      <translation>信用额度</translation>
    </message>
    <message>
      <source>Invoices and payments from the ERP (columns partner_code, kind, date, amount, ref); aging per partner.</source>
      <translation>来自财务系统的发票和回款（列：渠道编码、类型、日期、金额、单号）；按渠道显示账龄。</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>名称</translation>
    </message>
    <message>
      <source>Open</source>
      <translation>未收金额</translation>
    </message>
    <message>
      <source>Partner</source>
      <translation>渠道</translation>
    </message>
    <message>
      <source>Receivables</source>
      <translation>应收账款</translation>
    </message>
  </context>
  <context>
    <name>RecordEntities</name>
    <message>
      <source>Actual figures</source>
      <translation>实际完成</translation>
    </message>
    <message>
      <source>Attachments</source>
      <translation>附件</translation>
    </message>
    <message>
      <source>Callback samples</source>
      <translation>回访抽样</translation>
    </message>
    <message>
      <source>Callbacks</source>
      <translation>回访</translation>
    </message>
    <message>
      <source>Checklist answers</source>
      <translation>检查项答案</translation>
    </message>
    <message>
      <source>Checklist templates</source>
      <translation>检查表模板</translation>
    </message>
    <message>
      <source>Competitor notes</source>
      <translation>竞品记录</translation>
    </message>
    <message>
      <source>Complaints</source>
      <translation>投诉</translation>
    </message>
    <message>
      <source>Contacts</source>
      <translation>联系人</translation>
    </message>
    <message>
      <source>Contracts</source>
      <translation>合同</translation>
    </message>
    <message>
      <source>Daily logs</source>
      <translation>渠道经理日志</translation>
    </message>
    <message>
      <source>Development records</source>
      <translation>发展记录</translation>
    </message>
    <message>
      <source>Duty rules</source>
      <translation>职责规则</translation>
    </message>
    <message>
      <source>Findings</source>
      <translation>问题</translation>
    </message>
    <message>
      <source>Grade change requests</source>
      <translation>等级变更申请</translation>
    </message>
    <message>
      <source>Grade changes</source>
      <translation>等级变更</translation>
    </message>
    <message>
      <source>Invoices</source>
      <translation>开票</translation>
    </message>
    <message>
      <source>KPI scores</source>
      <translation>KPI 得分</translation>
    </message>
    <message>
      <source>Lifecycle events</source>
      <translation>开停并转记录</translation>
    </message>
    <message>
      <source>Material counts</source>
      <translation>宣传物料盘点</translation>
    </message>
    <message>
      <source>Material ledger entries</source>
      <translation>宣传物料台账</translation>
    </message>
    <message>
      <source>Partners</source>
      <translation>渠道</translation>
    </message>
    <message>
      <source>Payments</source>
      <translation>回款</translation>
    </message>
    <message>
      <source>Promotions</source>
      <translation>促销</translation>
    </message>
    <message>
      <source>Rectification orders</source>
      <translation>整改单</translation>
    </message>
    <message>
      <source>Rectification steps</source>
      <translation>整改进展</translation>
    </message>
    <message>
      <source>Stock limits</source>
      <translation>库存标准</translation>
    </message>
    <message>
      <source>Targets</source>
      <translation>目标</translation>
    </message>
    <message>
      <source>Trainings</source>
      <translation>培训</translation>
    </message>
    <message>
      <source>Visit amendments</source>
      <translation>巡检更正</translation>
    </message>
    <message>
      <source>Visit frequency rules</source>
      <translation>巡检频次规则</translation>
    </message>
    <message>
      <source>Visit photos</source>
      <translation>巡检照片</translation>
    </message>
    <message>
      <source>Visits</source>
      <translation>巡检</translation>
    </message>
    <message>
      <source>Warnings</source>
      <translation>预警</translation>
    </message>
  </context>
  <context>
    <name>RegionPicker</name>
    <message>
      <source>(whole city)</source>
      <translation>（全市）</translation>
    </message>
    <message>
      <source>(whole province)</source>
      <translation>（全省）</translation>
    </message>
    <message>
      <source>City</source>
      <translation>市</translation>
    </message>
    <message>
      <source>District</source>
      <translation>区县</translation>
    </message>
    <message>
      <source>Find a region</source>
      <translation>查找地区</translation>
    </message>
    <message>
      <source>Find: name, code or pinyin initials</source>
      <translation>查找：名称、代码或拼音首字母</translation>
    </message>
    <message>
      <source>Province</source>
      <translation>省</translation>
    </message>
  </context>
  <context>
    <name>RuleScopes</name>
    <message>
      <source>Per manager</source>
      <translation>按渠道经理</translation>
    </message>
    <message>
      <source>Per partner</source>
      <translation>按渠道商</translation>
    </message>
  </context>
  <context>
    <name>ScopeKinds</name>
    <message>
      <source>Partner</source>
      <translation>渠道</translation>
    </message>
    <message>
      <source>Region</source>
      <translation>地区</translation>
    </message>
  </context>
  <context>
    <name>SettingsDialog</name>
    <message>
      <source>&amp;Language</source>
      <translation>语言(&amp;L)</translation>
    </message>
    <message>
      <source>&amp;Territory *</source>
      <translation>负责区域(&amp;T) *</translation>
    </message>
    <message>
      <source>Cannot save the settings: {error}</source>
      <translation>无法保存设置：{error}</translation>
    </message>
    <message>
      <source>Change the territory?</source>
      <translation>更改负责区域？</translation>
    </message>
    <message>
      <source>Choose at least one region of your territory.</source>
      <translation>请至少选择一个负责区域。</translation>
    </message>
    <message>
      <source>Company name on reports</source>
      <translation>报告上的公司名称</translation>
    </message>
    <message>
      <source>Data directory</source>
      <translation>数据目录</translation>
    </message>
    <message>
      <source>Default checklist</source>
      <translation>默认检查表</translation>
    </message>
    <message>
      <source>Enter your name; it is printed on every report.</source>
      <translation>请填写您的姓名，每份报告都会打印。</translation>
    </message>
    <message>
      <source>Export key file</source>
      <translation>导出密钥文件</translation>
    </message>
    <message>
      <source>Export key file…</source>
      <translation>导出密钥文件…</translation>
    </message>
    <message>
      <source>HQ key (*.key *.json)</source>
      <translation>总部公钥 (*.key *.json)</translation>
    </message>
    <message>
      <source>HQ public key</source>
      <translation>总部公钥</translation>
    </message>
    <message>
      <source>HQ registers this laptop from its key file</source>
      <translation>总部凭本机的密钥文件登记本机</translation>
    </message>
    <message>
      <source>Key file (*.key)</source>
      <translation>密钥文件 (*.key)</translation>
    </message>
    <message>
      <source>Key file saved to {path}. Give it to HQ to register this laptop.</source>
      <translation>密钥文件已保存到 {path}。请交给总部登记本机。</translation>
    </message>
    <message>
      <source>Largest photo</source>
      <translation>照片大小上限</translation>
    </message>
    <message>
      <source>Loading the checklists…</source>
      <translation>正在读取检查表…</translation>
    </message>
    <message>
      <source>Open folder</source>
      <translation>打开文件夹</translation>
    </message>
    <message>
      <source>Printed on every report</source>
      <translation>打印在每份报告上</translation>
    </message>
    <message>
      <source>Reading…</source>
      <translation>正在读取…</translation>
    </message>
    <message>
      <source>Settings</source>
      <translation>设置</translation>
    </message>
    <message>
      <source>System default</source>
      <translation>跟随系统</translation>
    </message>
    <message>
      <source>The file HQ registers this laptop from (Ed25519 and X25519 public keys)</source>
      <translation>总部登记本机所用的文件（Ed25519 与 X25519 公钥）</translation>
    </message>
    <message>
      <source>The new language applies to windows opened from now on; restart ChannelDesk to translate this window too.</source>
      <translation>新语言将用于之后打开的窗口；重启渠道巡检台后本窗口也会切换。</translation>
    </message>
    <message>
      <source>The territory decides which partners are yours and is sent to HQ with every sync bundle. Change it only when HQ has changed your territory too. Change it now?</source>
      <translation>负责区域决定哪些渠道归您管理，并随每个同步包发送给总部。请仅在总部已调整您的负责区域时更改。现在更改吗？</translation>
    </message>
    <message>
      <source>This laptop</source>
      <translation>本机</translation>
    </message>
    <message>
      <source>Trust HQ key…</source>
      <translation>信任总部公钥…</translation>
    </message>
    <message>
      <source>Trusted HQ key</source>
      <translation>可信的总部公钥</translation>
    </message>
    <message>
      <source>Warn before rectification deadlines (days)</source>
      <translation>整改到期前提醒（天）</translation>
    </message>
    <message>
      <source>Warn when HQ has not acknowledged for (days)</source>
      <translation>总部超过以下天数未回执时提醒（天）</translation>
    </message>
    <message>
      <source>Your &amp;name *</source>
      <translation>您的姓名(&amp;N) *</translation>
    </message>
    <message>
      <source>fingerprint {fp}</source>
      <translation>指纹 {fp}</translation>
    </message>
    <message>
      <source>none yet</source>
      <translation>尚未设置</translation>
    </message>
    <message>
      <source>{title} (version {version})</source>
      <translation>{title}（第 {version} 版）</translation>
    </message>
  </context>
  <context>
    <name>SheetColumns</name>
    <message>
      <source>Amount</source>
      <translation>金额</translation>
    </message>
    <message>
      <source>Customer reference</source>
      <translation>客户编号</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>日期</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>类型</translation>
    </message>
    <message>
      <source>Metric</source>
      <translation>指标</translation>
    </message>
    <message>
      <source>Partner code</source>
      <translation>渠道编码</translation>
    </message>
    <message>
      <source>Period</source>
      <translation>期间</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>电话</translation>
    </message>
    <message>
      <source>Product</source>
      <translation>产品</translation>
    </message>
    <message>
      <source>Reference</source>
      <translation>单号</translation>
    </message>
    <message>
      <source>Scope</source>
      <translation>范围</translation>
    </message>
    <message>
      <source>Scope kind</source>
      <translation>范围类型</translation>
    </message>
  </context>
  <context>
    <name>States</name>
    <message>
      <source>Draft</source>
      <translation>草稿</translation>
    </message>
    <message>
      <source>Escalated</source>
      <translation>已升级</translation>
    </message>
    <message>
      <source>Open</source>
      <translation>待整改</translation>
    </message>
    <message>
      <source>Overdue</source>
      <translation>已逾期</translation>
    </message>
    <message>
      <source>Planned</source>
      <translation>已计划</translation>
    </message>
    <message>
      <source>Reported fixed</source>
      <translation>已报整改</translation>
    </message>
    <message>
      <source>Submitted</source>
      <translation>已提交</translation>
    </message>
    <message>
      <source>Verified</source>
      <translation>已复查通过</translation>
    </message>
    <message>
      <source>Withdrawn</source>
      <translation>已撤销</translation>
    </message>
  </context>
  <context>
    <name>SyncActions</name>
    <message>
      <source>&amp;Export to HQ…</source>
      <translation>导出到总部(&amp;E)…</translation>
    </message>
    <message>
      <source>&amp;Import HQ bundle…</source>
      <translation>导入总部数据包(&amp;I)…</translation>
    </message>
    <message>
      <source>Acknowledgements (*.cdack)</source>
      <translation>总部回执 (*.cdack)</translation>
    </message>
    <message>
      <source>Apply HQ &amp;acknowledgement…</source>
      <translation>应用总部回执(&amp;A)…</translation>
    </message>
    <message>
      <source>Apply HQ acknowledgement</source>
      <translation>应用总部回执</translation>
    </message>
    <message>
      <source>Bundle {seq} written: {path} ({size:.1f} MB, {count} records). Hand it to HQ; it counts as synced only after HQ's acknowledgement.</source>
      <translation>第 {seq} 号同步包已生成：{path}（{size:.1f} MB，{count} 条记录）。请交给总部；收到总部回执后才算同步完成。</translation>
    </message>
    <message>
      <source>Bundles (*.cdsync)</source>
      <translation>同步包 (*.cdsync)</translation>
    </message>
    <message>
      <source>Export &amp;next part to HQ…</source>
      <translation>导出下一部分给总部(&amp;N)…</translation>
    </message>
    <message>
      <source>Exporting to HQ: about {size} MB ({photos} photos, {changes} changes)…</source>
      <translation>正在导出给总部：约 {size} MB（{photos} 张照片，{changes} 项变更）…</translation>
    </message>
    <message>
      <source>HQ data applied.</source>
      <translation>已应用总部数据。</translation>
    </message>
    <message>
      <source>HQ's acknowledgement was applied.</source>
      <translation>已应用总部回执。</translation>
    </message>
    <message>
      <source>Import HQ bundle</source>
      <translation>导入总部数据包</translation>
    </message>
    <message>
      <source>No trusted HQ key is set, so HQ's files cannot be checked. Choose HQ's public-key file under Tools → Settings… → Trust HQ key…, then try again.</source>
      <translation>尚未设置可信的总部公钥，无法核验总部发来的文件。请在“工具 → 设置… → 信任总部公钥…”中选择总部的公钥文件，然后重试。</translation>
    </message>
    <message>
      <source>This bundle holds a single visit (or group of changes) that is larger than HQ accepts by default; ask HQ to raise its limits.</source>
      <translation>此同步包只含一次巡检（或一组变更），但其大小超过总部默认上限；请联系总部提高上限。</translation>
    </message>
    <message>
      <source>What comes after the newest bundle, before HQ has acknowledged it: the next part of a backlog over HQ's size limits, to hand over together.</source>
      <translation>导出最新同步包之后的变更（无需等待总部回执）：积压超过总部大小上限时的下一部分，可一并交给总部。</translation>
    </message>
    <message>
      <source>{count} changes did not fit in this bundle (HQ's size limits): Sync → Export next part writes them now, to hand both over together; or export again after HQ has acknowledged this one.</source>
      <translation>有 {count} 项变更未能放入本同步包（受总部大小上限限制）：可用“同步 → 导出下一部分”立即导出，与本包一并交给总部；或在总部确认本包后再次导出。</translation>
    </message>
  </context>
  <context>
    <name>TargetsSection</name>
    <message>
      <source>Decompose…</source>
      <translation>分解…</translation>
    </message>
    <message>
      <source>HQ's targets (published to the laptops)</source>
      <translation>总部目标（发布到各笔记本）</translation>
    </message>
    <message>
      <source>Laptops receive them with their next HQ bundle.</source>
      <translation>笔记本将在下一个总部数据包中收到。</translation>
    </message>
    <message>
      <source>Manager</source>
      <translation>客户经理</translation>
    </message>
    <message>
      <source>Metric</source>
      <translation>指标</translation>
    </message>
    <message>
      <source>No manager has decomposed targets on a laptop yet.</source>
      <translation>还没有客户经理在笔记本上分解目标。</translation>
    </message>
    <message>
      <source>Period</source>
      <translation>期间</translation>
    </message>
    <message>
      <source>Scope</source>
      <translation>范围</translation>
    </message>
    <message>
      <source>Set by</source>
      <translation>来源</translation>
    </message>
    <message>
      <source>Target</source>
      <translation>目标</translation>
    </message>
    <message>
      <source>Targets</source>
      <translation>目标</translation>
    </message>
    <message>
      <source>Targets managers set on their laptops</source>
      <translation>客户经理在笔记本上设定的目标</translation>
    </message>
    <message>
      <source>The company's targets (columns metric, period, scope_kind, scope, amount), published to every laptop.</source>
      <translation>公司目标（列：指标、期间、范围类型、范围、目标），发布到每台笔记本。</translation>
    </message>
    <message>
      <source>decomposed</source>
      <translation>分解</translation>
    </message>
    <message>
      <source>imported</source>
      <translation>导入</translation>
    </message>
  </context>
  <context>
    <name>TemplateEditor</name>
    <message>
      <source>A finding when the answer is</source>
      <translation>答案为此值时记为问题</translation>
    </message>
    <message>
      <source>Add item</source>
      <translation>添加检查项</translation>
    </message>
    <message>
      <source>Add section</source>
      <translation>添加部分</translation>
    </message>
    <message>
      <source>An answer is required</source>
      <translation>必须作答</translation>
    </message>
    <message>
      <source>Checklist</source>
      <translation>检查表</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>关闭</translation>
    </message>
    <message>
      <source>Down</source>
      <translation>下移</translation>
    </message>
    <message>
      <source>Edit {template} as a new version</source>
      <translation>将{template}编辑为新版本</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>类型</translation>
    </message>
    <message>
      <source>Label</source>
      <translation>名称</translation>
    </message>
    <message>
      <source>Maximum</source>
      <translation>最大值</translation>
    </message>
    <message>
      <source>Minimum</source>
      <translation>最小值</translation>
    </message>
    <message>
      <source>New item</source>
      <translation>新检查项</translation>
    </message>
    <message>
      <source>New section</source>
      <translation>新部分</translation>
    </message>
    <message>
      <source>Options</source>
      <translation>选项</translation>
    </message>
    <message>
      <source>Preview: the form as the laptops show it</source>
      <translation>预览：笔记本上显示的表单</translation>
    </message>
    <message>
      <source>Properties</source>
      <translation>属性</translation>
    </message>
    <message>
      <source>Publish as a new version</source>
      <translation>发布为新版本</translation>
    </message>
    <message>
      <source>Publish as version {n}</source>
      <translation>发布为第 {n} 版</translation>
    </message>
    <message>
      <source>Remove</source>
      <translation>删除</translation>
    </message>
    <message>
      <source>Section title</source>
      <translation>部分标题</translation>
    </message>
    <message>
      <source>Select a section or an item.</source>
      <translation>请选择一个部分或检查项。</translation>
    </message>
    <message>
      <source>Template {name} version {version} published; laptops receive it with their next HQ bundle, visits already made keep their version.</source>
      <translation>模板{name}第 {version} 版已发布；笔记本将在下一个总部数据包中收到，已完成的巡检保留原版本。</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>标题</translation>
    </message>
    <message>
      <source>Up</source>
      <translation>上移</translation>
    </message>
    <message>
      <source>Weight</source>
      <translation>权重</translation>
    </message>
    <message>
      <source>never</source>
      <translation>从不</translation>
    </message>
    <message>
      <source>none</source>
      <translation>无</translation>
    </message>
    <message>
      <source>options separated by commas</source>
      <translation>选项之间用逗号分隔</translation>
    </message>
  </context>
  <context>
    <name>Templates</name>
    <message>
      <source>Re-inspection</source>
      <translation>整改复查</translation>
    </message>
    <message>
      <source>Store inspection</source>
      <translation>门店巡检</translation>
    </message>
  </context>
  <context>
    <name>TemplatesSection</name>
    <message>
      <source>A complaint is answered within this many hours</source>
      <translation>投诉须在此小时数内响应</translation>
    </message>
    <message>
      <source>A complaint is resolved within this many hours</source>
      <translation>投诉须在此小时数内解决</translation>
    </message>
    <message>
      <source>Channels a manager inspects per week</source>
      <translation>客户经理每周巡检的渠道数</translation>
    </message>
    <message>
      <source>Edit as new version…</source>
      <translation>编辑为新版本…</translation>
    </message>
    <message>
      <source>Export template</source>
      <translation>导出模板</translation>
    </message>
    <message>
      <source>Export…</source>
      <translation>导出…</translation>
    </message>
    <message>
      <source>HQ</source>
      <translation>总部</translation>
    </message>
    <message>
      <source>Import as new version…</source>
      <translation>导入为新版本…</translation>
    </message>
    <message>
      <source>Import template</source>
      <translation>导入模板</translation>
    </message>
    <message>
      <source>Items</source>
      <translation>检查项数</translation>
    </message>
    <message>
      <source>No checklist template.</source>
      <translation>没有检查表模板。</translation>
    </message>
    <message>
      <source>Photo taken at most this many hours before check-in</source>
      <translation>照片拍摄时间最多早于签到（小时）</translation>
    </message>
    <message>
      <source>Photo taken at most this many metres from the partner</source>
      <translation>照片拍摄地点距渠道最远（米）</translation>
    </message>
    <message>
      <source>Rules published to the laptops</source>
      <translation>发布到笔记本的规则</translation>
    </message>
    <message>
      <source>Rules saved; laptops receive them with their next HQ bundle.</source>
      <translation>规则已保存；各笔记本在下次收到总部数据包时获得。</translation>
    </message>
    <message>
      <source>Save rules</source>
      <translation>保存规则</translation>
    </message>
    <message>
      <source>Select a template first.</source>
      <translation>请先选择一个模板。</translation>
    </message>
    <message>
      <source>Source</source>
      <translation>来源</translation>
    </message>
    <message>
      <source>Template</source>
      <translation>模板</translation>
    </message>
    <message>
      <source>Template saved to {path}</source>
      <translation>模板已保存到 {path}</translation>
    </message>
    <message>
      <source>Template {name} version {version} saved; laptops receive it with their next HQ bundle.</source>
      <translation>检查表模板 {name} 第 {version} 版已保存；各笔记本在下次收到总部数据包时获得。</translation>
    </message>
    <message>
      <source>Templates (*.json)</source>
      <translation>模板 (*.json)</translation>
    </message>
    <message>
      <source>Templates and rules</source>
      <translation>模板与规则</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>标题</translation>
    </message>
    <message>
      <source>Version</source>
      <translation>版本</translation>
    </message>
    <message>
      <source>Visits per month, grade {grade}</source>
      <translation>{grade} 每月巡检次数</translation>
    </message>
    <message>
      <source>built in</source>
      <translation>内置</translation>
    </message>
  </context>
  <context>
    <name>TerritoryEditor</name>
    <message>
      <source>&amp;Add region</source>
      <translation>添加地区(&amp;A)</translation>
    </message>
    <message>
      <source>Regions of the territory</source>
      <translation>负责区域</translation>
    </message>
    <message>
      <source>Remove</source>
      <translation>移除</translation>
    </message>
  </context>
  <context>
    <name>TodaySection</name>
    <message>
      <source>&amp;Close the day</source>
      <translation>关闭今日日志(&amp;C)</translation>
    </message>
    <message>
      <source>&amp;Commission check…</source>
      <translation>代理佣金核查(&amp;C)…</translation>
    </message>
    <message>
      <source>&amp;Daily log…</source>
      <translation>渠道经理日志(&amp;D)…</translation>
    </message>
    <message>
      <source>&amp;Draw today's callbacks</source>
      <translation>抽取今日回访(&amp;D)</translation>
    </message>
    <message>
      <source>&amp;Import records…</source>
      <translation>导入发展记录(&amp;I)…</translation>
    </message>
    <message>
      <source>&amp;Record outcome</source>
      <translation>记录结果(&amp;R)</translation>
    </message>
    <message>
      <source>Call</source>
      <translation>回访</translation>
    </message>
    <message>
      <source>Callbacks: {answered} of {drawn} done ({population} records yesterday) — {state}</source>
      <translation>回访：已完成 {answered}/{drawn}（昨日 {population} 条记录）— {state}</translation>
    </message>
    <message>
      <source>Commission check</source>
      <translation>代理佣金核查</translation>
    </message>
    <message>
      <source>Daily log</source>
      <translation>渠道经理日志</translation>
    </message>
    <message>
      <source>Development &amp;bulletin…</source>
      <translation>发展量周通报(&amp;B)…</translation>
    </message>
    <message>
      <source>Development bulletin</source>
      <translation>发展量周通报</translation>
    </message>
    <message>
      <source>Hello, this is {manager}, channel manager of {company}. On {date} you were signed up at {partner} for {product}. May I check: did you sign up yourself, was your prepaid deposit credited in full, and was the line installed by our staff? Thank you.</source>
      <translation>您好，我是{company}的渠道经理{manager}。您于{date}在{partner}办理了{product}业务，想跟您核实一下：是否是您本人办理？预存款是否已全额到账？线路是否由我们的工作人员安装？谢谢您的配合。</translation>
    </message>
    <message>
      <source>Import development records</source>
      <translation>导入发展记录</translation>
    </message>
    <message>
      <source>Importing records…</source>
      <translation>正在导入记录…</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>类型</translation>
    </message>
    <message>
      <source>Missed callback days: {days}</source>
      <translation>未完成回访的日期：{days}</translation>
    </message>
    <message>
      <source>No callbacks drawn for today. Import yesterday's records, then draw.</source>
      <translation>今天尚未抽取回访。请先导入昨日的发展记录，再抽取。</translation>
    </message>
    <message>
      <source>No records from yesterday to call back.</source>
      <translation>昨日没有可回访的记录。</translation>
    </message>
    <message>
      <source>No records from yesterday: nothing to call back today.</source>
      <translation>昨日没有发展记录：今天无需回访。</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>Number</source>
      <translation>号码</translation>
    </message>
    <message>
      <source>Outcome</source>
      <translation>回访结果</translation>
    </message>
    <message>
      <source>Partner</source>
      <translation>渠道</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>电话</translation>
    </message>
    <message>
      <source>Plan for tomorrow</source>
      <translation>明日计划</translation>
    </message>
    <message>
      <source>Product</source>
      <translation>产品</translation>
    </message>
    <message>
      <source>S&amp;ave notes</source>
      <translation>保存备注(&amp;B)</translation>
    </message>
    <message>
      <source>Select a call first.</source>
      <translation>请先选择一个回访。</translation>
    </message>
    <message>
      <source>Select a call in the list.</source>
      <translation>请在列表中选择一个回访。</translation>
    </message>
    <message>
      <source>Show &amp;number</source>
      <translation>显示号码(&amp;N)</translation>
    </message>
    <message>
      <source>Spreadsheets (*.csv *.xlsx)</source>
      <translation>电子表格 (*.csv *.xlsx)</translation>
    </message>
    <message>
      <source>The day's log is closed and sealed.</source>
      <translation>今日日志已关闭并封存。</translation>
    </message>
    <message>
      <source>The number is no longer held (purged).</source>
      <translation>号码已按期清除，无法显示。</translation>
    </message>
    <message>
      <source>Today</source>
      <translation>今日</translation>
    </message>
    <message>
      <source>Today's notes</source>
      <translation>今日备注</translation>
    </message>
    <message>
      <source>Today, {date}</source>
      <translation>今日：{date}</translation>
    </message>
    <message>
      <source>Visits {visits} · callbacks {callbacks} · complaints handled {complaints} · rectifications closed {closed} · new customers {development} · warnings {warnings}</source>
      <translation>巡检 {visits} · 回访 {callbacks} · 处理投诉 {complaints} · 整改关闭 {closed} · 新发展用户 {development} · 警告 {warnings}</translation>
    </message>
    <message>
      <source>What the customer said</source>
      <translation>客户的说法</translation>
    </message>
    <message>
      <source>closed</source>
      <translation>已关闭</translation>
    </message>
    <message>
      <source>duty met</source>
      <translation>已达标</translation>
    </message>
    <message>
      <source>duty not met yet</source>
      <translation>尚未达标</translation>
    </message>
    <message>
      <source>the channel manager</source>
      <translation>渠道经理</translation>
    </message>
    <message>
      <source>{rows} records read: {created} new, {skipped} already held.</source>
      <translation>读取 {rows} 条记录：新增 {created} 条，{skipped} 条已存在。</translation>
    </message>
  </context>
  <context>
    <name>TrainingSection</name>
    <message>
      <source>&amp;Plan a training…</source>
      <translation>安排培训(&amp;P)…</translation>
    </message>
    <message>
      <source>Attendees</source>
      <translation>参训人员</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>日期</translation>
    </message>
    <message>
      <source>Held</source>
      <translation>已完成</translation>
    </message>
    <message>
      <source>New p&amp;romotion…</source>
      <translation>新建促销活动(&amp;R)…</translation>
    </message>
    <message>
      <source>No promotions.</source>
      <translation>没有促销活动。</translation>
    </message>
    <message>
      <source>No trainings planned.</source>
      <translation>没有安排培训。</translation>
    </message>
    <message>
      <source>Partner</source>
      <translation>渠道</translation>
    </message>
    <message>
      <source>Partners</source>
      <translation>参加渠道</translation>
    </message>
    <message>
      <source>Period</source>
      <translation>活动期间</translation>
    </message>
    <message>
      <source>Planned</source>
      <translation>已安排</translation>
    </message>
    <message>
      <source>Promotion</source>
      <translation>促销活动</translation>
    </message>
    <message>
      <source>Promotions (visits of their partners check the materials)</source>
      <translation>促销活动（巡检时检查参加渠道的物料）</translation>
    </message>
    <message>
      <source>Record &amp;as held…</source>
      <translation>登记已完成(&amp;W)…</translation>
    </message>
    <message>
      <source>Required materials</source>
      <translation>必备物料</translation>
    </message>
    <message>
      <source>Running</source>
      <translation>进行中</translation>
    </message>
    <message>
      <source>Select a planned training first.</source>
      <translation>请先选择一个已安排的培训。</translation>
    </message>
    <message>
      <source>State</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Topic</source>
      <translation>主题</translation>
    </message>
    <message>
      <source>Trainer</source>
      <translation>培训讲师</translation>
    </message>
    <message>
      <source>Training</source>
      <translation>培训与促销</translation>
    </message>
    <message>
      <source>Trainings of partners staff</source>
      <translation>渠道人员培训</translation>
    </message>
    <message>
      <source>Yes</source>
      <translation>是</translation>
    </message>
  </context>
  <context>
    <name>Units</name>
    <message>
      <source>Count</source>
      <translation>个</translation>
    </message>
    <message>
      <source>Per mille</source>
      <translation>‰</translation>
    </message>
    <message>
      <source>Percent</source>
      <translation>%</translation>
    </message>
    <message>
      <source>Units</source>
      <translation>台</translation>
    </message>
    <message>
      <source>Yuan</source>
      <translation>元</translation>
    </message>
  </context>
  <context>
    <name>VisitDialog</name>
    <message>
      <source>Amendments ({n})</source>
      <translation>更正（{n}）</translation>
    </message>
    <message>
      <source>Answer</source>
      <translation>答案</translation>
    </message>
    <message>
      <source>By</source>
      <translation>更正人</translation>
    </message>
    <message>
      <source>Checked in</source>
      <translation>签到时间</translation>
    </message>
    <message>
      <source>Checklist</source>
      <translation>检查表</translation>
    </message>
    <message>
      <source>Content hash</source>
      <translation>内容哈希</translation>
    </message>
    <message>
      <source>Deadline</source>
      <translation>期限</translation>
    </message>
    <message>
      <source>Detail</source>
      <translation>详情</translation>
    </message>
    <message>
      <source>Evidence ({n})</source>
      <translation>证据预警（{n}）</translation>
    </message>
    <message>
      <source>Finding</source>
      <translation>问题</translation>
    </message>
    <message>
      <source>Findings ({n})</source>
      <translation>问题（{n}）</translation>
    </message>
    <message>
      <source>Item</source>
      <translation>检查项</translation>
    </message>
    <message>
      <source>Manager</source>
      <translation>客户经理</translation>
    </message>
    <message>
      <source>No amendments.</source>
      <translation>没有更正。</translation>
    </message>
    <message>
      <source>No evidence warnings.</source>
      <translation>没有证据预警。</translation>
    </message>
    <message>
      <source>No findings.</source>
      <translation>没有问题项。</translation>
    </message>
    <message>
      <source>PDF files (*.pdf)</source>
      <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
      <source>Partner</source>
      <translation>渠道</translation>
    </message>
    <message>
      <source>Photo</source>
      <translation>照片</translation>
    </message>
    <message>
      <source>Photos ({n})</source>
      <translation>照片（{n}）</translation>
    </message>
    <message>
      <source>Photos: {n}</source>
      <translation>照片：{n} 张</translation>
    </message>
    <message>
      <source>Print report…</source>
      <translation>打印报告…</translation>
    </message>
    <message>
      <source>Reason</source>
      <translation>原因</translation>
    </message>
    <message>
      <source>Report saved to {path}</source>
      <translation>报告已保存到 {path}</translation>
    </message>
    <message>
      <source>Save the visit report</source>
      <translation>保存巡检报告</translation>
    </message>
    <message>
      <source>Score</source>
      <translation>得分</translation>
    </message>
    <message>
      <source>Section</source>
      <translation>部分</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Taken {when}, {w} × {h}</source>
      <translation>拍摄于 {when}，{w} × {h}</translation>
    </message>
    <message>
      <source>Template</source>
      <translation>模板</translation>
    </message>
    <message>
      <source>The checklist has no items.</source>
      <translation>检查表没有项目。</translation>
    </message>
    <message>
      <source>Visit {code} {name}</source>
      <translation>巡检 {code} {name}</translation>
    </message>
    <message>
      <source>Warning</source>
      <translation>预警</translation>
    </message>
    <message>
      <source>When</source>
      <translation>时间</translation>
    </message>
    <message>
      <source>Writing the report…</source>
      <translation>正在生成报告…</translation>
    </message>
    <message>
      <source>loading…</source>
      <translation>加载中…</translation>
    </message>
    <message>
      <source>{template}, version {n}</source>
      <translation>{template}（第 {n} 版）</translation>
    </message>
  </context>
  <context>
    <name>VisitEditor</name>
    <message numerus="yes">
      <source>%n photo(s) — add…</source>
      <translation>
        <numerusform>%n 张照片 — 添加…</numerusform>
      </translation>
    </message>
    <message>
      <source>&amp;Report…</source>
      <translation>报告(&amp;R)…</translation>
    </message>
    <message>
      <source>A&amp;mend…</source>
      <translation>更正(&amp;M)…</translation>
    </message>
    <message>
      <source>Add fin&amp;ding…</source>
      <translation>添加问题(&amp;W)…</translation>
    </message>
    <message>
      <source>Add finding</source>
      <translation>添加问题</translation>
    </message>
    <message>
      <source>Amend visit</source>
      <translation>更正巡检</translation>
    </message>
    <message>
      <source>Answer the items marked in red before sealing: {items}.</source>
      <translation>请先填写红框标出的项目再提交封存：{items}。</translation>
    </message>
    <message>
      <source>Attach &amp;photos…</source>
      <translation>添加照片(&amp;P)…</translation>
    </message>
    <message>
      <source>Attach photos</source>
      <translation>添加照片</translation>
    </message>
    <message>
      <source>Check &amp;in</source>
      <translation>签到(&amp;I)</translation>
    </message>
    <message>
      <source>Competitor outlet</source>
      <translation>竞品门店</translation>
    </message>
    <message>
      <source>Complaint</source>
      <translation>投诉</translation>
    </message>
    <message>
      <source>Complaint / &amp;competitor…</source>
      <translation>投诉/竞品(&amp;C)…</translation>
    </message>
    <message>
      <source>Corrected answer</source>
      <translation>更正后的结果</translation>
    </message>
    <message>
      <source>E&amp;xplain photo warning…</source>
      <translation>说明照片提示(&amp;X)…</translation>
    </message>
    <message>
      <source>Explain photo warning</source>
      <translation>说明照片提示</translation>
    </message>
    <message>
      <source>Explained: {text}</source>
      <translation>已说明：{text}</translation>
    </message>
    <message>
      <source>Findings and rectification orders</source>
      <translation>问题与限期整改</translation>
    </message>
    <message>
      <source>Images (*.jpg *.jpeg *.png *.webp)</source>
      <translation>图片 (*.jpg *.jpeg *.png *.webp)</translation>
    </message>
    <message>
      <source>Importing photos…</source>
      <translation>正在导入照片…</translation>
    </message>
    <message>
      <source>Inspection report</source>
      <translation>巡检报告</translation>
    </message>
    <message>
      <source>Item to correct</source>
      <translation>要更正的项目</translation>
    </message>
    <message>
      <source>Loading the visit…</source>
      <translation>正在读取巡检…</translation>
    </message>
    <message>
      <source>No findings.</source>
      <translation>没有发现问题。</translation>
    </message>
    <message>
      <source>No photos yet.</source>
      <translation>还没有照片。</translation>
    </message>
    <message>
      <source>Photo evidence warnings</source>
      <translation>照片证据提示</translation>
    </message>
    <message>
      <source>Photos (drop image files here)</source>
      <translation>照片（可将图片文件拖到此处）</translation>
    </message>
    <message>
      <source>Promotion materials: &amp;book vs count</source>
      <translation>宣传品：账实核对(&amp;B)</translation>
    </message>
    <message>
      <source>Promotion materials: &amp;book vs count (sealed)</source>
      <translation>宣传品：账实核对（已封存）(&amp;B)</translation>
    </message>
    <message>
      <source>Reason for the amendment</source>
      <translation>更正原因</translation>
    </message>
    <message>
      <source>Record during the visit</source>
      <translation>巡检中记录</translation>
    </message>
    <message>
      <source>S&amp;ubmit and seal</source>
      <translation>提交并封存(&amp;U)</translation>
    </message>
    <message>
      <source>Score: {score}</source>
      <translation>得分：{score}</translation>
    </message>
    <message>
      <source>Select a visit in the list, or start one with “New visit” (Ctrl+Shift+N).</source>
      <translation>请在左侧列表中选择一次巡检，或用“新建巡检”(Ctrl+Shift+N) 开始一次。</translation>
    </message>
    <message>
      <source>What needs to be rectified?</source>
      <translation>需要整改的内容？</translation>
    </message>
    <message>
      <source>What to record</source>
      <translation>记录内容</translation>
    </message>
    <message>
      <source>Why this photo is still good evidence</source>
      <translation>说明此照片为何仍可作为证据</translation>
    </message>
    <message>
      <source>a number</source>
      <translation>填写数字</translation>
    </message>
    <message>
      <source>a number from {low} to {high}</source>
      <translation>填写 {low} 至 {high} 之间的数字</translation>
    </message>
    <message>
      <source>a number, at least {low}</source>
      <translation>填写数字，不小于 {low}</translation>
    </message>
    <message>
      <source>a number, at most {high}</source>
      <translation>填写数字，不大于 {high}</translation>
    </message>
  </context>
  <context>
    <name>VisitsSection</name>
    <message>
      <source>&amp;Monthly assessment report…</source>
      <translation>月度考核报告(&amp;M)…</translation>
    </message>
    <message>
      <source>&amp;New visit…</source>
      <translation>新建巡检(&amp;N)…</translation>
    </message>
    <message>
      <source>&amp;Weekly inspection log…</source>
      <translation>巡检周志(&amp;W)…</translation>
    </message>
    <message>
      <source>Building the monthly report…</source>
      <translation>正在生成月度报告…</translation>
    </message>
    <message>
      <source>Filter by partner code or name…</source>
      <translation>按渠道编码或名称筛选…</translation>
    </message>
    <message>
      <source>Monthly assessment report</source>
      <translation>月度考核报告</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>名称</translation>
    </message>
    <message>
      <source>New &amp;visit…</source>
      <translation>新建巡检(&amp;V)…</translation>
    </message>
    <message>
      <source>No visit matches the filter.</source>
      <translation>没有符合筛选条件的巡检。</translation>
    </message>
    <message>
      <source>No visits yet.
Start one with “New visit” (Ctrl+Shift+N).</source>
      <translation>还没有巡检。
请点击“新建巡检”（Ctrl+Shift+N）开始。</translation>
    </message>
    <message>
      <source>Partner</source>
      <translation>渠道</translation>
    </message>
    <message>
      <source>Score</source>
      <translation>得分</translation>
    </message>
    <message>
      <source>Started</source>
      <translation>开始时间</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Visits</source>
      <translation>巡检</translation>
    </message>
    <message>
      <source>Weekly inspection log</source>
      <translation>巡检周志</translation>
    </message>
  </context>
  <context>
    <name>VoidEntryDialog</name>
    <message>
      <source>&amp;Reason</source>
      <translation>原因(&amp;R)</translation>
    </message>
    <message>
      <source>&amp;Void entry</source>
      <translation>作废记录(&amp;V)</translation>
    </message>
    <message>
      <source>The entry stays in the ledger's history, struck out with the reason, and no longer counts in the book. To fix a wrong quantity, item or date use Correct… instead.</source>
      <translation>该记录将以删除线连同原因保留在台账历史中，不再计入账面数量。如需修改错误的数量、物料或日期，请改用“更正…”。</translation>
    </message>
    <message>
      <source>Void ledger entry</source>
      <translation>作废台账记录</translation>
    </message>
    <message>
      <source>e.g. entered twice, never delivered</source>
      <translation>例如：重复录入、实际未发放</translation>
    </message>
  </context>
  <context>
    <name>Warnings</name>
    <message>
      <source>Callback</source>
      <translation>回访</translation>
    </message>
    <message>
      <source>Complaint</source>
      <translation>投诉</translation>
    </message>
    <message>
      <source>Inspection</source>
      <translation>巡检</translation>
    </message>
    <message>
      <source>Photo evidence</source>
      <translation>照片证据</translation>
    </message>
    <message>
      <source>Rectification order issued</source>
      <translation>已下达整改单</translation>
    </message>
    <message>
      <source>Suspension proposed</source>
      <translation>已提议暂停</translation>
    </message>
  </context>
  <context>
    <name>argparse</name>
    <message>
      <source>ambiguous option: %(option)s could match %(matches)s</source>
      <translation>选项 %(option)s 有歧义，可能是 %(matches)s</translation>
    </message>
    <message>
      <source>argument %(argument_name)s: %(message)s</source>
      <translation>参数 %(argument_name)s：%(message)s</translation>
    </message>
    <message>
      <source>expected at least one argument</source>
      <translation>至少需要一个值</translation>
    </message>
    <message>
      <source>expected at most one argument</source>
      <translation>最多只能有一个值</translation>
    </message>
    <message>
      <source>expected one argument</source>
      <translation>需要一个值</translation>
    </message>
    <message>
      <source>ignored explicit argument %r</source>
      <translation>忽略了显式给出的值 %r</translation>
    </message>
    <message>
      <source>invalid %(type)s value: %(value)r</source>
      <translation>无效的 %(type)s 值：%(value)r</translation>
    </message>
    <message>
      <source>invalid choice: %(value)r (choose from %(choices)s)</source>
      <translation>无效的选项 %(value)r（可选：%(choices)s）</translation>
    </message>
    <message>
      <source>not allowed with argument %s</source>
      <translation>不能与参数 %s 同时使用</translation>
    </message>
    <message>
      <source>one of the arguments %s is required</source>
      <translation>参数 %s 中必须给出一个</translation>
    </message>
    <message>
      <source>options</source>
      <translation>选项</translation>
    </message>
    <message>
      <source>positional arguments</source>
      <translation>位置参数</translation>
    </message>
    <message>
      <source>show this help message and exit</source>
      <translation>显示本帮助并退出</translation>
    </message>
    <message>
      <source>the following arguments are required: %s</source>
      <translation>缺少以下必需参数：%s</translation>
    </message>
    <message>
      <source>unrecognized arguments: %s</source>
      <translation>无法识别的参数：%s</translation>
    </message>
    <message>
      <source>usage: </source>
      <translation>用法：</translation>
    </message>
  </context>
  <context>
    <name>backup</name>
    <message>
      <source>Backup file not found: {file}</source>
      <translation>找不到备份文件：{file}</translation>
    </message>
    <message>
      <source>Cannot write the backup {file}: {error}</source>
      <translation>无法写入备份 {file}：{error}</translation>
    </message>
    <message>
      <source>Checking {entry}</source>
      <translation>正在校验 {entry}</translation>
    </message>
    <message>
      <source>Restore failed ({error}); nothing was replaced.</source>
      <translation>恢复失败（{error}）；未替换任何数据。</translation>
    </message>
    <message>
      <source>Restoring {entry}</source>
      <translation>正在恢复 {entry}</translation>
    </message>
    <message>
      <source>The database is damaged ({problem}); no backup was written. Run 'channeldesk check' and restore an earlier backup.</source>
      <translation>数据库已损坏（{problem}），未写入备份。请运行“channeldesk check”并恢复较早的备份。</translation>
    </message>
    <message>
      <source>The disk holding {file} is full; no backup was written. Free some space or choose another place.</source>
      <translation>{file} 所在的磁盘已满，未写入备份。请释放空间或换一个位置。</translation>
    </message>
    <message>
      <source>database revision {rev} is unknown to this ChannelDesk</source>
      <translation>数据库版本 {rev} 不是本版 ChannelDesk 认识的版本</translation>
    </message>
    <message>
      <source>not an SQLite database</source>
      <translation>不是 SQLite 数据库</translation>
    </message>
    <message>
      <source>restore</source>
      <translation>恢复备份</translation>
    </message>
    <message>
      <source>{dir} already holds data; use --force to replace it (the current data is kept as a dated copy).</source>
      <translation>{dir} 中已有数据；如需替换请使用 --force（现有数据会保留为带日期的副本）。</translation>
    </message>
    <message>
      <source>{file} cannot be restored: the database inside is not usable ({problem}); nothing was changed.</source>
      <translation>无法恢复 {file}：其中的数据库不可用（{problem}），未做任何更改。</translation>
    </message>
    <message>
      <source>{file} is damaged or not a backup ({error}); nothing was changed.</source>
      <translation>{file} 已损坏或不是备份（{error}）；未做任何更改。</translation>
    </message>
    <message>
      <source>{file} is damaged: its manifest has no list of files; nothing was changed.</source>
      <translation>{file} 已损坏：其清单中没有文件列表，未做任何更改。</translation>
    </message>
    <message>
      <source>{file} is damaged: its manifest lists an invalid entry; nothing was changed.</source>
      <translation>{file} 已损坏：其清单中有无效的条目，未做任何更改。</translation>
    </message>
    <message>
      <source>{file} is damaged: {entry} does not match its checksum.</source>
      <translation>{file} 已损坏：{entry} 校验和不符。</translation>
    </message>
    <message>
      <source>{file} is damaged: {entry} is missing.</source>
      <translation>{file} 已损坏：缺少 {entry}。</translation>
    </message>
    <message>
      <source>{file} is not a ChannelDesk backup.</source>
      <translation>{file} 不是渠道巡检台备份。</translation>
    </message>
    <message>
      <source>{file} was made by a newer ChannelDesk (database revision {rev}); update ChannelDesk to restore it.</source>
      <translation>{file} 由更新版本的渠道巡检台生成（数据库版本 {rev}）；请升级后再恢复。</translation>
    </message>
  </context>
  <context>
    <name>checklist</name>
    <message>
      <source>item {key}: a choice needs options</source>
      <translation>检查项 {key}：选择题需要选项</translation>
    </message>
    <message>
      <source>item {key}: fail if must be yes or no</source>
      <translation>检查项 {key}：不合格条件必须为“是”或“否”</translation>
    </message>
    <message>
      <source>item {key}: min is above max</source>
      <translation>检查项 {key}：最小值大于最大值</translation>
    </message>
    <message>
      <source>item {key}: the key is used twice</source>
      <translation>检查项 {key}：编号重复</translation>
    </message>
    <message>
      <source>item {key}: the label is not text</source>
      <translation>检查项 {key}：名称不是文本</translation>
    </message>
    <message>
      <source>item {key}: the weight is not a number of 0 or more</source>
      <translation>检查项 {key}：权重不是大于等于 0 的数字</translation>
    </message>
    <message>
      <source>item {key}: unknown kind {kind}; use one of {kinds}</source>
      <translation>检查项 {key}：未知类型 {kind}；可用类型：{kinds}</translation>
    </message>
    <message>
      <source>item {key}: {bound} is not a number</source>
      <translation>检查项 {key}：{bound} 不是数字</translation>
    </message>
    <message>
      <source>maximum</source>
      <translation>最大值</translation>
    </message>
    <message>
      <source>minimum</source>
      <translation>最小值</translation>
    </message>
    <message>
      <source>section {n} has no items</source>
      <translation>第 {n} 部分没有检查项</translation>
    </message>
    <message>
      <source>section {n}: an item has no key</source>
      <translation>第 {n} 部分：有检查项没有编号</translation>
    </message>
    <message>
      <source>the template has no name (a text of at most 100 characters)</source>
      <translation>模板没有名称（最多 100 个字符的文本）</translation>
    </message>
    <message>
      <source>the template has no sections</source>
      <translation>模板没有任何部分</translation>
    </message>
    <message>
      <source>the template is not a JSON object</source>
      <translation>模板不是 JSON 对象</translation>
    </message>
  </context>
  <context>
    <name>cli</name>
    <message>
      <source>  REVOKED</source>
      <translation>  已吊销</translation>
    </message>
    <message>
      <source> (dry run, nothing saved)</source>
      <translation>（试运行，未保存）</translation>
    </message>
    <message numerus="yes">
      <source>%n call(s)</source>
      <translation>
        <numerusform>%n 个回访</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n change(s) pending</source>
      <translation>
        <numerusform>待同步 %n 项</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n complaint(s)</source>
      <translation>
        <numerusform>%n 件投诉</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n partner(s)</source>
      <translation>
        <numerusform>%n 个渠道</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n problem(s) found.</source>
      <translation>
        <numerusform>发现 %n 个问题。</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n warning(s)</source>
      <translation>
        <numerusform>%n 条警告</numerusform>
      </translation>
    </message>
    <message>
      <source>--limit takes a number of rows, 0 or more (got {value}).</source>
      <translation>--limit 应为 0 或更大的行数（收到 {value}）。</translation>
    </message>
    <message>
      <source>A {table} record ({row}) refers to a missing {target} record.</source>
      <translation>一条{table}记录（{row}）引用了不存在的{target}记录。</translation>
    </message>
    <message>
      <source>Acknowledgement applied.</source>
      <translation>已应用总部回执。</translation>
    </message>
    <message>
      <source>Cannot use {dir} for acknowledgements: {error}</source>
      <translation>无法将 {dir} 用作确认文件夹：{error}</translation>
    </message>
    <message>
      <source>Cannot write the screenshot {path}: {error}</source>
      <translation>无法写入截图 {path}：{error}</translation>
    </message>
    <message>
      <source>ChannelDesk (渠道巡检台) — field channel management</source>
      <translation>渠道巡检台 ChannelDesk — 渠道经理外勤管理</translation>
    </message>
    <message>
      <source>Complaint is now {status}.</source>
      <translation>投诉状态已更新为：{status}。</translation>
    </message>
    <message>
      <source>Daily log {date} ({state})</source>
      <translation>渠道经理日志 {date}（{state}）</translation>
    </message>
    <message>
      <source>Daily logs {start} – {end}: {closed} of {days} closed</source>
      <translation>渠道经理日志 {start} – {end}：已关闭 {closed}/{days} 天</translation>
    </message>
    <message>
      <source>Data directory ready: {path}</source>
      <translation>数据目录已就绪：{path}</translation>
    </message>
    <message>
      <source>Demo data created: {what}</source>
      <translation>演示数据已创建：{what}</translation>
    </message>
    <message>
      <source>Device ID</source>
      <translation>设备编号</translation>
    </message>
    <message>
      <source>Device {id} revoked.</source>
      <translation>设备 {id} 已吊销。</translation>
    </message>
    <message>
      <source>Give each change as ITEM=VALUE (got {value}).</source>
      <translation>每项更正请写成 项目=值（收到的是 {value}）。</translation>
    </message>
    <message>
      <source>Grade change of {code} to {grade} requested; it goes to HQ with the next sync export.</source>
      <translation>已申请将 {code} 的等级改为 {grade}；下次同步导出时发送给总部。</translation>
    </message>
    <message>
      <source>Grade change request {id}: {status}; partner {code} has grade {grade}; hq publish takes it to the laptops.</source>
      <translation>等级变更申请 {id}：{status}；渠道 {code} 的等级为 {grade}；hq publish 会把它发给各笔记本。</translation>
    </message>
    <message>
      <source>HQ bundle applied.</source>
      <translation>已应用总部数据包。</translation>
    </message>
    <message>
      <source>HQ keys in {dir}</source>
      <translation>总部密钥位于 {dir}</translation>
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
      <source>Key fingerprint</source>
      <translation>密钥指纹</translation>
    </message>
    <message>
      <source>Last synced: {last}; {pending}</source>
      <translation>上次同步：{last}；{pending}</translation>
    </message>
    <message>
      <source>Log closed and sealed: {hash}</source>
      <translation>日志已关闭并封存：{hash}</translation>
    </message>
    <message>
      <source>No grade change requests.</source>
      <translation>没有等级变更申请。</translation>
    </message>
    <message>
      <source>No problems found.</source>
      <translation>未发现问题。</translation>
    </message>
    <message>
      <source>Notes: {text}</source>
      <translation>备注：{text}</translation>
    </message>
    <message>
      <source>Outcome recorded: {outcome}</source>
      <translation>已记录回访结果：{outcome}</translation>
    </message>
    <message>
      <source>PDF reports</source>
      <translation>PDF 报告</translation>
    </message>
    <message>
      <source>Plan for tomorrow: {text}</source>
      <translation>明日计划：{text}</translation>
    </message>
    <message>
      <source>Public key</source>
      <translation>公钥</translation>
    </message>
    <message>
      <source>Report written: {path}</source>
      <translation>报告已生成：{path}</translation>
    </message>
    <message>
      <source>Restored into {dir}.</source>
      <translation>已恢复到 {dir}。</translation>
    </message>
    <message>
      <source>Rules saved; laptops receive them with their next HQ bundle.</source>
      <translation>规则已保存；各笔记本将随下一个总部数据包收到。</translation>
    </message>
    <message>
      <source>Template {name} version {version} saved; laptops receive it with their next HQ bundle.</source>
      <translation>检查表模板 {name} 第 {version} 版已保存；各笔记本在下次收到总部数据包时获得。</translation>
    </message>
    <message>
      <source>Territory</source>
      <translation>辖区</translation>
    </message>
    <message>
      <source>The database is at schema revision {current}; this build expects {head}.</source>
      <translation>数据库结构版本为 {current}，本程序需要 {head}。</translation>
    </message>
    <message>
      <source>The database is damaged (integrity check): {detail}</source>
      <translation>数据库已损坏（完整性检查）：{detail}</translation>
    </message>
    <message>
      <source>The photo or file {sha} is missing from the media folder.</source>
      <translation>照片或文件 {sha} 不在媒体文件夹中。</translation>
    </message>
    <message>
      <source>The photo or file {sha} no longer matches its hash (changed or damaged).</source>
      <translation>照片或文件 {sha} 与其哈希不符（已被改动或损坏）。</translation>
    </message>
    <message>
      <source>The previous data was kept in {dir}.</source>
      <translation>原有数据已保留在 {dir}。</translation>
    </message>
    <message>
      <source>Unknown outcome {value}; use one of: {choices}.</source>
      <translation>未知的回访结果 {value}；请使用：{choices}。</translation>
    </message>
    <message>
      <source>Unknown status {value}; use one of: {choices}.</source>
      <translation>未知的状态 {value}；请使用：{choices}。</translation>
    </message>
    <message>
      <source>User</source>
      <translation>用户</translation>
    </message>
    <message>
      <source>Visit amended; score {score}</source>
      <translation>巡检已更正；得分 {score}</translation>
    </message>
    <message>
      <source>Visit submitted; score {score}, content hash {hash}</source>
      <translation>巡检已提交；得分 {score}，内容哈希 {hash}</translation>
    </message>
    <message>
      <source>Visits: {visits}  Callbacks: {callbacks}/{drawn}  Complaints handled: {complaints}  Rectifications closed: {closed}  New customers: {development}</source>
      <translation>巡检：{visits}  回访：{callbacks}/{drawn}  处理投诉：{complaints}  整改关闭：{closed}  新发展用户：{development}</translation>
    </message>
    <message>
      <source>a partner's lifecycle events</source>
      <translation>渠道的开停并转记录</translation>
    </message>
    <message>
      <source>actuals from HQ exports</source>
      <translation>导入总部实际数据</translation>
    </message>
    <message>
      <source>amend a submitted visit (ITEM=VALUE as for answer)</source>
      <translation>更正已提交的巡检（项目=值，与 answer 相同）</translation>
    </message>
    <message>
      <source>amended {at} by {who}: {reason}</source>
      <translation>{at} 由 {who} 更正：{reason}</translation>
    </message>
    <message>
      <source>answer one checklist item</source>
      <translation>填写一个检查项目</translation>
    </message>
    <message>
      <source>approved</source>
      <translation>已批准</translation>
    </message>
    <message>
      <source>ask HQ to change a partner's grade (HQ owns grades)</source>
      <translation>申请总部变更渠道等级（等级由总部掌管）</translation>
    </message>
    <message>
      <source>attach photos to a draft visit</source>
      <translation>为巡检草稿添加照片</translation>
    </message>
    <message>
      <source>blobs</source>
      <translation>照片文件</translation>
    </message>
    <message>
      <source>bundles to and from HQ</source>
      <translation>与总部交换数据包</translation>
    </message>
    <message>
      <source>bundles {bundles}</source>
      <translation>数据包 {bundles} 个</translation>
    </message>
    <message>
      <source>checklist templates HQ publishes</source>
      <translation>总部发布的检查表模板</translation>
    </message>
    <message>
      <source>closed</source>
      <translation>已关闭</translation>
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
      <source>customer complaints and their handling</source>
      <translation>客户投诉及处理</translation>
    </message>
    <message>
      <source>daily customer callbacks</source>
      <translation>每日客户回访</translation>
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
      <source>device {id}</source>
      <translation>设备 {id}</translation>
    </message>
    <message>
      <source>draw the day's callback sample</source>
      <translation>抽取当天的回访样本</translation>
    </message>
    <message>
      <source>export partners to CSV or XLSX</source>
      <translation>将渠道导出为 CSV 或 XLSX</translation>
    </message>
    <message>
      <source>fill an empty data dir with demo data</source>
      <translation>向空数据目录填充演示数据</translation>
    </message>
    <message>
      <source>fill an empty data dir with realistic demo data</source>
      <translation>向空数据目录填充逼真的演示数据</translation>
    </message>
    <message>
      <source>grade change requests from the laptops: list, approve, refuse</source>
      <translation>来自笔记本的等级变更申请：列出、批准、驳回</translation>
    </message>
    <message>
      <source>headquarters commands</source>
      <translation>总部命令</translation>
    </message>
    <message>
      <source>import development records from CSV or XLSX</source>
      <translation>从 CSV 或 XLSX 导入发展记录</translation>
    </message>
    <message>
      <source>import partners from CSV or XLSX</source>
      <translation>从 CSV 或 XLSX 导入渠道</translation>
    </message>
    <message>
      <source>invoices and payments from the ERP</source>
      <translation>来自 ERP 的发票和回款</translation>
    </message>
    <message>
      <source>language of messages</source>
      <translation>消息语言</translation>
    </message>
    <message>
      <source>last_seq {seq}</source>
      <translation>最新序号 {seq}</translation>
    </message>
    <message>
      <source>list partners</source>
      <translation>列出渠道</translation>
    </message>
    <message>
      <source>list rectification orders</source>
      <translation>列出整改单</translation>
    </message>
    <message>
      <source>list visits</source>
      <translation>列出巡检</translation>
    </message>
    <message>
      <source>look up the sealed visit of a printed report's content hash</source>
      <translation>按纸质报告的内容哈希查找其封存的巡检</translation>
    </message>
    <message>
      <source>never</source>
      <translation>从未</translation>
    </message>
    <message>
      <source>open</source>
      <translation>未关闭</translation>
    </message>
    <message>
      <source>partner files</source>
      <translation>渠道档案</translation>
    </message>
    <message>
      <source>record a callback's outcome</source>
      <translation>记录回访结果</translation>
    </message>
    <message>
      <source>record a lifecycle event (开停并转): the only way a partner's status changes</source>
      <translation>登记开停并转事件：变更渠道状态的唯一方式</translation>
    </message>
    <message>
      <source>rectification orders</source>
      <translation>整改单</translation>
    </message>
    <message>
      <source>refused</source>
      <translation>已驳回</translation>
    </message>
    <message>
      <source>resolution overdue</source>
      <translation>解决超时</translation>
    </message>
    <message>
      <source>response overdue</source>
      <translation>响应超时</translation>
    </message>
    <message>
      <source>restore a verified backup</source>
      <translation>恢复经过校验的备份</translation>
    </message>
    <message>
      <source>save the loaded main window as PNG and exit</source>
      <translation>将加载完成的主窗口保存为 PNG 后退出</translation>
    </message>
    <message>
      <source>score {score}</source>
      <translation>得分 {score}</translation>
    </message>
    <message>
      <source>seal a visit</source>
      <translation>封存巡检</translation>
    </message>
    <message>
      <source>show one visit</source>
      <translation>显示一次巡检</translation>
    </message>
    <message>
      <source>start a draft visit (checked in now)</source>
      <translation>开始巡检草稿（立即签到）</translation>
    </message>
    <message>
      <source>start the desktop application</source>
      <translation>启动桌面程序</translation>
    </message>
    <message>
      <source>started {at}</source>
      <translation>开始于 {at}</translation>
    </message>
    <message>
      <source>store inspections</source>
      <translation>门店巡检</translation>
    </message>
    <message>
      <source>targets and progress</source>
      <translation>目标与进度</translation>
    </message>
    <message>
      <source>the HQ console</source>
      <translation>总部控制台</translation>
    </message>
    <message>
      <source>the changes after the newest bundle, before HQ has acknowledged it (the next part of a large backlog)</source>
      <translation>导出最新同步包之后的变更，无需等待总部回执（大量积压的下一部分）</translation>
    </message>
    <message>
      <source>the channels' development records</source>
      <translation>渠道发展记录</translation>
    </message>
    <message>
      <source>the channels' development records, published to the laptops</source>
      <translation>渠道发展记录（发布到笔记本电脑）</translation>
    </message>
    <message>
      <source>the company's targets HQ publishes</source>
      <translation>总部发布的公司目标</translation>
    </message>
    <message>
      <source>the day's call list</source>
      <translation>当天的回访清单</translation>
    </message>
    <message>
      <source>the duties' rules HQ publishes (retention, callbacks, escalation, complaint times)</source>
      <translation>总部发布的工作规则（保留期限、回访、升级、投诉时限）</translation>
    </message>
    <message>
      <source>the file could not be saved</source>
      <translation>文件无法保存</translation>
    </message>
    <message>
      <source>the manager's daily log</source>
      <translation>渠道经理日志</translation>
    </message>
    <message>
      <source>the roll-up of a month (YYYY-MM)</source>
      <translation>按月汇总（YYYY-MM）</translation>
    </message>
    <message>
      <source>the roll-up of a week (YYYY-Www)</source>
      <translation>按周汇总（YYYY-Www）</translation>
    </message>
    <message>
      <source>this laptop's grade change requests and HQ's decisions</source>
      <translation>本机的等级变更申请及总部的决定</translation>
    </message>
    <message>
      <source>verify the database and every media file</source>
      <translation>校验数据库和所有媒体文件</translation>
    </message>
    <message>
      <source>visit-frequency compliance</source>
      <translation>巡检频次达标情况</translation>
    </message>
    <message>
      <source>visits received from every device</source>
      <translation>各设备上报的巡检</translation>
    </message>
    <message>
      <source>waiting for HQ</source>
      <translation>等待总部审批</translation>
    </message>
    <message>
      <source>warnings raised on partners</source>
      <translation>对渠道发出的警告</translation>
    </message>
    <message>
      <source>write a consistent backup</source>
      <translation>写入一致性备份</translation>
    </message>
    <message>
      <source>{bytes} bytes</source>
      <translation>{bytes} 字节</translation>
    </message>
    <message>
      <source>{code}: {event} recorded, status {before} → {after}</source>
      <translation>{code}：已登记“{event}”，状态 {before} → {after}</translation>
    </message>
    <message>
      <source>{count} partners written to {file}</source>
      <translation>已将 {count} 个渠道写入 {file}</translation>
    </message>
    <message>
      <source>{dir} is a file, not a folder for acknowledgements.</source>
      <translation>{dir} 是文件，不是存放确认文件的文件夹。</translation>
    </message>
    <message>
      <source>{drawn} of {population} records drawn for {date}</source>
      <translation>{date}：从 {population} 条记录中抽取 {drawn} 条</translation>
    </message>
    <message>
      <source>{entity} {id}, {field}: kept {kept}, lost {lost}</source>
      <translation>{entity} {id}，{field}：保留 {kept}，舍弃 {lost}</translation>
    </message>
    <message>
      <source>{prog}: error: {message} (see --help)</source>
      <translation>{prog}：错误：{message}（参见 --help）</translation>
    </message>
    <message>
      <source>{rows} rows: {created} created, {skipped} skipped (already imported)</source>
      <translation>{rows} 行：新建 {created} 条，跳过 {skipped} 条（已导入）</translation>
    </message>
    <message>
      <source>{rows} rows: {created} created, {updated} updated, {unchanged} unchanged</source>
      <translation>{rows} 行：新增 {created}，更新 {updated}，未变 {unchanged}</translation>
    </message>
    <message>
      <source>{rows} rows: {created} created, {updated} updated, {unchanged} unchanged, {skipped} skipped{dry}</source>
      <translation>{rows} 行：新增 {created}，更新 {updated}，未变 {unchanged}，跳过 {skipped}{dry}</translation>
    </message>
  </context>
  <context>
    <name>complaints</name>
    <message>
      <source>Describe the complaint.</source>
      <translation>请填写投诉内容。</translation>
    </message>
    <message>
      <source>No complaint {id}.</source>
      <translation>没有投诉 {id}。</translation>
    </message>
    <message>
      <source>No partner with code {code}.</source>
      <translation>没有编码为 {code} 的渠道。</translation>
    </message>
    <message>
      <source>Satisfaction is a score from 1 to 5 (got {value}).</source>
      <translation>满意度为 1 到 5 分（收到的是 {value}）。</translation>
    </message>
    <message>
      <source>Satisfaction is asked once the complaint is resolved.</source>
      <translation>投诉解决后才回访满意度。</translation>
    </message>
    <message>
      <source>This complaint is {current}; it can only move forward (not to {target}).</source>
      <translation>该投诉当前为“{current}”，只能向后推进（不能改为“{target}”）。</translation>
    </message>
    <message>
      <source>Unknown status {value}; use one of: {choices}.</source>
      <translation>未知的状态 {value}；请使用：{choices}。</translation>
    </message>
  </context>
  <context>
    <name>demo</name>
    <message numerus="yes">
      <source>%n partner(s)</source>
      <translation>
        <numerusform>%n 个渠道</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n visit(s)</source>
      <translation>
        <numerusform>%n 次巡检</numerusform>
      </translation>
    </message>
    <message>
      <source>, </source>
      <translation>，</translation>
    </message>
    <message>
      <source>Creating partners…</source>
      <translation>正在创建渠道…</translation>
    </message>
    <message>
      <source>Creating targets and receivables…</source>
      <translation>正在创建目标与应收…</translation>
    </message>
    <message>
      <source>Creating visits…</source>
      <translation>正在创建巡检记录…</translation>
    </message>
    <message>
      <source>Give between 0 and 60 months.</source>
      <translation>月数应在 0 到 60 之间。</translation>
    </message>
    <message>
      <source>Give between 1 and 1 000 000 partners.</source>
      <translation>渠道数应在 1 到 1 000 000 之间。</translation>
    </message>
    <message>
      <source>This data directory already holds partners or visits; demo data only goes into an empty one.</source>
      <translation>该数据目录中已有渠道或巡检记录；演示数据只能写入空目录。</translation>
    </message>
  </context>
  <context>
    <name>duties</name>
    <message>
      <source>(purged)</source>
      <translation>（已清除）</translation>
    </message>
    <message>
      <source>Callback of the record of {day} ({kind}, {product})</source>
      <translation>回访 {day} 的业务记录（{kind}，{product}）</translation>
    </message>
    <message>
      <source>Callbacks found {count} problems within {days} days; rectify and report.</source>
      <translation>回访在 {days} 天内发现 {count} 个问题，请整改并报告。</translation>
    </message>
    <message>
      <source>Give the date as YYYY-MM-DD, e.g. 2026-03-05 (got {value}).</source>
      <translation>日期请写成 YYYY-MM-DD，例如 2026-03-05（收到的是 {value}）。</translation>
    </message>
    <message>
      <source>Give the month as YYYY-MM, e.g. 2026-03 (got {value}).</source>
      <translation>月份请写成 YYYY-MM，例如 2026-03（收到的是 {value}）。</translation>
    </message>
    <message>
      <source>Give the week as YYYY-Www, e.g. 2026-W10 (got {value}).</source>
      <translation>周请写成 YYYY-Www，例如 2026-W10（收到的是 {value}）。</translation>
    </message>
    <message>
      <source>No callback {id}.</source>
      <translation>没有回访 {id}。</translation>
    </message>
    <message>
      <source>No partner with code {code}.</source>
      <translation>没有编码为 {code} 的渠道。</translation>
    </message>
    <message>
      <source>The log of {date} cannot be closed before the day.</source>
      <translation>{date} 的日志不能提前关闭。</translation>
    </message>
    <message>
      <source>The log of {date} is closed; it cannot be changed.</source>
      <translation>{date} 的日志已关闭，不能再修改。</translation>
    </message>
    <message>
      <source>Unknown outcome {value}; use one of: {choices}.</source>
      <translation>未知的回访结果 {value}；请使用：{choices}。</translation>
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
      <source>Cannot read the {name} {path}: {error}</source>
      <translation>无法读取{name} {path}：{error}</translation>
    </message>
    <message>
      <source>Cannot write the {name} {path}: {error}</source>
      <translation>无法写入{name} {path}：{error}</translation>
    </message>
    <message>
      <source>Cannot write to the data directory {path}: {error}</source>
      <translation>无法写入数据目录 {path}：{error}</translation>
    </message>
    <message>
      <source>Cannot write to {path} (the disk is full, read-only or failing). Nothing was changed.</source>
      <translation>无法写入 {path}（磁盘已满、只读或故障）。未做任何更改。</translation>
    </message>
    <message>
      <source>Cannot write {path}: {error}</source>
      <translation>无法写入 {path}：{error}</translation>
    </message>
    <message>
      <source>Cannot {action}: the data directory {path} is in use by {who}. Close it and try again; nothing was changed.</source>
      <translation>无法{action}：数据目录 {path} 正在被 {who} 使用。请关闭它后重试，未做任何更改。</translation>
    </message>
    <message>
      <source>The data directory {path} is in use by {who}, which needs it alone right now. Try again when it has finished; nothing was changed.</source>
      <translation>数据目录 {path} 正在被 {who} 独占使用。请在它完成后重试，未做任何更改。</translation>
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
      <source>The database is busy: another program kept it locked for more than {seconds} seconds. Nothing was changed; try again when it has finished.</source>
      <translation>数据库正忙：另一个程序锁定它已超过 {seconds} 秒。未做任何更改，请在它完成后重试。</translation>
    </message>
    <message>
      <source>The database {path} is missing or empty, but this data directory holds data (the device key or photos). Nothing was changed; restore a backup with 'channeldesk restore FILE --force'.</source>
      <translation>数据库 {path} 缺失或为空，但此数据目录中仍有数据（设备密钥或照片）。未做任何更改，请用“channeldesk restore 备份文件 --force”恢复备份。</translation>
    </message>
    <message>
      <source>The device key {path} is missing: {error}</source>
      <translation>设备密钥 {path} 缺失：{error}</translation>
    </message>
    <message>
      <source>The disk holding {path} is full. Free some space and try again; nothing was changed.</source>
      <translation>{path} 所在的磁盘已满。请释放一些空间后重试；未做任何更改。</translation>
    </message>
    <message>
      <source>The {name} {path} is damaged.</source>
      <translation>{name} {path} 已损坏。</translation>
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
      <source>another ChannelDesk process</source>
      <translation>另一个 ChannelDesk 进程</translation>
    </message>
    <message>
      <source>device encryption key</source>
      <translation>设备加密密钥</translation>
    </message>
    <message>
      <source>initialise it again</source>
      <translation>重新初始化</translation>
    </message>
    <message>
      <source>it has no {key}</source>
      <translation>缺少 {key}</translation>
    </message>
    <message>
      <source>it is not JSON</source>
      <translation>它不是 JSON 文件</translation>
    </message>
    <message>
      <source>pid {pid}: {command}</source>
      <translation>进程 {pid}：{command}</translation>
    </message>
    <message>
      <source>record key</source>
      <translation>记录密钥</translation>
    </message>
    <message>
      <source>upgrade the database</source>
      <translation>升级数据库</translation>
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
  <context>
    <name>evidence</name>
    <message>
      <source>No photo {sha} in this visit.</source>
      <translation>本次巡检没有照片 {sha}。</translation>
    </message>
    <message>
      <source>Taken {distance} from the centre of the partner's district (the partner has no coordinates).</source>
      <translation>拍摄地点距渠道所在区县中心 {distance}（渠道未登记坐标）。</translation>
    </message>
    <message>
      <source>Taken {distance} from the partner's location (limit {limit} m).</source>
      <translation>拍摄地点距渠道位置 {distance}（上限 {limit} 米）。</translation>
    </message>
    <message>
      <source>Taken {taken}, after the visit was submitted.</source>
      <translation>拍摄于 {taken}，晚于巡检提交时间。</translation>
    </message>
    <message>
      <source>Taken {taken}, more than {hours} h before check-in.</source>
      <translation>拍摄于 {taken}，早于签到时间超过 {hours} 小时。</translation>
    </message>
    <message>
      <source>The explanation is too long (at most {max} characters).</source>
      <translation>说明过长（最多 {max} 个字符）。</translation>
    </message>
    <message>
      <source>The photo carries no capture time and no GPS position.</source>
      <translation>照片没有拍摄时间，也没有 GPS 位置。</translation>
    </message>
    <message numerus="yes">
      <source>The same photo is in %n other visit(s).</source>
      <translation>
        <numerusform>同一张照片还用在另外 %n 次巡检中。</numerusform>
      </translation>
    </message>
    <message>
      <source>Visit {id} is sealed; explain photo warnings before submitting.</source>
      <translation>巡检 {id} 已封存；请在提交前说明照片提示。</translation>
    </message>
    <message>
      <source>explained: {text}</source>
      <translation>说明：{text}</translation>
    </message>
    <message>
      <source>{km} km</source>
      <translation>{km} 公里</translation>
    </message>
    <message>
      <source>{m} m</source>
      <translation>{m} 米</translation>
    </message>
  </context>
  <context>
    <name>formats</name>
    <message>
      <source>10k yuan</source>
      <translation>万元</translation>
    </message>
  </context>
  <context>
    <name>hq</name>
    <message>
      <source>A content hash is 64 hexadecimal characters (got {value}).</source>
      <translation>内容哈希应为 64 位十六进制字符（收到的是 {value}）。</translation>
    </message>
    <message>
      <source>Another partner already has the code {code}.</source>
      <translation>已有其他渠道使用编码 {code}。</translation>
    </message>
    <message>
      <source>Cannot lock {file} for the ingest: {error}</source>
      <translation>无法锁定 {file} 以进行导入：{error}</translation>
    </message>
    <message>
      <source>Cannot open the HQ database {url}: {error}</source>
      <translation>无法打开总部数据库 {url}：{error}</translation>
    </message>
    <message>
      <source>Cannot read {file}: {error}</source>
      <translation>无法读取 {file}：{error}</translation>
    </message>
    <message>
      <source>Device {id} has an unusable encryption key; register its current key file again.</source>
      <translation>设备 {id} 的加密密钥不可用；请重新登记其当前的密钥文件。</translation>
    </message>
    <message>
      <source>Device {id} has no encryption key registered (its key file comes from an older ChannelDesk): no development records were published to it. Export its key file again (device export-key) and register it.</source>
      <translation>设备 {id} 未登记加密密钥（其密钥文件来自旧版渠道巡检台）：未向其发布发展记录。请重新导出其密钥文件（“设置”中的“导出密钥文件…”，或命令 device export-key）并登记。</translation>
    </message>
    <message>
      <source>Device {id} is already registered with another key.</source>
      <translation>设备 {id} 已用其他密钥注册。</translation>
    </message>
    <message>
      <source>Give the week as YYYY-Www, e.g. 2026-W09 (got {value}).</source>
      <translation>请按 YYYY-Www 格式填写周，例如 2026-W09（收到的是 {value}）。</translation>
    </message>
    <message>
      <source>HQ holds no partner {id}.</source>
      <translation>总部没有渠道 {id}。</translation>
    </message>
    <message>
      <source>HQ holds no sealed visit with content hash {hash}: the paper is not an unaltered ChannelDesk report.</source>
      <translation>总部没有内容哈希为 {hash} 的封存巡检：该纸质报告不是未经改动的 ChannelDesk 报告。</translation>
    </message>
    <message>
      <source>HQ keys not found in {dir}; run 'channeldesk hq init' first.</source>
      <translation>在 {dir} 中找不到总部密钥；请先运行“channeldesk hq init”。</translation>
    </message>
    <message>
      <source>HQ's record key {path} does not open the stored development records; restore the key file that imported them.</source>
      <translation>总部记录密钥 {path} 无法解密已保存的发展记录；请恢复导入这些记录时使用的密钥文件。</translation>
    </message>
    <message>
      <source>No active device is registered: register a laptop's key file first.</source>
      <translation>没有在用的设备：请先登记笔记本电脑的密钥文件。</translation>
    </message>
    <message>
      <source>No grade change request {id}.</source>
      <translation>没有等级变更申请 {id}。</translation>
    </message>
    <message>
      <source>Say why the grade change is refused (--note).</source>
      <translation>请说明驳回等级变更的理由（--note）。</translation>
    </message>
    <message>
      <source>The HQ database {file} does not exist; check --db, or run 'channeldesk hq init' to create it.</source>
      <translation>总部数据库 {file} 不存在；请检查 --db，或运行 'channeldesk hq init' 创建它。</translation>
    </message>
    <message>
      <source>The checklist template cannot be published: {problems}.</source>
      <translation>此检查表模板无法发布：{problems}。</translation>
    </message>
    <message>
      <source>The grade change request {id} was already decided ({status}).</source>
      <translation>等级变更申请 {id} 已有决定（{status}）。</translation>
    </message>
    <message>
      <source>The partner of grade change request {id} is not at HQ.</source>
      <translation>等级变更申请 {id} 的渠道不在总部。</translation>
    </message>
    <message>
      <source>This HQ database is not initialised; run 'channeldesk hq init'.</source>
      <translation>该总部数据库尚未初始化；请运行“channeldesk hq init”。</translation>
    </message>
    <message>
      <source>Unknown device {id}.</source>
      <translation>未知设备 {id}。</translation>
    </message>
    <message>
      <source>Unknown region code {code}.</source>
      <translation>未知的行政区划代码 {code}。</translation>
    </message>
    <message>
      <source>Unknown rule {item}; use KEY=NUMBER with one of: {keys}.</source>
      <translation>未知的规则 {item}；请使用 KEY=数字，KEY 为：{keys}。</translation>
    </message>
    <message>
      <source>device_id is not a UUID</source>
      <translation>device_id 不是 UUID</translation>
    </message>
    <message>
      <source>give the ERP reference (at most 60 characters)</source>
      <translation>请填写财务系统的单号（最多 60 个字符）</translation>
    </message>
    <message>
      <source>give the date as YYYY-MM-DD (got {value})</source>
      <translation>日期格式应为“年-月-日”，如 2026-03-05（收到的是 {value}）</translation>
    </message>
    <message>
      <source>it is not JSON text</source>
      <translation>它不是 JSON 文本</translation>
    </message>
    <message>
      <source>it is not a JSON object</source>
      <translation>它不是 JSON 对象</translation>
    </message>
    <message>
      <source>kind must be invoice or payment (got {value})</source>
      <translation>类型应为“发票”或“回款”（收到的是 {value}）</translation>
    </message>
    <message>
      <source>not a positive amount in yuan with at most 2 decimals: {value}</source>
      <translation>不是最多两位小数的正金额（元）：{value}</translation>
    </message>
    <message>
      <source>public_key is not base64</source>
      <translation>public_key 不是 base64 编码</translation>
    </message>
    <message>
      <source>territory is not a list of region codes</source>
      <translation>territory 不是区划代码列表</translation>
    </message>
    <message>
      <source>the file does not hold a JSON object</source>
      <translation>文件内容不是 JSON 对象</translation>
    </message>
    <message>
      <source>the minimum for grade {grade} is not a whole number from 0 to 31</source>
      <translation>{grade} 级的最低次数不是 0 到 31 之间的整数</translation>
    </message>
    <message>
      <source>the public key must be 32 bytes, not {count}</source>
      <translation>公钥必须是 32 字节，而不是 {count} 字节</translation>
    </message>
    <message>
      <source>the weekly number of channels is not a whole number from 0 to 50</source>
      <translation>每周渠道数不是 0 到 50 之间的整数</translation>
    </message>
    <message>
      <source>user is not a text of at most 100 characters</source>
      <translation>user 不是最多 100 个字符的文本</translation>
    </message>
    <message>
      <source>x25519_public_key is not base64</source>
      <translation>x25519_public_key 不是 base64 编码</translation>
    </message>
    <message>
      <source>x25519_public_key must be 32 bytes of base64</source>
      <translation>x25519_public_key 必须是 32 字节的 base64 编码</translation>
    </message>
    <message>
      <source>{file} is not a checklist template: it is not JSON text.</source>
      <translation>{file} 不是检查表模板：不是 JSON 文本。</translation>
    </message>
    <message>
      <source>{file} is not a device public-key file: {reason}</source>
      <translation>{file} 不是设备公钥文件：{reason}</translation>
    </message>
    <message>
      <source>{file} is not a valid checklist template: {problems}.</source>
      <translation>{file} 不是有效的检查表模板：{problems}。</translation>
    </message>
    <message>
      <source>{file} is too large for a checklist template (at most 5 MB).</source>
      <translation>{file} 作为检查表模板过大（最多 5 MB）。</translation>
    </message>
    <message>
      <source>{folder} is not a folder.</source>
      <translation>{folder} 不是文件夹。</translation>
    </message>
    <message>
      <source>{key} is missing</source>
      <translation>缺少 {key}</translation>
    </message>
    <message>
      <source>{key} takes a positive number (got {value}).</source>
      <translation>{key} 须为正数（收到的是 {value}）。</translation>
    </message>
  </context>
  <context>
    <name>import</name>
    <message>
      <source>Cannot read {file}: {error}</source>
      <translation>无法读取 {file}：{error}</translation>
    </message>
    <message>
      <source>Cannot write {file}: {error}</source>
      <translation>无法写入 {file}：{error}</translation>
    </message>
    <message>
      <source>Checking rows…</source>
      <translation>正在检查各行…</translation>
    </message>
    <message>
      <source>File not found: {file}</source>
      <translation>找不到文件：{file}</translation>
    </message>
    <message>
      <source>Importing row {row}…</source>
      <translation>正在导入第 {row} 行…</translation>
    </message>
    <message>
      <source>Importing…</source>
      <translation>正在导入…</translation>
    </message>
    <message>
      <source>Partners</source>
      <translation>渠道</translation>
    </message>
    <message>
      <source>an import cannot change the status ({current} → {wanted}); use the lifecycle action: partners lifecycle {code} EVENT --reason TEXT, or Lifecycle… in the partner screen</source>
      <translation>导入不能更改状态（{current} → {wanted}）；请使用开停并转：命令 partners lifecycle {code} 事件 --reason 原因，或渠道界面中的“开停并转…”</translation>
    </message>
    <message>
      <source>duplicate code {code} (also in row {first})</source>
      <translation>编码 {code} 重复（第 {first} 行也有）</translation>
    </message>
    <message>
      <source>imported</source>
      <translation>导入</translation>
    </message>
    <message>
      <source>missing</source>
      <translation>缺失</translation>
    </message>
    <message>
      <source>must be one of {choices} (got {value})</source>
      <translation>必须是 {choices} 之一（收到的是 {value}）</translation>
    </message>
    <message>
      <source>not a date (YYYY-MM-DD): {value}</source>
      <translation>不是日期（应为“年-月-日”，如 2026-03-05）：{value}</translation>
    </message>
    <message>
      <source>not a phone number</source>
      <translation>不是电话号码</translation>
    </message>
    <message>
      <source>not an amount: {value}</source>
      <translation>不是金额：{value}</translation>
    </message>
    <message>
      <source>row {row}, column {column}: {message}</source>
      <translation>第 {row} 行，“{column}”列：{message}</translation>
    </message>
    <message>
      <source>set by HQ for a partner HQ has published (now {current}); only HQ changes it</source>
      <translation>此渠道已由总部发布，该字段由总部设定（当前为 {current}）；只有总部可以修改</translation>
    </message>
    <message>
      <source>the partner {code} was deleted; it cannot be imported again</source>
      <translation>渠道 {code} 已被删除，不能再次导入</translation>
    </message>
    <message>
      <source>unknown partner code {code}</source>
      <translation>未知的渠道编码 {code}</translation>
    </message>
    <message>
      <source>unknown status {value}; use one of {allowed}</source>
      <translation>未知状态“{value}”；请使用：{allowed}</translation>
    </message>
    <message>
      <source>unknown type {value}; use one of {allowed}</source>
      <translation>未知类型“{value}”；请使用：{allowed}</translation>
    </message>
    <message>
      <source>{file} is a folder, not a file.</source>
      <translation>{file} 是文件夹，不是文件。</translation>
    </message>
    <message>
      <source>{file} is larger than {limit} MB (limit: file size).</source>
      <translation>{file} 大于 {limit} MB（限制：文件大小）。</translation>
    </message>
    <message>
      <source>{file} is not a regular file (a device, pipe or socket); give a saved CSV or XLSX file.</source>
      <translation>{file} 不是普通文件（而是设备、管道或套接字）；请提供已保存的 CSV 或 XLSX 文件。</translation>
    </message>
    <message numerus="yes">
      <source>{file}: %n problem(s) found; nothing was imported.</source>
      <translation>
        <numerusform>{file}：发现 %n 处问题，未导入任何数据。</numerusform>
      </translation>
    </message>
    <message>
      <source>{file}: line {line} holds more than {limit} characters (limit: cell length).</source>
      <translation>{file}：第 {line} 行超过 {limit} 个字符（限制：单元格长度）。</translation>
    </message>
    <message>
      <source>{file}: malformed CSV ({error}).</source>
      <translation>{file}：CSV 格式错误（{error}）。</translation>
    </message>
    <message>
      <source>{file}: missing required column(s): {columns}.</source>
      <translation>{file}：缺少必需的列：{columns}。</translation>
    </message>
    <message>
      <source>{file}: more than {limit} rows (limit: rows); split the file.</source>
      <translation>{file}：超过 {limit} 行（限制：行数）；请拆分文件。</translation>
    </message>
    <message>
      <source>{file}: not a readable XLSX workbook (damaged, or not a workbook).</source>
      <translation>{file}：不是可读取的 XLSX 工作簿（文件已损坏，或不是工作簿）。</translation>
    </message>
    <message>
      <source>{file}: one row of the sheet holds more than {limit} MB of text (limit: cell length).</source>
      <translation>{file}：工作表的一行文字超过 {limit} MB（限制：单元格长度）。</translation>
    </message>
    <message>
      <source>{file}: row {row} has a value in column {column}, beyond the limit of {limit} columns (limit: columns).</source>
      <translation>{file}：第 {row} 行的 {column} 列有内容，超出 {limit} 列的上限（限制：列数）。</translation>
    </message>
    <message>
      <source>{file}: row {row} holds a cell of more than {limit} characters (limit: cell length).</source>
      <translation>{file}：第 {row} 行有单元格超过 {limit} 个字符（限制：单元格长度）。</translation>
    </message>
    <message>
      <source>{file}: the cell {cell} holds {length} characters, more than {limit} (limit: cell length).</source>
      <translation>{file}：单元格 {cell} 有 {length} 个字符，超过 {limit}（限制：单元格长度）。</translation>
    </message>
    <message>
      <source>{file}: the file is empty (no header row).</source>
      <translation>{file}：文件为空（没有表头行）。</translation>
    </message>
    <message>
      <source>{file}: the text encoding is neither UTF-8 nor GBK.</source>
      <translation>{file}：文本编码既不是 UTF-8 也不是 GBK。</translation>
    </message>
    <message>
      <source>{file}: the workbook unpacks to more than {limit} MB (limit: uncompressed size).</source>
      <translation>{file}：工作簿解压后超过 {limit} MB（限制：解压后大小）。</translation>
    </message>
    <message>
      <source>{file}: this is not a text CSV file.</source>
      <translation>{file}：不是文本 CSV 文件。</translation>
    </message>
    <message>
      <source>{file}: unsupported file type; use .csv or .xlsx.</source>
      <translation>{file}：不支持的文件类型；请使用 .csv 或 .xlsx。</translation>
    </message>
  </context>
  <context>
    <name>materials</name>
    <message>
      <source>After this change {partner} would have returned {excess} × {item} more than were issued; correct or void the return first.</source>
      <translation>修改后 {partner} 的 {item} 退回数量将比发放数量多 {excess}；请先更正或作废退回记录。</translation>
    </message>
    <message>
      <source>Give the reason for the change (e.g. wrong quantity, entered twice).</source>
      <translation>请填写修改原因（例如：数量错误、重复录入）。</translation>
    </message>
    <message>
      <source>Nothing to correct: the entry is unchanged.</source>
      <translation>没有需要更正的内容：记录未改动。</translation>
    </message>
    <message>
      <source>The entry date {date} lies in the future.</source>
      <translation>登记日期 {date} 晚于今天。</translation>
    </message>
    <message>
      <source>The ledger entry no longer exists.</source>
      <translation>该台账记录已不存在。</translation>
    </message>
    <message>
      <source>The quantity must be a whole number from 1 to {max} (got {value}).</source>
      <translation>数量必须是 1 到 {max} 之间的整数（当前为 {value}）。</translation>
    </message>
    <message>
      <source>The reason is too long (at most {max} characters).</source>
      <translation>原因过长（最多 {max} 个字符）。</translation>
    </message>
    <message>
      <source>This ledger entry was already voided ({reason}).</source>
      <translation>该台账记录已作废（{reason}）。</translation>
    </message>
    <message>
      <source>Unknown ledger entry kind {kind}; use issued, installed or returned.</source>
      <translation>未知的台账类型 {kind}；请用发放、安装或回收。</translation>
    </message>
    <message>
      <source>{partner} holds {held} × {item} on the book; {qty} cannot be returned.</source>
      <translation>{partner} 账面上只有 {held} 个{item}，不能回收 {qty} 个。</translation>
    </message>
  </context>
  <context>
    <name>media</name>
    <message>
      <source>Cannot read {file}: {error}</source>
      <translation>无法读取 {file}：{error}</translation>
    </message>
    <message>
      <source>Cannot store {file}: {error}</source>
      <translation>无法保存 {file}：{error}</translation>
    </message>
    <message>
      <source>{file} is damaged or truncated ({error}).</source>
      <translation>{file} 已损坏或被截断（{error}）。</translation>
    </message>
    <message>
      <source>{file} is larger than {limit} MB; photos must be smaller.</source>
      <translation>{file} 超过 {limit} MB；照片必须更小。</translation>
    </message>
    <message>
      <source>{file} is not an image ChannelDesk can read.</source>
      <translation>{file} 不是渠道巡检台能读取的图片。</translation>
    </message>
    <message>
      <source>{file} is too large an image (more than {limit} million pixels). Take or save it smaller.</source>
      <translation>{file} 图像过大（超过 {limit} 百万像素），请拍摄或保存为较小的图像。</translation>
    </message>
    <message>
      <source>{file} is too large an image ({width} x {height} pixels; at most {limit} million). Take or save it smaller.</source>
      <translation>{file} 图像过大（{width} × {height} 像素，最多 {limit} 百万像素），请拍摄或保存为较小的图像。</translation>
    </message>
  </context>
  <context>
    <name>partners</name>
    <message>
      <source>A grade change of partner {code} already waits for HQ's decision.</source>
      <translation>渠道 {code} 已有一个等级变更申请在等待总部决定。</translation>
    </message>
    <message>
      <source>A new partner starts as a prospect or active; record other statuses as lifecycle events (开停并转).</source>
      <translation>新渠道的状态只能是“意向”或“正常”；其他状态请通过开停并转登记。</translation>
    </message>
    <message>
      <source>A partner cannot be merged into itself.</source>
      <translation>渠道不能并入自身。</translation>
    </message>
    <message>
      <source>A partner with status {status} cannot be given the event {kind}.</source>
      <translation>状态为“{status}”的渠道不能执行“{kind}”。</translation>
    </message>
    <message>
      <source>A reason is required for every lifecycle change.</source>
      <translation>每次开停并转都必须填写原因。</translation>
    </message>
    <message>
      <source>Another partner already has the code {code}.</source>
      <translation>编码 {code} 已被其他渠道使用。</translation>
    </message>
    <message>
      <source>Choose the partner this one is merged into (--survivor CODE).</source>
      <translation>请选择并入的存续渠道（--survivor 编码）。</translation>
    </message>
    <message>
      <source>Describe the complaint.</source>
      <translation>请描述投诉内容。</translation>
    </message>
    <message>
      <source>File not found: {file}</source>
      <translation>找不到文件：{file}</translation>
    </message>
    <message>
      <source>Give the new manager or territory for a transfer (--to-manager NAME).</source>
      <translation>转移需要给出新的渠道经理或区域（--to-manager 姓名）。</translation>
    </message>
    <message>
      <source>Give the reason for the grade change.</source>
      <translation>请填写等级变更的理由。</translation>
    </message>
    <message>
      <source>HQ sets the grade and credit limit of partner {code}; they cannot be changed on this laptop.</source>
      <translation>渠道 {code} 的等级和授信额度由总部设定，不能在本机修改。</translation>
    </message>
    <message>
      <source>Name the product line.</source>
      <translation>请填写产品线。</translation>
    </message>
    <message>
      <source>No partner with code or id {key}.</source>
      <translation>没有编码或 ID 为 {key} 的渠道。</translation>
    </message>
    <message>
      <source>Partner {code} already has grade {grade}.</source>
      <translation>渠道 {code} 已经是 {grade} 级。</translation>
    </message>
    <message>
      <source>Please correct: {problems}</source>
      <translation>请更正：{problems}</translation>
    </message>
    <message>
      <source>The code of partner {code} cannot be changed on this laptop; a code change is made at HQ.</source>
      <translation>渠道 {code} 的编码不能在本机修改；如需更改编码，请由总部办理。</translation>
    </message>
    <message>
      <source>The competitor's brand is required.</source>
      <translation>必须填写竞品品牌。</translation>
    </message>
    <message>
      <source>The contact's name is required.</source>
      <translation>必须填写联系人姓名。</translation>
    </message>
    <message>
      <source>The contract ends before it starts.</source>
      <translation>合同结束日期早于开始日期。</translation>
    </message>
    <message>
      <source>The contract number is required.</source>
      <translation>必须填写合同编号。</translation>
    </message>
    <message>
      <source>The minimum must be at least 0 and not above the maximum.</source>
      <translation>最低值不能小于 0，也不能高于最高值。</translation>
    </message>
    <message>
      <source>The record no longer exists.</source>
      <translation>该记录已不存在。</translation>
    </message>
    <message>
      <source>The status changes only through a lifecycle event (开停并转: open, suspend, resume, merge, transfer, terminate), not by editing the card.</source>
      <translation>状态只能通过开停并转事件变更（开户、暂停、恢复、合并、转移、终止），不能在档案中直接修改。</translation>
    </message>
    <message>
      <source>The survivor {code} is {status}; choose an active partner.</source>
      <translation>存续渠道 {code} 状态为 {status}；请选择正常经营的渠道。</translation>
    </message>
    <message>
      <source>Unknown grade {grade}; use one of {allowed}.</source>
      <translation>未知等级 {grade}；请使用 {allowed} 之一。</translation>
    </message>
    <message>
      <source>Unknown lifecycle event {kind}.</source>
      <translation>未知的开停并转事件 {kind}。</translation>
    </message>
    <message>
      <source>contains a control character (U+{code:04X}) that cannot be stored</source>
      <translation>含有无法保存的控制字符（U+{code:04X}）</translation>
    </message>
    <message>
      <source>initial grade</source>
      <translation>初始评级</translation>
    </message>
    <message>
      <source>must be between {low} and {high}</source>
      <translation>必须在 {low} 与 {high} 之间</translation>
    </message>
    <message>
      <source>not a number: {value}</source>
      <translation>不是数字：{value}</translation>
    </message>
    <message>
      <source>not a phone number: {value}</source>
      <translation>不是电话号码：{value}</translation>
    </message>
    <message>
      <source>partner created</source>
      <translation>新建渠道</translation>
    </message>
    <message>
      <source>the code is required</source>
      <translation>必须填写编码</translation>
    </message>
    <message>
      <source>the code may contain only letters, digits, '-' and '_' (at most 40)</source>
      <translation>编码只能包含字母、数字、“-”和“_”（最多 40 位）</translation>
    </message>
    <message>
      <source>the credit limit must be a non-negative amount</source>
      <translation>信用额度必须是非负金额</translation>
    </message>
    <message>
      <source>the name is required</source>
      <translation>必须填写名称</translation>
    </message>
    <message>
      <source>the tag {tag} is longer than {limit} characters</source>
      <translation>标签“{tag}”超过 {limit} 个字符</translation>
    </message>
    <message>
      <source>too long: {length} characters, at most {limit} allowed</source>
      <translation>过长：{length} 个字符，最多允许 {limit} 个</translation>
    </message>
    <message>
      <source>unknown grade {value}; use A, B, C or D</source>
      <translation>未知等级 {value}；请使用 A、B、C 或 D</translation>
    </message>
    <message>
      <source>unknown region code {value}</source>
      <translation>未知区划代码 {value}</translation>
    </message>
    <message>
      <source>unknown status {value}; use one of {allowed}</source>
      <translation>未知状态 {value}；可用：{allowed}</translation>
    </message>
    <message>
      <source>unknown type {value}; use one of {allowed}</source>
      <translation>未知类型 {value}；可用：{allowed}</translation>
    </message>
    <message>
      <source>{file} is larger than {limit} MB.</source>
      <translation>{file} 超过 {limit} MB。</translation>
    </message>
  </context>
  <context>
    <name>printing</name>
    <message>
      <source>Cannot read {path} to print it.</source>
      <translation>无法读取 {path}，不能打印。</translation>
    </message>
    <message>
      <source>Printing page {page} of {count}…</source>
      <translation>正在打印第 {page} 页，共 {count} 页…</translation>
    </message>
    <message>
      <source>The printer could not be started.</source>
      <translation>无法启动打印机。</translation>
    </message>
  </context>
  <context>
    <name>progress</name>
    <message>
      <source>Cancelled; nothing was changed.</source>
      <translation>已取消，未做任何更改。</translation>
    </message>
  </context>
  <context>
    <name>reminders</name>
    <message numerus="yes">
      <source>%n change(s) never sent to HQ.</source>
      <translation>
        <numerusform>有 %n 项更改从未发送给总部。</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n complaint(s) past the response or resolution time.</source>
      <translation>
        <numerusform>%n 件投诉已超过响应或解决时限。</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n contract(s) expiring within {days} days.</source>
      <translation>
        <numerusform>%n 份合同将在 {days} 天内到期。</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n partner(s) below this month's visit frequency.</source>
      <translation>
        <numerusform>%n 个渠道本月未达巡检频次。</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n rectification order(s) overdue.</source>
      <translation>
        <numerusform>%n 份整改单已逾期。</numerusform>
      </translation>
    </message>
    <message>
      <source>A bundle exported {days} days ago has no acknowledgement from HQ yet.</source>
      <translation>{days} 天前导出的同步包尚未收到总部回执。</translation>
    </message>
    <message numerus="yes">
      <source>Callback duty missed on %n day(s): {days}.</source>
      <translation>
        <numerusform>有 %n 天未完成回访任务：{days}。</numerusform>
      </translation>
    </message>
    <message>
      <source>Callbacks today: {answered} of {drawn} done ({population} records yesterday).</source>
      <translation>今日回访：已完成 {answered}/{drawn}（昨日共 {population} 条记录）。</translation>
    </message>
    <message>
      <source>Suspension proposed for {codes} after repeated callback warnings.</source>
      <translation>因多次回访警告，建议暂停渠道：{codes}。</translation>
    </message>
  </context>
  <context>
    <name>reports</name>
    <message numerus="yes">
      <source>%n photo(s)</source>
      <translation>
        <numerusform>%n 张照片</numerusform>
      </translation>
    </message>
    <message>
      <source>Actual</source>
      <translation>实际</translation>
    </message>
    <message>
      <source>Address</source>
      <translation>地址</translation>
    </message>
    <message>
      <source>Adjustment</source>
      <translation>调整建议</translation>
    </message>
    <message>
      <source>After</source>
      <translation>整改后</translation>
    </message>
    <message>
      <source>Ahead</source>
      <translation>领先</translation>
    </message>
    <message>
      <source>Amendment history</source>
      <translation>更正记录</translation>
    </message>
    <message>
      <source>Amount</source>
      <translation>金额</translation>
    </message>
    <message>
      <source>Answer</source>
      <translation>结果</translation>
    </message>
    <message>
      <source>Average score</source>
      <translation>平均得分</translation>
    </message>
    <message>
      <source>Before</source>
      <translation>整改前</translation>
    </message>
    <message>
      <source>Behind</source>
      <translation>落后</translation>
    </message>
    <message>
      <source>Book</source>
      <translation>账面</translation>
    </message>
    <message>
      <source>Brand</source>
      <translation>品牌</translation>
    </message>
    <message>
      <source>By</source>
      <translation>更正人</translation>
    </message>
    <message>
      <source>Callbacks</source>
      <translation>回访</translation>
    </message>
    <message>
      <source>Callbacks done</source>
      <translation>已完成回访</translation>
    </message>
    <message>
      <source>Callbacks done this week</source>
      <translation>本周完成回访</translation>
    </message>
    <message>
      <source>Callbacks recorded</source>
      <translation>已记录回访</translation>
    </message>
    <message>
      <source>Called back</source>
      <translation>已抽取回访</translation>
    </message>
    <message>
      <source>Cannot write the report to {path}: {error}</source>
      <translation>无法将报告写入 {path}：{error}</translation>
    </message>
    <message>
      <source>Category</source>
      <translation>类别</translation>
    </message>
    <message>
      <source>Changes</source>
      <translation>更正内容</translation>
    </message>
    <message>
      <source>Channel manager (signature)</source>
      <translation>渠道经理（签字）</translation>
    </message>
    <message>
      <source>Channel manager's daily log</source>
      <translation>渠道经理日志</translation>
    </message>
    <message>
      <source>Channels</source>
      <translation>渠道数</translation>
    </message>
    <message>
      <source>Channels behind time progress</source>
      <translation>落后于时间进度的渠道</translation>
    </message>
    <message>
      <source>Channels ranked by development against target</source>
      <translation>渠道发展量完成率排名</translation>
    </message>
    <message>
      <source>Channels you inspected</source>
      <translation>本人巡检渠道数</translation>
    </message>
    <message>
      <source>Checked in</source>
      <translation>签到</translation>
    </message>
    <message>
      <source>Checked out</source>
      <translation>签退</translation>
    </message>
    <message>
      <source>Checklist</source>
      <translation>检查表</translation>
    </message>
    <message>
      <source>Closed and sealed</source>
      <translation>已关闭并封存</translation>
    </message>
    <message>
      <source>Code</source>
      <translation>编码</translation>
    </message>
    <message>
      <source>Commission check</source>
      <translation>代理佣金核查</translation>
    </message>
    <message>
      <source>Competitor notes</source>
      <translation>竞品情况</translation>
    </message>
    <message>
      <source>Competitors nearby</source>
      <translation>周边竞品</translation>
    </message>
    <message>
      <source>Complaint</source>
      <translation>投诉内容</translation>
    </message>
    <message>
      <source>Complaints</source>
      <translation>投诉</translation>
    </message>
    <message>
      <source>Complaints handled</source>
      <translation>处理投诉</translation>
    </message>
    <message>
      <source>Compliance…</source>
      <translation>达标情况…</translation>
    </message>
    <message>
      <source>Compliant</source>
      <translation>达标</translation>
    </message>
    <message>
      <source>Consolidated monthly report</source>
      <translation>月度汇总报告</translation>
    </message>
    <message>
      <source>Contacts</source>
      <translation>联系人</translation>
    </message>
    <message>
      <source>Content hash</source>
      <translation>内容哈希</translation>
    </message>
    <message>
      <source>Contracts</source>
      <translation>合同</translation>
    </message>
    <message>
      <source>Coordinates</source>
      <translation>坐标</translation>
    </message>
    <message>
      <source>Counted</source>
      <translation>盘点</translation>
    </message>
    <message>
      <source>Credit limit</source>
      <translation>信用额度</translation>
    </message>
    <message>
      <source>Credit rating</source>
      <translation>信用等级</translation>
    </message>
    <message>
      <source>Daily logs closed</source>
      <translation>已关闭日志</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>日期</translation>
    </message>
    <message>
      <source>Deadline</source>
      <translation>整改期限</translation>
    </message>
    <message>
      <source>Description</source>
      <translation>说明</translation>
    </message>
    <message>
      <source>Development against monthly target</source>
      <translation>发展量与月度目标</translation>
    </message>
    <message>
      <source>Development reported</source>
      <translation>上报发展量</translation>
    </message>
    <message>
      <source>Device</source>
      <translation>设备</translation>
    </message>
    <message>
      <source>Devices reporting</source>
      <translation>上报设备数</translation>
    </message>
    <message>
      <source>Done</source>
      <translation>已完成</translation>
    </message>
    <message>
      <source>Done / required</source>
      <translation>完成 / 要求</translation>
    </message>
    <message>
      <source>End</source>
      <translation>结束</translation>
    </message>
    <message>
      <source>Escalation</source>
      <translation>升级处理</translation>
    </message>
    <message>
      <source>Event</source>
      <translation>事件</translation>
    </message>
    <message>
      <source>Every partner met the rule.</source>
      <translation>所有渠道均达到巡检频次。</translation>
    </message>
    <message>
      <source>Evidence</source>
      <translation>依据</translation>
    </message>
    <message>
      <source>Finding</source>
      <translation>问题</translation>
    </message>
    <message>
      <source>Findings and rectification orders</source>
      <translation>问题与限期整改</translation>
    </message>
    <message>
      <source>Findings raised</source>
      <translation>发现问题</translation>
    </message>
    <message>
      <source>Found fake or withheld</source>
      <translation>发现虚假或截留</translation>
    </message>
    <message>
      <source>From</source>
      <translation>原</translation>
    </message>
    <message>
      <source>Give the month as YYYY-MM, e.g. 2026-03 (got {value}).</source>
      <translation>月份格式应为 YYYY-MM，例如 2026-03（收到 {value}）。</translation>
    </message>
    <message>
      <source>Give the week as YYYY-Www, e.g. 2026-W07 (got {value}).</source>
      <translation>周的格式应为 YYYY-Www，例如 2026-W07（收到 {value}）。</translation>
    </message>
    <message>
      <source>Grade</source>
      <translation>等级</translation>
    </message>
    <message>
      <source>Grade history</source>
      <translation>等级变更记录</translation>
    </message>
    <message>
      <source>Headquarters</source>
      <translation>总部</translation>
    </message>
    <message>
      <source>Inspection report</source>
      <translation>巡检报告</translation>
    </message>
    <message>
      <source>Inspections</source>
      <translation>巡检次数</translation>
    </message>
    <message>
      <source>Inspections per manager</source>
      <translation>各渠道经理巡检情况</translation>
    </message>
    <message>
      <source>Item</source>
      <translation>项目</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>类型</translation>
    </message>
    <message>
      <source>Kinds</source>
      <translation>类型</translation>
    </message>
    <message>
      <source>Licence no.</source>
      <translation>营业执照号</translation>
    </message>
    <message>
      <source>Lifecycle</source>
      <translation>开停并转</translation>
    </message>
    <message>
      <source>Manager</source>
      <translation>渠道经理</translation>
    </message>
    <message>
      <source>Managers</source>
      <translation>客户经理数</translation>
    </message>
    <message>
      <source>Merged into</source>
      <translation>已并入</translation>
    </message>
    <message>
      <source>Metric</source>
      <translation>指标</translation>
    </message>
    <message>
      <source>Month to date</source>
      <translation>本月累计</translation>
    </message>
    <message>
      <source>Monthly assessment of the managers</source>
      <translation>客户经理月度考核</translation>
    </message>
    <message>
      <source>Monthly assessment report</source>
      <translation>月度考核报告</translation>
    </message>
    <message>
      <source>Monthly target</source>
      <translation>月度目标</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>名称</translation>
    </message>
    <message>
      <source>New customers</source>
      <translation>新发展用户</translation>
    </message>
    <message>
      <source>New customers this week</source>
      <translation>本周新发展用户</translation>
    </message>
    <message>
      <source>No</source>
      <translation>否</translation>
    </message>
    <message>
      <source>No adjustment suggested: callbacks found no fake or withheld records.</source>
      <translation>无调整建议：回访未发现虚假或截留记录。</translation>
    </message>
    <message>
      <source>No after-photo</source>
      <translation>无整改后照片</translation>
    </message>
    <message>
      <source>No before-photo</source>
      <translation>无整改前照片</translation>
    </message>
    <message>
      <source>No callbacks were drawn for this day.</source>
      <translation>当天未抽取回访。</translation>
    </message>
    <message>
      <source>No complaints.</source>
      <translation>没有投诉。</translation>
    </message>
    <message>
      <source>No data for this month.</source>
      <translation>本月没有数据。</translation>
    </message>
    <message>
      <source>No data for this week.</source>
      <translation>本周没有数据。</translation>
    </message>
    <message>
      <source>No development records for this month.</source>
      <translation>本月没有发展记录。</translation>
    </message>
    <message>
      <source>No development records or targets for this week.</source>
      <translation>本周没有发展记录或目标。</translation>
    </message>
    <message>
      <source>No devices are registered.</source>
      <translation>尚未注册任何设备。</translation>
    </message>
    <message>
      <source>No findings.</source>
      <translation>未发现问题。</translation>
    </message>
    <message>
      <source>No inspections were received for this month.</source>
      <translation>本月未收到巡检记录。</translation>
    </message>
    <message>
      <source>No inspections were recorded in this week.</source>
      <translation>本周没有巡检记录。</translation>
    </message>
    <message>
      <source>No inspections were recorded this week.</source>
      <translation>本周没有巡检记录。</translation>
    </message>
    <message>
      <source>No open rectifications.</source>
      <translation>没有未完成的整改。</translation>
    </message>
    <message>
      <source>No targets for this month.</source>
      <translation>本月没有目标。</translation>
    </message>
    <message>
      <source>No warnings.</source>
      <translation>没有警告。</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>Nothing to report.</source>
      <translation>无内容。</translation>
    </message>
    <message>
      <source>Number</source>
      <translation>编号</translation>
    </message>
    <message>
      <source>Observation</source>
      <translation>观察情况</translation>
    </message>
    <message>
      <source>Open</source>
      <translation>未关闭</translation>
    </message>
    <message>
      <source>Open rectifications</source>
      <translation>未完成整改</translation>
    </message>
    <message>
      <source>Outcome</source>
      <translation>回访结果</translation>
    </message>
    <message>
      <source>Over credit limit: receivable {recv} exceeds limit {limit}.</source>
      <translation>超出信用额度：应收 {recv} 超过额度 {limit}。</translation>
    </message>
    <message>
      <source>Pace</source>
      <translation>进度</translation>
    </message>
    <message>
      <source>Partner</source>
      <translation>渠道</translation>
    </message>
    <message>
      <source>Partner card</source>
      <translation>每户一卡</translation>
    </message>
    <message>
      <source>Partner lifecycle changes</source>
      <translation>渠道开停并转变动</translation>
    </message>
    <message>
      <source>Partners</source>
      <translation>渠道</translation>
    </message>
    <message>
      <source>Partners below the visit frequency</source>
      <translation>未达巡检频次的渠道</translation>
    </message>
    <message>
      <source>Partners meeting frequency</source>
      <translation>达到巡检频次的渠道</translation>
    </message>
    <message>
      <source>Partners visited</source>
      <translation>已巡检渠道</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>电话</translation>
    </message>
    <message>
      <source>Photo evidence warnings</source>
      <translation>照片证据提示</translation>
    </message>
    <message>
      <source>Photo left out (hash {hash}): the image is too large or damaged to print.</source>
      <translation>照片未打印（哈希 {hash}）：图像过大或已损坏。</translation>
    </message>
    <message>
      <source>Photo missing (hash {hash})</source>
      <translation>照片缺失（哈希 {hash}）</translation>
    </message>
    <message>
      <source>Photo missing (hash {hash}); the original file is not in the media store.</source>
      <translation>照片缺失（哈希 {hash}）；原始文件不在媒体库中。</translation>
    </message>
    <message>
      <source>Photos</source>
      <translation>照片</translation>
    </message>
    <message>
      <source>Place</source>
      <translation>名次</translation>
    </message>
    <message>
      <source>Plan for tomorrow</source>
      <translation>明日计划</translation>
    </message>
    <message>
      <source>Points</source>
      <translation>分值</translation>
    </message>
    <message>
      <source>Problem rate</source>
      <translation>问题率</translation>
    </message>
    <message numerus="yes">
      <source>Problem rate {rate}: verify the other %n record(s) before paying; about {estimate} may be affected.</source>
      <translation>
        <numerusform>问题率 {rate}：支付前请核实其余 %n 条记录，约 {estimate} 条可能受影响。</numerusform>
      </translation>
    </message>
    <message>
      <source>Product</source>
      <translation>产品</translation>
    </message>
    <message>
      <source>Progress</source>
      <translation>完成进度</translation>
    </message>
    <message>
      <source>Promotion materials: book vs count</source>
      <translation>宣传品账实核对</translation>
    </message>
    <message>
      <source>Rank</source>
      <translation>排名</translation>
    </message>
    <message>
      <source>Ranking</source>
      <translation>排名</translation>
    </message>
    <message>
      <source>Reached</source>
      <translation>已接通</translation>
    </message>
    <message>
      <source>Reason</source>
      <translation>原因</translation>
    </message>
    <message>
      <source>Receivable</source>
      <translation>应收账款</translation>
    </message>
    <message>
      <source>Records called back</source>
      <translation>回访记录数</translation>
    </message>
    <message>
      <source>Rectification orders re-inspected: before and after</source>
      <translation>复查的整改单：整改前后对比</translation>
    </message>
    <message>
      <source>Rectifications closed</source>
      <translation>已完成整改</translation>
    </message>
    <message>
      <source>Rectifications due</source>
      <translation>到期整改</translation>
    </message>
    <message>
      <source>Rectifications opened</source>
      <translation>新增整改</translation>
    </message>
    <message>
      <source>Rectifications overdue</source>
      <translation>逾期整改</translation>
    </message>
    <message>
      <source>Rectifications raised</source>
      <translation>新增整改</translation>
    </message>
    <message>
      <source>Region</source>
      <translation>地区</translation>
    </message>
    <message>
      <source>Reported</source>
      <translation>上报数</translation>
    </message>
    <message>
      <source>Reported development against callbacks</source>
      <translation>上报发展量与回访核实</translation>
    </message>
    <message>
      <source>Required</source>
      <translation>要求</translation>
    </message>
    <message>
      <source>Required per week</source>
      <translation>每周要求</translation>
    </message>
    <message>
      <source>Responsible</source>
      <translation>责任人</translation>
    </message>
    <message>
      <source>Role</source>
      <translation>职务</translation>
    </message>
    <message>
      <source>Rule met</source>
      <translation>是否达标</translation>
    </message>
    <message>
      <source>Score</source>
      <translation>得分</translation>
    </message>
    <message>
      <source>Sealed original: score {score}, content hash {hash}</source>
      <translation>封存原件：得分 {score}，内容哈希 {hash}</translation>
    </message>
    <message>
      <source>Section</source>
      <translation>类别</translation>
    </message>
    <message>
      <source>Section scores</source>
      <translation>分项得分</translation>
    </message>
    <message>
      <source>Shortfall</source>
      <translation>缺口</translation>
    </message>
    <message>
      <source>Signatures</source>
      <translation>签字确认</translation>
    </message>
    <message>
      <source>Start</source>
      <translation>开始</translation>
    </message>
    <message>
      <source>State</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Still open</source>
      <translation>仍未完成</translation>
    </message>
    <message>
      <source>Store inspection report</source>
      <translation>门店巡检报告</translation>
    </message>
    <message>
      <source>Store representative (signature)</source>
      <translation>门店负责人（签字）</translation>
    </message>
    <message>
      <source>Suggested adjustments</source>
      <translation>建议调整</translation>
    </message>
    <message>
      <source>Tags</source>
      <translation>标签</translation>
    </message>
    <message>
      <source>Target</source>
      <translation>目标</translation>
    </message>
    <message>
      <source>Targets vs actuals</source>
      <translation>目标与实际</translation>
    </message>
    <message>
      <source>Targets vs actuals ({unit})</source>
      <translation>目标与实际（{unit}）</translation>
    </message>
    <message>
      <source>This week</source>
      <translation>本周</translation>
    </message>
    <message>
      <source>Time</source>
      <translation>时间</translation>
    </message>
    <message>
      <source>Time progress</source>
      <translation>时间进度</translation>
    </message>
    <message>
      <source>Time progress of {month}</source>
      <translation>{month}时间进度</translation>
    </message>
    <message>
      <source>To</source>
      <translation>新</translation>
    </message>
    <message>
      <source>Total score</source>
      <translation>总分</translation>
    </message>
    <message>
      <source>Type</source>
      <translation>类型</translation>
    </message>
    <message>
      <source>Visits</source>
      <translation>巡检</translation>
    </message>
    <message>
      <source>Visits per partner</source>
      <translation>各渠道巡检次数</translation>
    </message>
    <message>
      <source>Visits vs frequency rules by grade</source>
      <translation>各等级巡检频次达标情况</translation>
    </message>
    <message>
      <source>Visits…</source>
      <translation>巡检…</translation>
    </message>
    <message>
      <source>Warning</source>
      <translation>警告</translation>
    </message>
    <message>
      <source>Warnings</source>
      <translation>警告</translation>
    </message>
    <message>
      <source>Warnings per partner</source>
      <translation>各渠道警告</translation>
    </message>
    <message>
      <source>Warnings raised</source>
      <translation>发出警告</translation>
    </message>
    <message>
      <source>Warnings this week</source>
      <translation>本周警告</translation>
    </message>
    <message>
      <source>Week</source>
      <translation>周</translation>
    </message>
    <message>
      <source>Weekly bulletin of the managers</source>
      <translation>客户经理按周通报</translation>
    </message>
    <message>
      <source>Weekly development bulletin</source>
      <translation>发展量周通报</translation>
    </message>
    <message>
      <source>Weekly inspection log</source>
      <translation>巡检周志</translation>
    </message>
    <message>
      <source>Weekly inspections</source>
      <translation>每周巡检</translation>
    </message>
    <message>
      <source>Weeks meeting the weekly rule</source>
      <translation>达到每周要求的周数</translation>
    </message>
    <message numerus="yes">
      <source>Withhold commission on %n record(s) found at callback ({amount}).</source>
      <translation>
        <numerusform>回访发现问题的 %n 条记录暂扣佣金（{amount}）。</numerusform>
      </translation>
    </message>
    <message>
      <source>Writing…</source>
      <translation>正在生成…</translation>
    </message>
    <message>
      <source>Yes</source>
      <translation>是</translation>
    </message>
    <message>
      <source>draft, not sealed</source>
      <translation>草稿，未封存</translation>
    </message>
    <message>
      <source>explained</source>
      <translation>说明</translation>
    </message>
    <message>
      <source>status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>{value} is not a valid ISO week.</source>
      <translation>{value} 不是有效的 ISO 周。</translation>
    </message>
    <message>
      <source>… (shortened: {count} characters in all)</source>
      <translation>…（已截断：全文共 {count} 个字符）</translation>
    </message>
  </context>
  <context>
    <name>startup</name>
    <message>
      <source>Qt cannot open a window: the system libraries {libraries} are missing. On Debian or Ubuntu install them with: sudo apt install {packages}</source>
      <translation>Qt 无法打开窗口：缺少系统库 {libraries}。在 Debian 或 Ubuntu 上请用以下命令安装：sudo apt install {packages}</translation>
    </message>
  </context>
  <context>
    <name>sync</name>
    <message>
      <source>Another export was made meanwhile; nothing was marked as sent. Export again.</source>
      <translation>导出期间另有一次导出完成，本次未标记为已发送。请重新导出。</translation>
    </message>
    <message>
      <source>Cannot read {file}: {error}. Nothing was changed.</source>
      <translation>无法读取 {file}：{error}。未做任何更改。</translation>
    </message>
    <message>
      <source>Cannot write the bundle {path}: {error}. Nothing was marked as sent.</source>
      <translation>无法写入同步包 {path}：{error}。没有任何记录被标记为已发送。</translation>
    </message>
    <message>
      <source>Choosing which changes fit into this bundle…</source>
      <translation>正在挑选本包能容纳的变更…</translation>
    </message>
    <message>
      <source>HQ bundle refused: checklist template {id}: {problem}</source>
      <translation>总部数据包被拒绝：检查表模板 {id}：{problem}</translation>
    </message>
    <message>
      <source>HQ bundle refused: it gives two partners one code</source>
      <translation>总部数据包被拒收：它把同一个编码给了两个渠道</translation>
    </message>
    <message>
      <source>HQ bundle refused: it names another HQ</source>
      <translation>拒绝总部数据包：它来自另一个总部</translation>
    </message>
    <message>
      <source>HQ bundle refused: {reason}</source>
      <translation>拒绝总部数据包：{reason}</translation>
    </message>
    <message>
      <source>HQ rejected bundle {seq}: {reason}. Export again after fixing the cause.</source>
      <translation>总部拒收第 {seq} 号同步包：{reason}。请排除原因后重新导出。</translation>
    </message>
    <message>
      <source>HQ rejected bundle {seq}; export everything again (without "next part") after fixing the cause.</source>
      <translation>总部拒收了第 {seq} 号同步包；请排除原因后重新完整导出（不用“下一部分”）。</translation>
    </message>
    <message>
      <source>No trusted HQ key is set; import HQ's public key first (init --hq-key or Settings).</source>
      <translation>尚未设置可信的总部公钥；请先导入总部公钥（init --hq-key 或设置）。</translation>
    </message>
    <message>
      <source>Not enough free space in {folder}: the bundle needs about {need:.0f} MB, {free:.0f} MB are free. Nothing was written.</source>
      <translation>{folder} 空间不足：同步包约需 {need:.0f} MB，仅剩 {free:.0f} MB。未写入任何内容。</translation>
    </message>
    <message>
      <source>Nothing left to send: every change is already in a bundle for HQ. No bundle was written.</source>
      <translation>没有待发送的内容：所有变更都已在发往总部的同步包中。未写出同步包。</translation>
    </message>
    <message>
      <source>The acknowledgement's signature does not match the trusted HQ key; nothing was changed.</source>
      <translation>回执签名与可信的总部公钥不符；未做任何更改。</translation>
    </message>
    <message>
      <source>This acknowledgement is for a bundle this device did not export.</source>
      <translation>该回执对应的同步包不是本设备导出的。</translation>
    </message>
    <message>
      <source>This acknowledgement is for another device ({id}); nothing was changed.</source>
      <translation>该回执属于另一台设备（{id}）；未做任何更改。</translation>
    </message>
    <message>
      <source>This bundle holds a single visit (or group of changes) that is larger than HQ accepts by default; ask HQ to raise its limits.</source>
      <translation>此同步包只含一次巡检（或一组变更），但其大小超过总部默认上限；请联系总部提高上限。</translation>
    </message>
    <message>
      <source>This conflict was already resolved.</source>
      <translation>该冲突已解决。</translation>
    </message>
    <message>
      <source>a SHA-256 in hex</source>
      <translation>十六进制的 SHA-256</translation>
    </message>
    <message>
      <source>a UUID</source>
      <translation>UUID</translation>
    </message>
    <message>
      <source>a date YYYY-MM-DD</source>
      <translation>YYYY-MM-DD 格式的日期</translation>
    </message>
    <message>
      <source>a date and time with its UTC offset (RFC 3339)</source>
      <translation>带 UTC 偏移的日期时间（RFC 3339）</translation>
    </message>
    <message>
      <source>a month YYYY-MM</source>
      <translation>YYYY-MM 格式的月份</translation>
    </message>
    <message>
      <source>belongs to an unknown record type</source>
      <translation>属于未知的记录类型</translation>
    </message>
    <message>
      <source>blob {name} does not match its hash</source>
      <translation>文件 {name} 与其哈希不符</translation>
    </message>
    <message>
      <source>bundle {id} was already imported with different content</source>
      <translation>同步包 {id} 已导入过且内容不同</translation>
    </message>
    <message>
      <source>cannot read the file: {error}</source>
      <translation>无法读取文件：{error}</translation>
    </message>
    <message>
      <source>damaged bundle ({error})</source>
      <translation>同步包已损坏（{error}）</translation>
    </message>
    <message>
      <source>dev_record {id}: the sealed phone number does not open</source>
      <translation>发展记录 {id}：加密的电话号码无法解密</translation>
    </message>
    <message>
      <source>dev_record {id}: the sealed value is not a phone number</source>
      <translation>发展记录 {id}：解密后的内容不是电话号码</translation>
    </message>
    <message>
      <source>device {id} is revoked</source>
      <translation>设备 {id} 已被吊销</translation>
    </message>
    <message>
      <source>duplicate entry {name}</source>
      <translation>条目 {name} 重复</translation>
    </message>
    <message>
      <source>entries {a} and {b} overlap</source>
      <translation>条目 {a} 与 {b} 重叠</translation>
    </message>
    <message>
      <source>entry {name} differs from the manifest (size or SHA-256)</source>
      <translation>条目 {name} 与清单不符（大小或 SHA-256）</translation>
    </message>
    <message>
      <source>entry {name} expands more than {ratio}:1 (zip bomb)</source>
      <translation>条目 {name} 解压比超过 {ratio}:1（压缩炸弹）</translation>
    </message>
    <message>
      <source>entry {name} has a damaged header</source>
      <translation>条目 {name} 的头部已损坏</translation>
    </message>
    <message>
      <source>entry {name} is a symbolic link</source>
      <translation>条目 {name} 是符号链接</translation>
    </message>
    <message>
      <source>entry {name} is encrypted</source>
      <translation>条目 {name} 已加密</translation>
    </message>
    <message>
      <source>entry {name} is larger than allowed</source>
      <translation>条目 {name} 超过允许的大小</translation>
    </message>
    <message>
      <source>entry {name} is not listed in the manifest</source>
      <translation>条目 {name} 未列在清单中</translation>
    </message>
    <message>
      <source>entry {name} uses an unsupported compression</source>
      <translation>条目 {name} 使用了不支持的压缩方式</translation>
    </message>
    <message>
      <source>grade_request {id}: only HQ decides a grade change request</source>
      <translation>grade_request {id}：等级变更申请只能由总部决定</translation>
    </message>
    <message>
      <source>holds a control character or invalid text</source>
      <translation>含有控制字符或无效文本</translation>
    </message>
    <message>
      <source>is longer than {n} characters ({length})</source>
      <translation>超过 {n} 个字符（{length}）</translation>
    </message>
    <message>
      <source>is missing</source>
      <translation>缺失</translation>
    </message>
    <message>
      <source>is not a JSON object</source>
      <translation>不是 JSON 对象</translation>
    </message>
    <message>
      <source>is not a field of this record type</source>
      <translation>不是该记录类型的字段</translation>
    </message>
    <message>
      <source>its development records carry no envelope for their phones</source>
      <translation>其中的发展记录缺少电话号码的加密信封</translation>
    </message>
    <message>
      <source>listed entry {name} is absent</source>
      <translation>清单中的条目 {name} 不存在</translation>
    </message>
    <message>
      <source>manifest.json is larger than allowed</source>
      <translation>manifest.json 超过允许的大小</translation>
    </message>
    <message>
      <source>manifest.json is missing</source>
      <translation>缺少 manifest.json</translation>
    </message>
    <message>
      <source>manifest.json is not a JSON object</source>
      <translation>manifest.json 不是 JSON 对象</translation>
    </message>
    <message>
      <source>manifest.json is not valid JSON ({error})</source>
      <translation>manifest.json 不是有效的 JSON（{error}）</translation>
    </message>
    <message>
      <source>must be a JSON list (got {value})</source>
      <translation>必须是 JSON 列表（实际为 {value}）</translation>
    </message>
    <message>
      <source>must be a JSON object (got {value})</source>
      <translation>必须是 JSON 对象（实际为 {value}）</translation>
    </message>
    <message>
      <source>must be a list of at most {n} short texts</source>
      <translation>必须是最多 {n} 个短文本的列表</translation>
    </message>
    <message>
      <source>must be a number (got {value})</source>
      <translation>必须是数字（实际为 {value}）</translation>
    </message>
    <message>
      <source>must be a whole number (got {value})</source>
      <translation>必须是整数（实际为 {value}）</translation>
    </message>
    <message>
      <source>must be one of {allowed} (got {value})</source>
      <translation>必须是 {allowed} 之一（实际为 {value}）</translation>
    </message>
    <message>
      <source>must be text (got {value})</source>
      <translation>必须是文本（实际为 {value}）</translation>
    </message>
    <message>
      <source>must be true or false (got {value})</source>
      <translation>必须是 true 或 false（实际为 {value}）</translation>
    </message>
    <message>
      <source>must be {what} (got {value})</source>
      <translation>必须是{what}（实际为 {value}）</translation>
    </message>
    <message>
      <source>must lie between {low} and {high} (got {value})</source>
      <translation>必须在 {low} 到 {high} 之间（实际为 {value}）</translation>
    </message>
    <message>
      <source>must map field names to HLCs</source>
      <translation>必须是字段名到 HLC 的映射</translation>
    </message>
    <message>
      <source>must not be null</source>
      <translation>不能为 null</translation>
    </message>
    <message>
      <source>not a ChannelDesk bundle (not a ZIP file, or truncated)</source>
      <translation>不是渠道巡检台同步包（不是 ZIP 文件或已截断）</translation>
    </message>
    <message>
      <source>not a ChannelDesk bundle of a known format version</source>
      <translation>不是已知格式版本的渠道巡检台同步包</translation>
    </message>
    <message>
      <source>partner {code} lies outside the device's territory</source>
      <translation>渠道 {code} 不在本设备的区域内</translation>
    </message>
    <message>
      <source>partner {id}: the code is missing</source>
      <translation>渠道 {id}：缺少编码</translation>
    </message>
    <message>
      <source>seq {seq} of this device was already imported with different content (replay)</source>
      <translation>本设备的序号 {seq} 已导入过且内容不同（重放）</translation>
    </message>
    <message>
      <source>target {id} is HQ's published target; only HQ changes it</source>
      <translation>目标 {id} 是总部发布的目标，只有总部可以修改</translation>
    </message>
    <message>
      <source>target {id} is marked as HQ's; only HQ publishes those</source>
      <translation>目标 {id} 标记为总部目标，只有总部可以发布此类目标</translation>
    </message>
    <message>
      <source>target {id}: field period must be YYYY, YYYY-Qn or YYYY-MM (got {value})</source>
      <translation>目标 {id}：字段 period 必须为 YYYY、YYYY-Qn 或 YYYY-MM（实际为 {value}）</translation>
    </message>
    <message>
      <source>the body is malformed</source>
      <translation>模板内容格式错误</translation>
    </message>
    <message>
      <source>the bundle comes from a newer ChannelDesk (schema {version}); update ChannelDesk</source>
      <translation>同步包来自更新版本的渠道巡检台（模式 {version}）；请升级渠道巡检台</translation>
    </message>
    <message>
      <source>the bundle expands to more than allowed</source>
      <translation>同步包解压后超过允许的大小</translation>
    </message>
    <message>
      <source>the customers' phone numbers are sealed to another key of this device; export its key file again (device export-key) and have HQ register it</source>
      <translation>客户电话号码是用本设备的另一把密钥加密的；请重新导出密钥文件（“设置”中的“导出密钥文件…”，或命令 device export-key）并交总部登记</translation>
    </message>
    <message>
      <source>the envelope of the customers' phone numbers is damaged</source>
      <translation>客户电话号码的加密信封已损坏</translation>
    </message>
    <message>
      <source>the file is larger than the {cap} byte limit</source>
      <translation>文件超过 {cap} 字节的上限</translation>
    </message>
    <message>
      <source>the file is truncated</source>
      <translation>文件已截断</translation>
    </message>
    <message>
      <source>the manifest has no schema version</source>
      <translation>清单缺少模式版本</translation>
    </message>
    <message>
      <source>the manifest lists an entry twice</source>
      <translation>清单中有重复条目</translation>
    </message>
    <message>
      <source>the manifest's base_ack_seq is not a whole number from 0 to {max}</source>
      <translation>清单的 base_ack_seq 不是 0 到 {max} 之间的整数</translation>
    </message>
    <message>
      <source>the manifest's entry {name} has a size or record count out of range</source>
      <translation>清单中条目 {name} 的大小或记录数超出范围</translation>
    </message>
    <message>
      <source>the manifest's file list is malformed</source>
      <translation>清单的文件列表格式错误</translation>
    </message>
    <message>
      <source>the manifest's seq is not a whole number from 1 to {max}</source>
      <translation>清单的 seq 不是 1 到 {max} 之间的整数</translation>
    </message>
    <message>
      <source>the manifest's {key} is not a UUID</source>
      <translation>清单的 {key} 不是 UUID</translation>
    </message>
    <message>
      <source>the signature (manifest.sig) is missing</source>
      <translation>缺少签名（manifest.sig）</translation>
    </message>
    <message>
      <source>the signature is not valid</source>
      <translation>签名无效</translation>
    </message>
    <message>
      <source>this HQ bundle is for another device</source>
      <translation>该总部数据包属于另一台设备</translation>
    </message>
    <message>
      <source>this device has no encryption key for the customers' phone numbers; export its key file (device export-key) and have HQ register it</source>
      <translation>本设备没有客户电话号码的加密密钥；请导出密钥文件（“设置”中的“导出密钥文件…”，或命令 device export-key）并交总部登记</translation>
    </message>
    <message>
      <source>too many entries ({count})</source>
      <translation>条目过多（{count}）</translation>
    </message>
    <message>
      <source>unexpected entry {name}</source>
      <translation>意外的条目 {name}</translation>
    </message>
    <message>
      <source>unknown device {id}; register it with 'hq register-device'</source>
      <translation>未知设备 {id}；请用“hq register-device”注册</translation>
    </message>
    <message>
      <source>unknown record type {entity}</source>
      <translation>未知记录类型 {entity}</translation>
    </message>
    <message>
      <source>unsafe entry name {name}</source>
      <translation>不安全的条目名称 {name}</translation>
    </message>
    <message>
      <source>visit {id} is not submitted</source>
      <translation>巡检 {id} 未提交</translation>
    </message>
    <message>
      <source>wrong bundle kind {kind}</source>
      <translation>错误的同步包类型 {kind}</translation>
    </message>
    <message>
      <source>{count} changes did not fit in this bundle (HQ's size limits): export the next part now with 'sync export --next' to hand both over together, or export again after HQ has acknowledged this one.</source>
      <translation>有 {count} 项变更未能放入本同步包（受总部大小上限限制）：可用 'sync export --next' 立即导出下一部分，与本包一并交给总部；或在总部确认本包后再次导出。</translation>
    </message>
    <message>
      <source>{entity} {id} is sealed and arrived with different content</source>
      <translation>{entity} {id} 已封存，但收到的内容不同</translation>
    </message>
    <message>
      <source>{entity} {id} refers to a photo that is not in the bundle</source>
      <translation>{entity} {id} 引用的照片不在同步包中</translation>
    </message>
    <message>
      <source>{entity} {id} refers to an unknown {parent} {ref}</source>
      <translation>{entity} {id} 引用了未知的 {parent} {ref}</translation>
    </message>
    <message>
      <source>{entity} {id}: base_hlc is malformed</source>
      <translation>{entity} {id}：base_hlc 格式错误</translation>
    </message>
    <message>
      <source>{entity} {id}: field {field} {rule}</source>
      <translation>{entity} {id}：字段 {field} {rule}</translation>
    </message>
    <message>
      <source>{entity} {id}: field_hlc is malformed</source>
      <translation>{entity} {id}：field_hlc 格式错误</translation>
    </message>
    <message>
      <source>{entity} {id}: op or data is malformed</source>
      <translation>{entity} {id}：op 或 data 格式错误</translation>
    </message>
    <message>
      <source>{entity} {id}: the HLC is malformed</source>
      <translation>{entity} {id}：HLC 格式不正确</translation>
    </message>
    <message>
      <source>{entity} {id}: the HLC is not from this device</source>
      <translation>{entity} {id}：HLC 不属于该设备</translation>
    </message>
    <message>
      <source>{entity}: a record has missing or extra keys</source>
      <translation>{entity}：记录缺少或多出字段</translation>
    </message>
    <message>
      <source>{entity}: record id is not a UUID</source>
      <translation>{entity}：记录 ID 不是 UUID</translation>
    </message>
    <message>
      <source>{file} is not an HQ acknowledgement (not a JSON document); nothing was changed.</source>
      <translation>{file} 不是总部回执（不是 JSON 文档）；未做任何更改。</translation>
    </message>
    <message>
      <source>{file} is not an HQ acknowledgement (not a text file); nothing was changed.</source>
      <translation>{file} 不是总部回执（不是文本文件）；未做任何更改。</translation>
    </message>
    <message>
      <source>{name} line {line}: not valid JSON</source>
      <translation>{name} 第 {line} 行：不是有效的 JSON</translation>
    </message>
    <message>
      <source>{name}: record count differs from the manifest</source>
      <translation>{name}：记录数与清单不符</translation>
    </message>
  </context>
  <context>
    <name>targets</name>
    <message>
      <source>A target cannot be negative.</source>
      <translation>目标不能为负数。</translation>
    </message>
    <message>
      <source>Give the month as YYYY-MM (got {value}).</source>
      <translation>月份格式应为“年-月”，如 2026-03（收到 {value}）。</translation>
    </message>
    <message>
      <source>Give the period as YYYY, YYYY-Qn or YYYY-MM (got {value}).</source>
      <translation>期间应为年份（2026）、季度（2026-Q1）或月份（2026-03）（收到 {value}）。</translation>
    </message>
    <message>
      <source>Give the year as YYYY (got {value}).</source>
      <translation>年份应为四位数字，如 2026（收到 {value}）。</translation>
    </message>
    <message>
      <source>Not a region code (2, 4 or 6 digits): {value}.</source>
      <translation>不是有效的区划代码（2、4 或 6 位数字）：{value}。</translation>
    </message>
    <message>
      <source>The monthly overrides do not fit the annual target ({error}).</source>
      <translation>手工调整的月度目标与年度目标不符（{error}）。</translation>
    </message>
    <message>
      <source>The overridden cells of {period} add up to more than the month's target.</source>
      <translation>{period} 手工调整的单元格合计超过了当月目标。</translation>
    </message>
    <message>
      <source>The overridden months do not fit the annual target: together they must not exceed it, and when all twelve are set they must add up to it.</source>
      <translation>手工调整的月份与年度目标不符：合计不能超过年度目标；十二个月全部调整时合计必须等于年度目标。</translation>
    </message>
    <message>
      <source>The scope must be a partner or a region (got {value}).</source>
      <translation>范围类型必须是渠道或地区（收到 {value}）。</translation>
    </message>
    <message>
      <source>The target must be a non-negative amount with at most {d} decimals (got {value}).</source>
      <translation>目标必须是不小于零、最多 {d} 位小数的数值（收到 {value}）。</translation>
    </message>
    <message>
      <source>The {metric} target for {scope} in {period} was published by HQ and cannot be changed here.</source>
      <translation>{scope} 在 {period} 的 {metric} 目标由总部下达，此处不能修改。</translation>
    </message>
    <message>
      <source>Unknown decomposition basis {basis}.</source>
      <translation>未知的分解依据 {basis}。</translation>
    </message>
    <message>
      <source>Unknown metric {metric}.</source>
      <translation>未知指标 {metric}。</translation>
    </message>
    <message>
      <source>Unknown partner {code}.</source>
      <translation>未知渠道 {code}。</translation>
    </message>
    <message>
      <source>Unknown region code {value}: no such province, city or district.</source>
      <translation>未知的区划代码 {value}：没有这个省、市或区县。</translation>
    </message>
    <message>
      <source>duplicate row (also row {first})</source>
      <translation>重复行（与第 {first} 行相同）</translation>
    </message>
    <message>
      <source>give the month as YYYY-MM (got {value})</source>
      <translation>月份格式应为“年-月”，如 2026-03（收到 {value}）</translation>
    </message>
    <message>
      <source>give the period as YYYY, YYYY-Qn or YYYY-MM (got {value})</source>
      <translation>期间应为年份（2026）、季度（2026-Q1）或月份（2026-03）（收到 {value}）</translation>
    </message>
    <message>
      <source>not a non-negative amount with at most {d} decimals: {value}</source>
      <translation>不是最多 {d} 位小数的非负金额：{value}</translation>
    </message>
    <message>
      <source>not a region code (2, 4 or 6 digits): {value}</source>
      <translation>不是有效的区划代码（2、4 或 6 位数字）：{value}</translation>
    </message>
    <message>
      <source>scope_kind must be partner or region (got {value})</source>
      <translation>范围类型必须是“渠道”或“地区”（收到 {value}）</translation>
    </message>
    <message>
      <source>the {metric} target for {scope} in {period} was published by HQ and cannot be changed here</source>
      <translation>{scope} 在 {period} 的 {metric} 目标由总部下达，此处不能修改</translation>
    </message>
    <message>
      <source>unknown metric {metric}; use one of {known}</source>
      <translation>未知指标 {metric}；可用：{known}</translation>
    </message>
    <message>
      <source>unknown partner {code}</source>
      <translation>未知渠道 {code}</translation>
    </message>
    <message>
      <source>unknown region code {value}: no such province, city or district</source>
      <translation>未知的区划代码 {value}：没有这个省、市或区县</translation>
    </message>
  </context>
  <context>
    <name>training</name>
    <message>
      <source>Give the promotion's name.</source>
      <translation>请填写促销活动名称。</translation>
    </message>
    <message>
      <source>Give the training's topic.</source>
      <translation>请填写培训主题。</translation>
    </message>
    <message>
      <source>Name at least one attendee.</source>
      <translation>请至少填写一名参训人员。</translation>
    </message>
    <message>
      <source>Name at least one partner taking part.</source>
      <translation>请至少填写一个参加活动的渠道。</translation>
    </message>
    <message>
      <source>No partner with code {code}.</source>
      <translation>没有编码为 {code} 的渠道。</translation>
    </message>
    <message>
      <source>No training {id}.</source>
      <translation>没有培训 {id}。</translation>
    </message>
    <message>
      <source>The promotion ends before it starts.</source>
      <translation>活动结束日期早于开始日期。</translation>
    </message>
  </context>
  <context>
    <name>visits</name>
    <message>
      <source>A count cannot be negative.</source>
      <translation>盘点数量不能为负数。</translation>
    </message>
    <message>
      <source>A rectification order that is {current} cannot become {target}.</source>
      <translation>状态为“{current}”的整改单不能变为“{target}”。</translation>
    </message>
    <message>
      <source>After-photo: {description}</source>
      <translation>整改后照片：{description}</translation>
    </message>
    <message>
      <source>An amendment needs a reason.</source>
      <translation>更正必须填写原因。</translation>
    </message>
    <message>
      <source>Answer at least one rectification order with passed or failed.</source>
      <translation>请至少对一项整改单作答：passed（通过）或 failed（未通过）。</translation>
    </message>
    <message>
      <source>Describe the finding.</source>
      <translation>请描述问题。</translation>
    </message>
    <message>
      <source>Failed at re-inspection: not rectified yet.</source>
      <translation>复查未通过：尚未整改到位。</translation>
    </message>
    <message>
      <source>Give at least one ITEM=VALUE to amend.</source>
      <translation>请至少给出一项“项目=值”的更正。</translation>
    </message>
    <message>
      <source>Give the month as YYYY-MM, e.g. 2026-03 (got {value}).</source>
      <translation>月份格式应为 YYYY-MM，例如 2026-03（收到 {value}）。</translation>
    </message>
    <message>
      <source>Give the name of the promotion material.</source>
      <translation>请填写宣传品名称。</translation>
    </message>
    <message>
      <source>No checklist template named {name}.</source>
      <translation>没有名为 {name} 的检查表模板。</translation>
    </message>
    <message>
      <source>No partner with code {code}.</source>
      <translation>没有编码为 {code} 的渠道。</translation>
    </message>
    <message>
      <source>No rectification order {id}.</source>
      <translation>没有整改单 {id}。</translation>
    </message>
    <message>
      <source>No visit with id {id}.</source>
      <translation>没有 ID 为 {id} 的巡检。</translation>
    </message>
    <message>
      <source>Note: {description}</source>
      <translation>复查说明：{description}</translation>
    </message>
    <message>
      <source>Only submitted visits are amended; edit the draft instead.</source>
      <translation>只有已提交的巡检才需要更正；草稿请直接编辑。</translation>
    </message>
    <message>
      <source>Open rectification orders</source>
      <translation>未关闭的整改单</translation>
    </message>
    <message>
      <source>Partner {code} ({status}) cannot be visited.</source>
      <translation>渠道 {code}（{status}）不能巡检。</translation>
    </message>
    <message>
      <source>Partner {code} is suspended: only a re-inspection of its rectification orders is possible (template reinspection).</source>
      <translation>渠道 {code} 已暂停：只能对其整改单进行复查（模板 reinspection）。</translation>
    </message>
    <message>
      <source>Passed at re-inspection.</source>
      <translation>复查通过。</translation>
    </message>
    <message>
      <source>Promotion material {item}</source>
      <translation>宣传物料 {item}</translation>
    </message>
    <message>
      <source>Promotion material {item}: book {book}, counted {counted}.</source>
      <translation>宣传品 {item}：账面 {book}，实盘 {counted}。</translation>
    </message>
    <message>
      <source>Required items are unanswered: {keys}.</source>
      <translation>必填项目尚未填写：{keys}。</translation>
    </message>
    <message>
      <source>Running promotions</source>
      <translation>进行中的促销活动</translation>
    </message>
    <message>
      <source>The checklist has no item {key}.</source>
      <translation>检查表中没有项目 {key}。</translation>
    </message>
    <message>
      <source>The material name is too long (at most {max} characters).</source>
      <translation>宣传品名称太长（最多 {max} 个字符）。</translation>
    </message>
    <message>
      <source>Verifying a rectification needs an after-photo.</source>
      <translation>验收整改需要整改后照片。</translation>
    </message>
    <message>
      <source>Visit {id} is already checked in.</source>
      <translation>巡检 {id} 已签到。</translation>
    </message>
    <message>
      <source>Visit {id} is already submitted.</source>
      <translation>巡检 {id} 已提交。</translation>
    </message>
    <message>
      <source>Visit {id} is only planned; check in first.</source>
      <translation>巡检 {id} 仅为计划；请先签到。</translation>
    </message>
    <message>
      <source>Visit {id} is submitted and sealed; record a change as an amendment.</source>
      <translation>巡检 {id} 已提交并封存；如需修改请做更正。</translation>
    </message>
    <message>
      <source>Withdrawn: the amended answer no longer fails.</source>
      <translation>已撤销：更正后的答案不再不合格。</translation>
    </message>
    <message>
      <source>{description} (due {deadline})</source>
      <translation>{description}（期限 {deadline}）</translation>
    </message>
    <message>
      <source>{item}: a photo item cannot be amended; describe the correction in the reason.</source>
      <translation>{item}：照片项不能更正，请在更正原因中说明。</translation>
    </message>
    <message>
      <source>{item}: a re-inspected order's outcome is not amended; re-inspect the order again.</source>
      <translation>{item}：复查结果不能更正，请重新复查该整改单。</translation>
    </message>
    <message>
      <source>{item}: answer a photo item with a photo file or its SHA-256.</source>
      <translation>{item}：照片项目请提供照片文件或其 SHA-256。</translation>
    </message>
    <message>
      <source>{item}: answer yes, no or na.</source>
      <translation>{item}：请回答 yes、no 或 na。</translation>
    </message>
    <message>
      <source>{item}: choose one of {options}.</source>
      <translation>{item}：请从 {options} 中选择。</translation>
    </message>
    <message>
      <source>{item}: give a number from {min} to {max}.</source>
      <translation>{item}：请填写 {min} 到 {max} 之间的数字。</translation>
    </message>
    <message>
      <source>{item}: give a number.</source>
      <translation>{item}：请填写数字。</translation>
    </message>
    <message>
      <source>{item}: give a whole number from 0 to {max}.</source>
      <translation>{item}：请填写 0 到 {max} 之间的整数。</translation>
    </message>
    <message>
      <source>{item}: no photo with SHA-256 {sha} is attached to this visit.</source>
      <translation>{item}：本次巡检没有 SHA-256 为 {sha} 的照片。</translation>
    </message>
    <message>
      <source>{item}: the text is longer than 5000 characters.</source>
      <translation>{item}：文字超过 5000 个字符。</translation>
    </message>
    <message>
      <source>{item}: {value} is neither an attached photo's SHA-256 nor a photo file.</source>
      <translation>{item}：{value} 既不是已添加照片的 SHA-256，也不是照片文件。</translation>
    </message>
    <message>
      <source>{promotion}: {material} shown</source>
      <translation>{promotion}：已展示{material}</translation>
    </message>
  </context>
</TS>
