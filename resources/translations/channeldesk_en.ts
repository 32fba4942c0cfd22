<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
  <context>
    <name>AdvanceDialog</name>
    <message>
      <source>Move the complaint forward</source>
      <translation>Move the complaint forward</translation>
    </message>
    <message>
      <source>New status</source>
      <translation>New status</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>Note</translation>
    </message>
    <message>
      <source>Satisfaction (1–5)</source>
      <translation>Satisfaction (1–5)</translation>
    </message>
    <message>
      <source>not asked</source>
      <translation>not asked</translation>
    </message>
  </context>
  <context>
    <name>Aging</name>
    <message>
      <source>0–30 days</source>
      <translation>0–30 days</translation>
    </message>
    <message>
      <source>31–60 days</source>
      <translation>31–60 days</translation>
    </message>
    <message>
      <source>61–90 days</source>
      <translation>61–90 days</translation>
    </message>
    <message>
      <source>Over 90 days</source>
      <translation>Over 90 days</translation>
    </message>
  </context>
  <context>
    <name>Answers</name>
    <message>
      <source>Failed</source>
      <translation>Failed</translation>
    </message>
    <message>
      <source>No</source>
      <translation>No</translation>
    </message>
    <message>
      <source>Not applicable</source>
      <translation>Not applicable</translation>
    </message>
    <message>
      <source>Passed</source>
      <translation>Passed</translation>
    </message>
    <message>
      <source>Yes</source>
      <translation>Yes</translation>
    </message>
  </context>
  <context>
    <name>BusinessRecords</name>
    <message>
      <source>New customer</source>
      <translation>New customer</translation>
    </message>
    <message>
      <source>Served customer</source>
      <translation>Served customer</translation>
    </message>
  </context>
  <context>
    <name>Callbacks</name>
    <message>
      <source>Confirmed</source>
      <translation>Confirmed</translation>
    </message>
    <message>
      <source>Deposit withheld</source>
      <translation>Deposit withheld</translation>
    </message>
    <message>
      <source>Fake record</source>
      <translation>Fake record</translation>
    </message>
    <message>
      <source>Refused</source>
      <translation>Refused</translation>
    </message>
    <message>
      <source>Unauthorised connection</source>
      <translation>Unauthorised connection</translation>
    </message>
    <message>
      <source>Unreachable</source>
      <translation>Unreachable</translation>
    </message>
  </context>
  <context>
    <name>ChecklistKinds</name>
    <message>
      <source>Choice</source>
      <translation>Choice</translation>
    </message>
    <message>
      <source>Number</source>
      <translation>Number</translation>
    </message>
    <message>
      <source>Photo</source>
      <translation>Photo</translation>
    </message>
    <message>
      <source>Score</source>
      <translation>Score</translation>
    </message>
    <message>
      <source>Text</source>
      <translation>Text</translation>
    </message>
    <message>
      <source>Yes / no</source>
      <translation>Yes / no</translation>
    </message>
  </context>
  <context>
    <name>Complaints</name>
    <message>
      <source>Assigned</source>
      <translation>Assigned</translation>
    </message>
    <message>
      <source>Closed</source>
      <translation>Closed</translation>
    </message>
    <message>
      <source>Received</source>
      <translation>Received</translation>
    </message>
    <message>
      <source>Resolved</source>
      <translation>Resolved</translation>
    </message>
    <message>
      <source>Responded</source>
      <translation>Responded</translation>
    </message>
  </context>
  <context>
    <name>ComplaintsSection</name>
    <message numerus="yes">
      <source>%n complaint(s)</source>
      <translation>
        <numerusform>%n complaint</numerusform>
        <numerusform>%n complaints</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n overdue</source>
      <translation>
        <numerusform>%n overdue</numerusform>
        <numerusform>%n overdue</numerusform>
      </translation>
    </message>
    <message>
      <source>&amp;Move forward…</source>
      <translation>&amp;Move forward…</translation>
    </message>
    <message>
      <source>&amp;New complaint…</source>
      <translation>&amp;New complaint…</translation>
    </message>
    <message>
      <source>All states</source>
      <translation>All states</translation>
    </message>
    <message>
      <source>Complaint</source>
      <translation>Complaint</translation>
    </message>
    <message>
      <source>Complaints</source>
      <translation>Complaints</translation>
    </message>
    <message>
      <source>No complaints.</source>
      <translation>No complaints.</translation>
    </message>
    <message>
      <source>Overdue</source>
      <translation>Overdue</translation>
    </message>
    <message>
      <source>Partner</source>
      <translation>Partner</translation>
    </message>
    <message>
      <source>Received</source>
      <translation>Received</translation>
    </message>
    <message>
      <source>Satisfaction</source>
      <translation>Satisfaction</translation>
    </message>
    <message>
      <source>Select a complaint first.</source>
      <translation>Select a complaint first.</translation>
    </message>
    <message>
      <source>Show</source>
      <translation>Show</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Status</translation>
    </message>
    <message>
      <source>resolution</source>
      <translation>resolution</translation>
    </message>
    <message>
      <source>response</source>
      <translation>response</translation>
    </message>
  </context>
  <context>
    <name>ConflictsSection</name>
    <message numerus="yes">
      <source>%n unresolved conflict(s)</source>
      <translation>
        <numerusform>%n unresolved conflict</numerusform>
        <numerusform>%n unresolved conflicts</numerusform>
      </translation>
    </message>
    <message>
      <source>&amp;Keep current value</source>
      <translation>&amp;Keep current value</translation>
    </message>
    <message>
      <source>Conflicts</source>
      <translation>Conflicts</translation>
    </message>
    <message>
      <source>Current value</source>
      <translation>Current value</translation>
    </message>
    <message>
      <source>Field</source>
      <translation>Field</translation>
    </message>
    <message>
      <source>No sync conflicts to resolve.</source>
      <translation>No sync conflicts to resolve.</translation>
    </message>
    <message>
      <source>Other value</source>
      <translation>Other value</translation>
    </message>
    <message>
      <source>Record</source>
      <translation>Record</translation>
    </message>
    <message>
      <source>Select a conflict first.</source>
      <translation>Select a conflict first.</translation>
    </message>
    <message>
      <source>Take the &amp;other value</source>
      <translation>Take the &amp;other value</translation>
    </message>
  </context>
  <context>
    <name>ContactDialog</name>
    <message>
      <source>&amp;Name</source>
      <translation>&amp;Name</translation>
    </message>
    <message>
      <source>&amp;Phone</source>
      <translation>&amp;Phone</translation>
    </message>
    <message>
      <source>Add contact</source>
      <translation>Add contact</translation>
    </message>
    <message>
      <source>E-mail</source>
      <translation>E-mail</translation>
    </message>
    <message>
      <source>No</source>
      <translation>No</translation>
    </message>
    <message>
      <source>Primary</source>
      <translation>Primary</translation>
    </message>
    <message>
      <source>Role</source>
      <translation>Role</translation>
    </message>
    <message>
      <source>Yes (primary contact)</source>
      <translation>Yes (primary contact)</translation>
    </message>
  </context>
  <context>
    <name>ContractDialog</name>
    <message>
      <source>&amp;Number</source>
      <translation>&amp;Number</translation>
    </message>
    <message>
      <source>Add contract</source>
      <translation>Add contract</translation>
    </message>
    <message>
      <source>Channel cooperation agreement</source>
      <translation>Channel cooperation agreement</translation>
    </message>
    <message>
      <source>Confidentiality</source>
      <translation>Confidentiality</translation>
    </message>
    <message>
      <source>End</source>
      <translation>End</translation>
    </message>
    <message>
      <source>Key clauses</source>
      <translation>Key clauses</translation>
    </message>
    <message>
      <source>Optional: scan of the signed contract</source>
      <translation>Optional: scan of the signed contract</translation>
    </message>
    <message>
      <source>Scan file</source>
      <translation>Scan file</translation>
    </message>
    <message>
      <source>Start</source>
      <translation>Start</translation>
    </message>
    <message>
      <source>Termination</source>
      <translation>Termination</translation>
    </message>
    <message>
      <source>Type</source>
      <translation>Type</translation>
    </message>
  </context>
  <context>
    <name>CountDelegate</name>
    <message>
      <source>Counted quantity</source>
      <translation>Counted quantity</translation>
    </message>
    <message>
      <source>not counted</source>
      <translation>not counted</translation>
    </message>
  </context>
  <context>
    <name>CrashDialog</name>
    <message>
      <source>ChannelDesk — unexpected error</source>
      <translation>ChannelDesk — unexpected error</translation>
    </message>
    <message>
      <source>Copy report</source>
      <translation>Copy report</translation>
    </message>
    <message>
      <source>Report saved to: {path}</source>
      <translation>Report saved to: {path}</translation>
    </message>
    <message>
      <source>Something went wrong. Your saved data and autosaved drafts are safe. Please send this report to support.</source>
      <translation>Something went wrong. Your saved data and autosaved drafts are safe. Please send this report to support.</translation>
    </message>
  </context>
  <context>
    <name>DashboardSection</name>
    <message>
      <source>Actual</source>
      <translation>Actual</translation>
    </message>
    <message>
      <source>Actuals from HQ's CSV or XLSX export: partner_code, metric, period, amount</source>
      <translation>Actuals from HQ's CSV or XLSX export: partner_code, metric, period, amount</translation>
    </message>
    <message>
      <source>Components</source>
      <translation>Components</translation>
    </message>
    <message>
      <source>Dashboard</source>
      <translation>Dashboard</translation>
    </message>
    <message>
      <source>Decompose targets…</source>
      <translation>Decompose targets…</translation>
    </message>
    <message>
      <source>Import actuals</source>
      <translation>Import actuals</translation>
    </message>
    <message>
      <source>Import actuals…</source>
      <translation>Import actuals…</translation>
    </message>
    <message>
      <source>Import targets</source>
      <translation>Import targets</translation>
    </message>
    <message>
      <source>Import targets…</source>
      <translation>Import targets…</translation>
    </message>
    <message>
      <source>Importing {file}…</source>
      <translation>Importing {file}…</translation>
    </message>
    <message>
      <source>KPI score</source>
      <translation>KPI score</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>Name</translation>
    </message>
    <message>
      <source>No KPI scores this month yet.</source>
      <translation>No KPI scores this month yet.</translation>
    </message>
    <message>
      <source>No partner targets this month.
Import targets or decompose a region's target.</source>
      <translation>No partner targets this month.
Import targets or decompose a region's target.</translation>
    </message>
    <message>
      <source>Overdue</source>
      <translation>Overdue</translation>
    </message>
    <message>
      <source>Partner</source>
      <translation>Partner</translation>
    </message>
    <message>
      <source>Partners in {month}</source>
      <translation>Partners in {month}</translation>
    </message>
    <message>
      <source>Partners this month, lowest progress first (red: behind the time line)</source>
      <translation>Partners this month, lowest progress first (red: behind the time line)</translation>
    </message>
    <message>
      <source>Progress</source>
      <translation>Progress</translation>
    </message>
    <message>
      <source>Rank</source>
      <translation>Rank</translation>
    </message>
    <message>
      <source>Receivables by days overdue (10,000 yuan)</source>
      <translation>Receivables by days overdue (10,000 yuan)</translation>
    </message>
    <message>
      <source>Revenue: target vs actual by month (10,000 yuan)</source>
      <translation>Revenue: target vs actual by month (10,000 yuan)</translation>
    </message>
    <message>
      <source>Split a region's annual target to months and partners</source>
      <translation>Split a region's annual target to months and partners</translation>
    </message>
    <message>
      <source>Tables (*.csv *.xlsx)</source>
      <translation>Tables (*.csv *.xlsx)</translation>
    </message>
    <message>
      <source>Target</source>
      <translation>Target</translation>
    </message>
    <message>
      <source>Targets from a CSV or XLSX file: metric, period, scope_kind, scope, amount</source>
      <translation>Targets from a CSV or XLSX file: metric, period, scope_kind, scope, amount</translation>
    </message>
    <message>
      <source>missing: {names}</source>
      <translation>missing: {names}</translation>
    </message>
    <message>
      <source>{file}: {rows} rows, {created} new, {updated} changed, {unchanged} unchanged.</source>
      <translation>{file}: {rows} rows, {created} new, {updated} changed, {unchanged} unchanged.</translation>
    </message>
    <message>
      <source>{month} revenue: completion {done} vs time elapsed {time}</source>
      <translation>{month} revenue: completion {done} vs time elapsed {time}</translation>
    </message>
    <message>
      <source>{score} (incomplete)</source>
      <translation>{score} (incomplete)</translation>
    </message>
  </context>
  <context>
    <name>DecompositionDialog</name>
    <message>
      <source>Annual target</source>
      <translation>Annual target</translation>
    </message>
    <message>
      <source>HQ published these targets; they are shown read-only.</source>
      <translation>HQ published these targets; they are shown read-only.</translation>
    </message>
    <message>
      <source>HQ set the region's months; you can distribute them to the partners.</source>
      <translation>HQ set the region's months; you can distribute them to the partners.</translation>
    </message>
    <message>
      <source>Highlighted bold cells were set by hand; type an amount into a partner's month or a month total to set it, Delete releases it.</source>
      <translation>Highlighted bold cells were set by hand; type an amount into a partner's month or a month total to set it, Delete releases it.</translation>
    </message>
    <message>
      <source>Loading the targets…</source>
      <translation>Loading the targets…</translation>
    </message>
    <message>
      <source>Metric</source>
      <translation>Metric</translation>
    </message>
    <message>
      <source>Months by</source>
      <translation>Months by</translation>
    </message>
    <message>
      <source>Partners by</source>
      <translation>Partners by</translation>
    </message>
    <message>
      <source>Region</source>
      <translation>Region</translation>
    </message>
    <message>
      <source>Region {region} has no active partners; only the region's targets are saved.</source>
      <translation>Region {region} has no active partners; only the region's targets are saved.</translation>
    </message>
    <message>
      <source>Release all overrides</source>
      <translation>Release all overrides</translation>
    </message>
    <message>
      <source>Release selected overrides</source>
      <translation>Release selected overrides</translation>
    </message>
    <message>
      <source>Target decomposition</source>
      <translation>Target decomposition</translation>
    </message>
    <message>
      <source>Targets of {region} for {year} saved.</source>
      <translation>Targets of {region} for {year} saved.</translation>
    </message>
    <message>
      <source>The annual target comes from HQ; you can distribute it to the partners.</source>
      <translation>The annual target comes from HQ; you can distribute it to the partners.</translation>
    </message>
    <message>
      <source>The annual target must be a non-negative amount with at most {d} decimals.</source>
      <translation>The annual target must be a non-negative amount with at most {d} decimals.</translation>
    </message>
    <message>
      <source>Year</source>
      <translation>Year</translation>
    </message>
    <message>
      <source>annual target of the region</source>
      <translation>annual target of the region</translation>
    </message>
    <message>
      <source>as saved</source>
      <translation>as saved</translation>
    </message>
    <message>
      <source>grade weights</source>
      <translation>grade weights</translation>
    </message>
    <message>
      <source>last year's actuals</source>
      <translation>last year's actuals</translation>
    </message>
    <message>
      <source>last year's share</source>
      <translation>last year's share</translation>
    </message>
    <message>
      <source>seasonality</source>
      <translation>seasonality</translation>
    </message>
    <message>
      <source>{count} active partners. Grade weights: A 4, B 3, C 2, D 1; last year means {year}'s actuals.</source>
      <translation>{count} active partners. Grade weights: A 4, B 3, C 2, D 1; last year means {year}'s actuals.</translation>
    </message>
  </context>
  <context>
    <name>DecompositionModel</name>
    <message>
      <source>Month total set by hand; the other months share the rest of the year. Press Delete to release it.</source>
      <translation>Month total set by hand; the other months share the rest of the year. Press Delete to release it.</translation>
    </message>
    <message>
      <source>Month {month}</source>
      <translation>Month {month}</translation>
    </message>
    <message>
      <source>Not a non-negative amount with at most {d} decimals: {value}</source>
      <translation>Not a non-negative amount with at most {d} decimals: {value}</translation>
    </message>
    <message>
      <source>Partner</source>
      <translation>Partner</translation>
    </message>
    <message>
      <source>Set by hand; the other partners of this month share the rest. Press Delete to release it.</source>
      <translation>Set by hand; the other partners of this month share the rest. Press Delete to release it.</translation>
    </message>
    <message>
      <source>Total</source>
      <translation>Total</translation>
    </message>
  </context>
  <context>
    <name>DevRecordsSection</name>
    <message>
      <source>, </source>
      <translation>, </translation>
    </message>
    <message>
      <source>Customer</source>
      <translation>Customer</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>Date</translation>
    </message>
    <message>
      <source>Development records</source>
      <translation>Development records</translation>
    </message>
    <message numerus="yes">
      <source>HQ holds %n record(s) from {first} to {last}; partners with records: {partners}.</source>
      <translation>
        <numerusform>HQ holds %n record from {first} to {last}; partners with records: {partners}.</numerusform>
        <numerusform>HQ holds %n records from {first} to {last}; partners with records: {partners}.</numerusform>
      </translation>
    </message>
    <message>
      <source>HQ holds no development records yet.</source>
      <translation>HQ holds no development records yet.</translation>
    </message>
    <message>
      <source>HQ holds no development records: drop the operator's CSV or XLSX file here.</source>
      <translation>HQ holds no development records: drop the operator's CSV or XLSX file here.</translation>
    </message>
    <message>
      <source>Import development records</source>
      <translation>Import development records</translation>
    </message>
    <message>
      <source>Importing development records…</source>
      <translation>Importing development records…</translation>
    </message>
    <message>
      <source>Import…</source>
      <translation>Import…</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>Kind</translation>
    </message>
    <message>
      <source>Laptops receive them with their next HQ bundle.</source>
      <translation>Laptops receive them with their next HQ bundle.</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>Name</translation>
    </message>
    <message>
      <source>No development record matches “{search}”.</source>
      <translation>No development record matches “{search}”.</translation>
    </message>
    <message>
      <source>Only CSV or XLSX files can be imported here.</source>
      <translation>Only CSV or XLSX files can be imported here.</translation>
    </message>
    <message>
      <source>Partner</source>
      <translation>Partner</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>Phone</translation>
    </message>
    <message>
      <source>Prepaid</source>
      <translation>Prepaid</translation>
    </message>
    <message>
      <source>Product</source>
      <translation>Product</translation>
    </message>
    <message>
      <source>Records older than {days} days are deleted.</source>
      <translation>Records older than {days} days are deleted.</translation>
    </message>
    <message>
      <source>Search partner code or name, product, customer</source>
      <translation>Search partner code or name, product, customer</translation>
    </message>
    <message>
      <source>Spreadsheets (*.csv *.xlsx)</source>
      <translation>Spreadsheets (*.csv *.xlsx)</translation>
    </message>
    <message>
      <source>The channels' daily business records from the operator's system (CSV or XLSX: date, partner code, product, customer, phone, prepaid amount, new or served). Drop a file here or import it: every row is checked first, nothing is stored while one is wrong. Publish takes each partner's records to the laptops of its territory, the phones sealed to each laptop's key.</source>
      <translation>The channels' daily business records from the operator's system (CSV or XLSX: date, partner code, product, customer, phone, prepaid amount, new or served). Drop a file here or import it: every row is checked first, nothing is stored while one is wrong. Publish takes each partner's records to the laptops of its territory, the phones sealed to each laptop's key.</translation>
    </message>
    <message>
      <source>The newest {n} are listed.</source>
      <translation>The newest {n} are listed.</translation>
    </message>
    <message>
      <source>{matched} of {total} records match “{search}”.</source>
      <translation>{matched} of {total} records match “{search}”.</translation>
    </message>
    <message>
      <source>{rows} rows: {created} new, {skipped} already held.</source>
      <translation>{rows} rows: {created} new, {skipped} already held.</translation>
    </message>
    <message>
      <source>⚠ No encryption key is registered for {devices}: they get no development records. Have each laptop export its key file again and register it under Devices.</source>
      <translation>⚠ No encryption key is registered for {devices}: they get no development records. Have each laptop export its key file again and register it under Devices.</translation>
    </message>
  </context>
  <context>
    <name>DevicesSection</name>
    <message>
      <source>Bundle</source>
      <translation>Bundle</translation>
    </message>
    <message>
      <source>Bundles</source>
      <translation>Bundles</translation>
    </message>
    <message>
      <source>Change territory</source>
      <translation>Change territory</translation>
    </message>
    <message>
      <source>Change territory…</source>
      <translation>Change territory…</translation>
    </message>
    <message>
      <source>Device</source>
      <translation>Device</translation>
    </message>
    <message>
      <source>Device key file</source>
      <translation>Device key file</translation>
    </message>
    <message>
      <source>Device {id} registered.</source>
      <translation>Device {id} registered.</translation>
    </message>
    <message>
      <source>Device {id} revoked.</source>
      <translation>Device {id} revoked.</translation>
    </message>
    <message>
      <source>Devices</source>
      <translation>Devices</translation>
    </message>
    <message>
      <source>Drop a laptop's public-key file here to register it.</source>
      <translation>Drop a laptop's public-key file here to register it.</translation>
    </message>
    <message>
      <source>Encryption key</source>
      <translation>Encryption key</translation>
    </message>
    <message>
      <source>HQ has received no bundle from this device yet.</source>
      <translation>HQ has received no bundle from this device yet.</translation>
    </message>
    <message>
      <source>Key files (*.json *.key);;All files (*)</source>
      <translation>Key files (*.json *.key);;All files (*)</translation>
    </message>
    <message>
      <source>Last sync</source>
      <translation>Last sync</translation>
    </message>
    <message>
      <source>Manager</source>
      <translation>Manager</translation>
    </message>
    <message>
      <source>No device is registered yet. On each laptop run “device export-key”, then drop the file here.</source>
      <translation>No device is registered yet. On each laptop run “device export-key”, then drop the file here.</translation>
    </message>
    <message>
      <source>Received</source>
      <translation>Received</translation>
    </message>
    <message>
      <source>Records</source>
      <translation>Records</translation>
    </message>
    <message>
      <source>Register from key file…</source>
      <translation>Register from key file…</translation>
    </message>
    <message>
      <source>Registered</source>
      <translation>Registered</translation>
    </message>
    <message>
      <source>Revoke device</source>
      <translation>Revoke device</translation>
    </message>
    <message>
      <source>Revoke device {id}? HQ then refuses its bundles.</source>
      <translation>Revoke device {id}? HQ then refuses its bundles.</translation>
    </message>
    <message>
      <source>Revoke…</source>
      <translation>Revoke…</translation>
    </message>
    <message>
      <source>Select a device to see its bundles.</source>
      <translation>Select a device to see its bundles.</translation>
    </message>
    <message>
      <source>Select a device to see its sync history.</source>
      <translation>Select a device to see its sync history.</translation>
    </message>
    <message>
      <source>State</source>
      <translation>State</translation>
    </message>
    <message>
      <source>Sync history of the selected device</source>
      <translation>Sync history of the selected device</translation>
    </message>
    <message>
      <source>Territory</source>
      <translation>Territory</translation>
    </message>
    <message>
      <source>Territory of device {id}: {territory}.</source>
      <translation>Territory of device {id}: {territory}.</translation>
    </message>
    <message>
      <source>The regions of {manager}'s territory (none: everywhere). The next HQ bundle brings the partners of the new territory.</source>
      <translation>The regions of {manager}'s territory (none: everywhere). The next HQ bundle brings the partners of the new territory.</translation>
    </message>
    <message>
      <source>Visits</source>
      <translation>Visits</translation>
    </message>
    <message>
      <source>active</source>
      <translation>active</translation>
    </message>
    <message>
      <source>everywhere</source>
      <translation>everywhere</translation>
    </message>
    <message>
      <source>held</source>
      <translation>held</translation>
    </message>
    <message>
      <source>missing: gets no development records, register its key file again</source>
      <translation>missing: gets no development records, register its key file again</translation>
    </message>
    <message>
      <source>never</source>
      <translation>never</translation>
    </message>
    <message>
      <source>revoked</source>
      <translation>revoked</translation>
    </message>
  </context>
  <context>
    <name>DutyRules</name>
    <message>
      <source>Callback attempts before unreachable</source>
      <translation>Callback attempts before unreachable</translation>
    </message>
    <message>
      <source>Complaint resolution within (hours)</source>
      <translation>Complaint resolution within (hours)</translation>
    </message>
    <message>
      <source>Complaint response within (hours)</source>
      <translation>Complaint response within (hours)</translation>
    </message>
    <message>
      <source>Development records kept (days)</source>
      <translation>Development records kept (days)</translation>
    </message>
    <message>
      <source>Photo taken at most (hours) before check-in</source>
      <translation>Photo taken at most (hours) before check-in</translation>
    </message>
    <message>
      <source>Photo taken at most (metres) from the store</source>
      <translation>Photo taken at most (metres) from the store</translation>
    </message>
    <message>
      <source>Records called back (%)</source>
      <translation>Records called back (%)</translation>
    </message>
    <message>
      <source>Warnings counted over (days)</source>
      <translation>Warnings counted over (days)</translation>
    </message>
    <message>
      <source>Warnings for a rectification order</source>
      <translation>Warnings for a rectification order</translation>
    </message>
    <message>
      <source>Warnings for a suspension proposal</source>
      <translation>Warnings for a suspension proposal</translation>
    </message>
  </context>
  <context>
    <name>Evidence</name>
    <message>
      <source>Photo taken at another time</source>
      <translation>Photo taken at another time</translation>
    </message>
    <message>
      <source>Photo taken elsewhere</source>
      <translation>Photo taken elsewhere</translation>
    </message>
    <message>
      <source>Photo used before</source>
      <translation>Photo used before</translation>
    </message>
    <message>
      <source>Photo without camera data</source>
      <translation>Photo without camera data</translation>
    </message>
  </context>
  <context>
    <name>Findings</name>
    <message>
      <source>Checklist item</source>
      <translation>Checklist item</translation>
    </message>
    <message>
      <source>Critical</source>
      <translation>Critical</translation>
    </message>
    <message>
      <source>Materials</source>
      <translation>Materials</translation>
    </message>
    <message>
      <source>Minor</source>
      <translation>Minor</translation>
    </message>
    <message>
      <source>Normal</source>
      <translation>Normal</translation>
    </message>
    <message>
      <source>Other</source>
      <translation>Other</translation>
    </message>
    <message>
      <source>Prices</source>
      <translation>Prices</translation>
    </message>
    <message>
      <source>Serious</source>
      <translation>Serious</translation>
    </message>
    <message>
      <source>Service</source>
      <translation>Service</translation>
    </message>
  </context>
  <context>
    <name>FirstRunWizard</name>
    <message>
      <source>&amp;Territory *</source>
      <translation>&amp;Territory *</translation>
    </message>
    <message>
      <source>Backup file (.cdbackup)</source>
      <translation>Backup file (.cdbackup)</translation>
    </message>
    <message>
      <source>Browse…</source>
      <translation>Browse…</translation>
    </message>
    <message>
      <source>Choose at least one region of your territory.</source>
      <translation>Choose at least one region of your territory.</translation>
    </message>
    <message>
      <source>Choose the backup file to restore.</source>
      <translation>Choose the backup file to restore.</translation>
    </message>
    <message>
      <source>Enter your name; it is printed on every report.</source>
      <translation>Enter your name; it is printed on every report.</translation>
    </message>
    <message>
      <source>HQ key</source>
      <translation>HQ key</translation>
    </message>
    <message>
      <source>HQ key (*.key *.json)</source>
      <translation>HQ key (*.key *.json)</translation>
    </message>
    <message>
      <source>HQ public key</source>
      <translation>HQ public key</translation>
    </message>
    <message>
      <source>How do you want to start?</source>
      <translation>How do you want to start?</translation>
    </message>
    <message>
      <source>Language</source>
      <translation>Language</translation>
    </message>
    <message>
      <source>Optional: HQ public-key file</source>
      <translation>Optional: HQ public-key file</translation>
    </message>
    <message>
      <source>Printed on every report, e.g. 李娜</source>
      <translation>Printed on every report, e.g. 李娜</translation>
    </message>
    <message>
      <source>Restore from a backup file</source>
      <translation>Restore from a backup file</translation>
    </message>
    <message>
      <source>Setting up this laptop…</source>
      <translation>Setting up this laptop…</translation>
    </message>
    <message>
      <source>Start empty</source>
      <translation>Start empty</translation>
    </message>
    <message>
      <source>Start with demo data (to try things out)</source>
      <translation>Start with demo data (to try things out)</translation>
    </message>
    <message>
      <source>Welcome to ChannelDesk</source>
      <translation>Welcome to ChannelDesk</translation>
    </message>
    <message>
      <source>You and your territory</source>
      <translation>You and your territory</translation>
    </message>
    <message>
      <source>Your &amp;name *</source>
      <translation>Your &amp;name *</translation>
    </message>
  </context>
  <context>
    <name>GradeRequestsSection</name>
    <message>
      <source>All</source>
      <translation>All</translation>
    </message>
    <message>
      <source>Approve</source>
      <translation>Approve</translation>
    </message>
    <message>
      <source>Approved</source>
      <translation>Approved</translation>
    </message>
    <message>
      <source>Approving sets the partner's grade at HQ; the decision and the grade reach the laptops with their next HQ bundle.</source>
      <translation>Approving sets the partner's grade at HQ; the decision and the grade reach the laptops with their next HQ bundle.</translation>
    </message>
    <message>
      <source>Device</source>
      <translation>Device</translation>
    </message>
    <message>
      <source>Grade change</source>
      <translation>Grade change</translation>
    </message>
    <message>
      <source>Grade requests</source>
      <translation>Grade requests</translation>
    </message>
    <message>
      <source>HQ's note</source>
      <translation>HQ's note</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>Name</translation>
    </message>
    <message>
      <source>No grade change request waits for HQ.</source>
      <translation>No grade change request waits for HQ.</translation>
    </message>
    <message>
      <source>No grade change requests.</source>
      <translation>No grade change requests.</translation>
    </message>
    <message>
      <source>Note to the manager (required to refuse)</source>
      <translation>Note to the manager (required to refuse)</translation>
    </message>
    <message>
      <source>Partner</source>
      <translation>Partner</translation>
    </message>
    <message>
      <source>Reason</source>
      <translation>Reason</translation>
    </message>
    <message>
      <source>Refuse</source>
      <translation>Refuse</translation>
    </message>
    <message>
      <source>Refused</source>
      <translation>Refused</translation>
    </message>
    <message>
      <source>Request approved: {code} is now grade {grade}.</source>
      <translation>Request approved: {code} is now grade {grade}.</translation>
    </message>
    <message>
      <source>Request refused: {code} keeps grade {grade}.</source>
      <translation>Request refused: {code} keeps grade {grade}.</translation>
    </message>
    <message>
      <source>Requested by</source>
      <translation>Requested by</translation>
    </message>
    <message>
      <source>Requested on</source>
      <translation>Requested on</translation>
    </message>
    <message>
      <source>Show</source>
      <translation>Show</translation>
    </message>
    <message>
      <source>State</source>
      <translation>State</translation>
    </message>
    <message>
      <source>The laptops receive the decision with their next HQ bundle.</source>
      <translation>The laptops receive the decision with their next HQ bundle.</translation>
    </message>
    <message>
      <source>Waiting for HQ</source>
      <translation>Waiting for HQ</translation>
    </message>
    <message>
      <source>approved</source>
      <translation>approved</translation>
    </message>
    <message>
      <source>refused</source>
      <translation>refused</translation>
    </message>
    <message>
      <source>waiting</source>
      <translation>waiting</translation>
    </message>
  </context>
  <context>
    <name>Grades</name>
    <message>
      <source>A – key partner</source>
      <translation>A – key partner</translation>
    </message>
    <message>
      <source>B – important partner</source>
      <translation>B – important partner</translation>
    </message>
    <message>
      <source>C – regular partner</source>
      <translation>C – regular partner</translation>
    </message>
    <message>
      <source>D – partner under watch</source>
      <translation>D – partner under watch</translation>
    </message>
  </context>
  <context>
    <name>GuiSession</name>
    <message>
      <source>Restored the backup made {created}.</source>
      <translation>Restored the backup made {created}.</translation>
    </message>
    <message>
      <source>Restored the backup made {created}. The previous data was kept in {kept}.</source>
      <translation>Restored the backup made {created}. The previous data was kept in {kept}.</translation>
    </message>
    <message>
      <source>Restoring the backup…</source>
      <translation>Restoring the backup…</translation>
    </message>
    <message>
      <source>The backup was not restored: {error}</source>
      <translation>The backup was not restored: {error}</translation>
    </message>
  </context>
  <context>
    <name>HeldTrainingDialog</name>
    <message>
      <source>Attendees</source>
      <translation>Attendees</translation>
    </message>
    <message>
      <source>Choose…</source>
      <translation>Choose…</translation>
    </message>
    <message>
      <source>Materials</source>
      <translation>Materials</translation>
    </message>
    <message>
      <source>Names, separated by commas</source>
      <translation>Names, separated by commas</translation>
    </message>
    <message>
      <source>Photo</source>
      <translation>Photo</translation>
    </message>
    <message>
      <source>Photo of the training</source>
      <translation>Photo of the training</translation>
    </message>
    <message>
      <source>Photos (*.jpg *.jpeg *.png)</source>
      <translation>Photos (*.jpg *.jpeg *.png)</translation>
    </message>
    <message>
      <source>Record the training as held</source>
      <translation>Record the training as held</translation>
    </message>
  </context>
  <context>
    <name>HqImport</name>
    <message>
      <source>Import</source>
      <translation>Import</translation>
    </message>
    <message>
      <source>Importing…</source>
      <translation>Importing…</translation>
    </message>
    <message>
      <source>Import…</source>
      <translation>Import…</translation>
    </message>
    <message>
      <source>Laptops receive them with their next HQ bundle.</source>
      <translation>Laptops receive them with their next HQ bundle.</translation>
    </message>
    <message>
      <source>Nothing imported yet: import a CSV or XLSX file.</source>
      <translation>Nothing imported yet: import a CSV or XLSX file.</translation>
    </message>
    <message>
      <source>Spreadsheets (*.csv *.xlsx)</source>
      <translation>Spreadsheets (*.csv *.xlsx)</translation>
    </message>
    <message>
      <source>{rows} rows: {created} created, {updated} updated, {unchanged} unchanged</source>
      <translation>{rows} rows: {created} created, {updated} updated, {unchanged} unchanged</translation>
    </message>
  </context>
  <context>
    <name>HqWindow</name>
    <message>
      <source>Actions</source>
      <translation>Actions</translation>
    </message>
    <message>
      <source>ChannelDesk HQ</source>
      <translation>ChannelDesk HQ</translation>
    </message>
  </context>
  <context>
    <name>InboxSection</name>
    <message>
      <source>Acknowledgements are written beside each bundle.</source>
      <translation>Acknowledgements are written beside each bundle.</translation>
    </message>
    <message>
      <source>Acknowledgements folder…</source>
      <translation>Acknowledgements folder…</translation>
    </message>
    <message>
      <source>Acknowledgements go to {dir}</source>
      <translation>Acknowledgements go to {dir}</translation>
    </message>
    <message>
      <source>Drop bundle files (.cdsync) or a folder here, or pick them. Each is checked, then applied as a whole or not at all.</source>
      <translation>Drop bundle files (.cdsync) or a folder here, or pick them. Each is checked, then applied as a whole or not at all.</translation>
    </message>
    <message>
      <source>Drop bundle files here or pick them; each result is listed here.</source>
      <translation>Drop bundle files here or pick them; each result is listed here.</translation>
    </message>
    <message>
      <source>File</source>
      <translation>File</translation>
    </message>
    <message>
      <source>Folder for acknowledgements</source>
      <translation>Folder for acknowledgements</translation>
    </message>
    <message>
      <source>Inbox</source>
      <translation>Inbox</translation>
    </message>
    <message>
      <source>Ingesting bundles…</source>
      <translation>Ingesting bundles…</translation>
    </message>
    <message>
      <source>Pick a folder of bundles</source>
      <translation>Pick a folder of bundles</translation>
    </message>
    <message>
      <source>Pick a folder…</source>
      <translation>Pick a folder…</translation>
    </message>
    <message>
      <source>Pick bundles</source>
      <translation>Pick bundles</translation>
    </message>
    <message>
      <source>Pick bundles…</source>
      <translation>Pick bundles…</translation>
    </message>
    <message>
      <source>Reason</source>
      <translation>Reason</translation>
    </message>
    <message>
      <source>Result</source>
      <translation>Result</translation>
    </message>
    <message>
      <source>Sync bundles (*.cdsync);;All files (*)</source>
      <translation>Sync bundles (*.cdsync);;All files (*)</translation>
    </message>
    <message>
      <source>accepted</source>
      <translation>accepted</translation>
    </message>
    <message>
      <source>duplicate</source>
      <translation>duplicate</translation>
    </message>
    <message>
      <source>rejected</source>
      <translation>rejected</translation>
    </message>
    <message>
      <source>{a} accepted, {r} rejected, {d} duplicate.</source>
      <translation>{a} accepted, {r} rejected, {d} duplicate.</translation>
    </message>
  </context>
  <context>
    <name>InspectionsSection</name>
    <message>
      <source>All devices</source>
      <translation>All devices</translation>
    </message>
    <message>
      <source>All months</source>
      <translation>All months</translation>
    </message>
    <message>
      <source>Content hash from a printed report's QR code</source>
      <translation>Content hash from a printed report's QR code</translation>
    </message>
    <message>
      <source>Device</source>
      <translation>Device</translation>
    </message>
    <message>
      <source>Genuine: visit {id} of {code} {name} on {date}.</source>
      <translation>Genuine: visit {id} of {code} {name} on {date}.</translation>
    </message>
    <message>
      <source>Inspections</source>
      <translation>Inspections</translation>
    </message>
    <message>
      <source>Manager</source>
      <translation>Manager</translation>
    </message>
    <message>
      <source>Month</source>
      <translation>Month</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>Name</translation>
    </message>
    <message>
      <source>No visit matches the filter. Bundles from the laptops bring them (Inbox).</source>
      <translation>No visit matches the filter. Bundles from the laptops bring them (Inbox).</translation>
    </message>
    <message>
      <source>Partner</source>
      <translation>Partner</translation>
    </message>
    <message>
      <source>Partner code or name</source>
      <translation>Partner code or name</translation>
    </message>
    <message>
      <source>Score</source>
      <translation>Score</translation>
    </message>
    <message>
      <source>Search</source>
      <translation>Search</translation>
    </message>
    <message>
      <source>Started</source>
      <translation>Started</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Status</translation>
    </message>
    <message>
      <source>Template</source>
      <translation>Template</translation>
    </message>
    <message>
      <source>Verify</source>
      <translation>Verify</translation>
    </message>
    <message>
      <source>Verify a printed report</source>
      <translation>Verify a printed report</translation>
    </message>
    <message>
      <source>Visits: {n}</source>
      <translation>Visits: {n}</translation>
    </message>
    <message>
      <source>{week} ({first} – {last})</source>
      <translation>{week} ({first} – {last})</translation>
    </message>
  </context>
  <context>
    <name>InventoryDialog</name>
    <message>
      <source>Maximum</source>
      <translation>Maximum</translation>
    </message>
    <message>
      <source>Minimum</source>
      <translation>Minimum</translation>
    </message>
    <message>
      <source>Product line</source>
      <translation>Product line</translation>
    </message>
    <message>
      <source>Stock limits</source>
      <translation>Stock limits</translation>
    </message>
  </context>
  <context>
    <name>KpiLabels</name>
    <message>
      <source>Channel use</source>
      <translation>Channel use</translation>
    </message>
    <message>
      <source>Market share</source>
      <translation>Market share</translation>
    </message>
    <message>
      <source>Rectification</source>
      <translation>Rectification</translation>
    </message>
    <message>
      <source>Revenue</source>
      <translation>Revenue</translation>
    </message>
    <message>
      <source>Satisfaction</source>
      <translation>Satisfaction</translation>
    </message>
    <message>
      <source>Visits</source>
      <translation>Visits</translation>
    </message>
  </context>
  <context>
    <name>LifecycleDialog</name>
    <message>
      <source>&amp;Event</source>
      <translation>&amp;Event</translation>
    </message>
    <message>
      <source>&amp;Reason</source>
      <translation>&amp;Reason</translation>
    </message>
    <message>
      <source>Approver</source>
      <translation>Approver</translation>
    </message>
    <message>
      <source>Approver note</source>
      <translation>Approver note</translation>
    </message>
    <message>
      <source>Code of the surviving partner</source>
      <translation>Code of the surviving partner</translation>
    </message>
    <message>
      <source>Effective date</source>
      <translation>Effective date</translation>
    </message>
    <message>
      <source>History (never overwritten)</source>
      <translation>History (never overwritten)</translation>
    </message>
    <message>
      <source>Lifecycle</source>
      <translation>Lifecycle</translation>
    </message>
    <message>
      <source>Lifecycle of {name}</source>
      <translation>Lifecycle of {name}</translation>
    </message>
    <message>
      <source>Loading the partner…</source>
      <translation>Loading the partner…</translation>
    </message>
    <message>
      <source>Merge into</source>
      <translation>Merge into</translation>
    </message>
    <message>
      <source>Merge into another partner</source>
      <translation>Merge into another partner</translation>
    </message>
    <message>
      <source>New manager</source>
      <translation>New manager</translation>
    </message>
    <message>
      <source>New region</source>
      <translation>New region</translation>
    </message>
    <message>
      <source>Open</source>
      <translation>Open</translation>
    </message>
    <message>
      <source>Resume</source>
      <translation>Resume</translation>
    </message>
    <message>
      <source>Suspend</source>
      <translation>Suspend</translation>
    </message>
    <message>
      <source>Terminate</source>
      <translation>Terminate</translation>
    </message>
    <message>
      <source>Transfer to manager/territory</source>
      <translation>Transfer to manager/territory</translation>
    </message>
  </context>
  <context>
    <name>LifecycleEvents</name>
    <message>
      <source>Merge</source>
      <translation>Merge</translation>
    </message>
    <message>
      <source>Open</source>
      <translation>Open</translation>
    </message>
    <message>
      <source>Resume</source>
      <translation>Resume</translation>
    </message>
    <message>
      <source>Suspend</source>
      <translation>Suspend</translation>
    </message>
    <message>
      <source>Terminate</source>
      <translation>Terminate</translation>
    </message>
    <message>
      <source>Transfer</source>
      <translation>Transfer</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message numerus="yes">
      <source>%n change(s) pending</source>
      <translation>
        <numerusform>%n change pending</numerusform>
        <numerusform>%n changes pending</numerusform>
      </translation>
    </message>
    <message>
      <source>&amp;About ChannelDesk</source>
      <translation>&amp;About ChannelDesk</translation>
    </message>
    <message>
      <source>&amp;Back up now…</source>
      <translation>&amp;Back up now…</translation>
    </message>
    <message>
      <source>&amp;Edit</source>
      <translation>&amp;Edit</translation>
    </message>
    <message>
      <source>&amp;File</source>
      <translation>&amp;File</translation>
    </message>
    <message>
      <source>&amp;Help</source>
      <translation>&amp;Help</translation>
    </message>
    <message>
      <source>&amp;Keyboard shortcuts</source>
      <translation>&amp;Keyboard shortcuts</translation>
    </message>
    <message>
      <source>&amp;Larger text</source>
      <translation>&amp;Larger text</translation>
    </message>
    <message>
      <source>&amp;Normal text size</source>
      <translation>&amp;Normal text size</translation>
    </message>
    <message>
      <source>&amp;Quit</source>
      <translation>&amp;Quit</translation>
    </message>
    <message>
      <source>&amp;Restore from backup…</source>
      <translation>&amp;Restore from backup…</translation>
    </message>
    <message>
      <source>&amp;Settings…</source>
      <translation>&amp;Settings…</translation>
    </message>
    <message>
      <source>&amp;Smaller text</source>
      <translation>&amp;Smaller text</translation>
    </message>
    <message>
      <source>&amp;Sync</source>
      <translation>&amp;Sync</translation>
    </message>
    <message>
      <source>&amp;Tools</source>
      <translation>&amp;Tools</translation>
    </message>
    <message>
      <source>&amp;View</source>
      <translation>&amp;View</translation>
    </message>
    <message>
      <source>About ChannelDesk</source>
      <translation>About ChannelDesk</translation>
    </message>
    <message>
      <source>Action</source>
      <translation>Action</translation>
    </message>
    <message>
      <source>Back up</source>
      <translation>Back up</translation>
    </message>
    <message>
      <source>Backing up…</source>
      <translation>Backing up…</translation>
    </message>
    <message>
      <source>Backup written: {path}</source>
      <translation>Backup written: {path}</translation>
    </message>
    <message>
      <source>Backups (*.cdbackup)</source>
      <translation>Backups (*.cdbackup)</translation>
    </message>
    <message>
      <source>ChannelDesk (渠道巡检台) {version}
Offline-first desk for field channel managers.</source>
      <translation>ChannelDesk (渠道巡检台) {version}
Offline-first desk for field channel managers.</translation>
    </message>
    <message>
      <source>ChannelDesk — Channel inspection desk</source>
      <translation>ChannelDesk — Channel inspection desk</translation>
    </message>
    <message>
      <source>Checking the backup…</source>
      <translation>Checking the backup…</translation>
    </message>
    <message>
      <source>Creating demo data…</source>
      <translation>Creating demo data…</translation>
    </message>
    <message>
      <source>Every action is in a menu (Alt + the underlined letter opens it). Tab moves between fields; Enter opens the selected row.</source>
      <translation>Every action is in a menu (Alt + the underlined letter opens it). Tab moves between fields; Enter opens the selected row.</translation>
    </message>
    <message>
      <source>Keyboard shortcuts</source>
      <translation>Keyboard shortcuts</translation>
    </message>
    <message>
      <source>Keys</source>
      <translation>Keys</translation>
    </message>
    <message>
      <source>Last synced: {last} · {pending}</source>
      <translation>Last synced: {last} · {pending}</translation>
    </message>
    <message>
      <source>Menu</source>
      <translation>Menu</translation>
    </message>
    <message>
      <source>Restore from backup</source>
      <translation>Restore from backup</translation>
    </message>
    <message>
      <source>Sections</source>
      <translation>Sections</translation>
    </message>
    <message>
      <source>Text size {percent}%</source>
      <translation>Text size {percent}%</translation>
    </message>
    <message>
      <source>The backup {file} (made {created}, {count} files) is intact.

Restore it? The current data is not deleted: it is kept as a dated copy beside the data folder {folder}.</source>
      <translation>The backup {file} (made {created}, {count} files) is intact.

Restore it? The current data is not deleted: it is kept as a dated copy beside the data folder {folder}.</translation>
    </message>
    <message>
      <source>User: {user}  Territory: {territory}</source>
      <translation>User: {user}  Territory: {territory}</translation>
    </message>
    <message>
      <source>all regions</source>
      <translation>all regions</translation>
    </message>
    <message>
      <source>never</source>
      <translation>never</translation>
    </message>
  </context>
  <context>
    <name>MaterialCountModel</name>
    <message>
      <source>Book</source>
      <translation>Book</translation>
    </message>
    <message>
      <source>Counted</source>
      <translation>Counted</translation>
    </message>
    <message>
      <source>Counted {counted}, book {book}: recorded as a finding.</source>
      <translation>Counted {counted}, book {book}: recorded as a finding.</translation>
    </message>
    <message>
      <source>Difference</source>
      <translation>Difference</translation>
    </message>
    <message>
      <source>Item</source>
      <translation>Item</translation>
    </message>
    <message>
      <source>Type the quantity found in the store and press Enter. Enter without a number leaves the item uncounted.</source>
      <translation>Type the quantity found in the store and press Enter. Enter without a number leaves the item uncounted.</translation>
    </message>
  </context>
  <context>
    <name>MaterialEntryDialog</name>
    <message>
      <source>&amp;Date</source>
      <translation>&amp;Date</translation>
    </message>
    <message>
      <source>&amp;Item</source>
      <translation>&amp;Item</translation>
    </message>
    <message>
      <source>&amp;Kind</source>
      <translation>&amp;Kind</translation>
    </message>
    <message>
      <source>&amp;Note</source>
      <translation>&amp;Note</translation>
    </message>
    <message>
      <source>&amp;Quantity</source>
      <translation>&amp;Quantity</translation>
    </message>
    <message>
      <source>&amp;Reason</source>
      <translation>&amp;Reason</translation>
    </message>
    <message>
      <source>Add ledger entry</source>
      <translation>Add ledger entry</translation>
    </message>
    <message>
      <source>Correct ledger entry</source>
      <translation>Correct ledger entry</translation>
    </message>
    <message>
      <source>Recorded: {entry}</source>
      <translation>Recorded: {entry}</translation>
    </message>
    <message>
      <source>Why the entry was wrong (required)</source>
      <translation>Why the entry was wrong (required)</translation>
    </message>
    <message>
      <source>e.g. poster, table card, shop-sign light box</source>
      <translation>e.g. poster, table card, shop-sign light box</translation>
    </message>
  </context>
  <context>
    <name>MaterialLedger</name>
    <message>
      <source>Installed</source>
      <translation>Installed</translation>
    </message>
    <message>
      <source>Issued</source>
      <translation>Issued</translation>
    </message>
    <message>
      <source>Returned</source>
      <translation>Returned</translation>
    </message>
  </context>
  <context>
    <name>MaterialLedgerDialog</name>
    <message>
      <source>&amp;Add entry…</source>
      <translation>&amp;Add entry…</translation>
    </message>
    <message>
      <source>&amp;Correct…</source>
      <translation>&amp;Correct…</translation>
    </message>
    <message>
      <source>&amp;Void…</source>
      <translation>&amp;Void…</translation>
    </message>
    <message>
      <source>Correct the selected entry: it is voided with your reason and the corrected entry recorded</source>
      <translation>Correct the selected entry: it is voided with your reason and the corrected entry recorded</translation>
    </message>
    <message>
      <source>Corrected: {reason}</source>
      <translation>Corrected: {reason}</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>Date</translation>
    </message>
    <message>
      <source>Item</source>
      <translation>Item</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>Kind</translation>
    </message>
    <message>
      <source>Ledger entries</source>
      <translation>Ledger entries</translation>
    </message>
    <message>
      <source>Loading the ledger…</source>
      <translation>Loading the ledger…</translation>
    </message>
    <message>
      <source>Not counted in the book. {status}</source>
      <translation>Not counted in the book. {status}</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>Note</translation>
    </message>
    <message>
      <source>Nothing has been issued to this partner yet.</source>
      <translation>Nothing has been issued to this partner yet.</translation>
    </message>
    <message>
      <source>On the book: {items}</source>
      <translation>On the book: {items}</translation>
    </message>
    <message>
      <source>Promotion materials</source>
      <translation>Promotion materials</translation>
    </message>
    <message>
      <source>Promotion materials of {name}</source>
      <translation>Promotion materials of {name}</translation>
    </message>
    <message>
      <source>Quantity</source>
      <translation>Quantity</translation>
    </message>
    <message>
      <source>Show v&amp;oided entries</source>
      <translation>Show v&amp;oided entries</translation>
    </message>
    <message>
      <source>Void the selected entry (kept in the history with your reason)</source>
      <translation>Void the selected entry (kept in the history with your reason)</translation>
    </message>
    <message>
      <source>Voided: {reason}</source>
      <translation>Voided: {reason}</translation>
    </message>
  </context>
  <context>
    <name>Materials</name>
    <message>
      <source>Installed</source>
      <translation>Installed</translation>
    </message>
    <message>
      <source>Issued</source>
      <translation>Issued</translation>
    </message>
    <message>
      <source>Returned</source>
      <translation>Returned</translation>
    </message>
  </context>
  <context>
    <name>MaterialsPanel</name>
    <message>
      <source>&amp;Other item…</source>
      <translation>&amp;Other item…</translation>
    </message>
    <message>
      <source>Count an item found in the store that is not on the partner's ledger</source>
      <translation>Count an item found in the store that is not on the partner's ledger</translation>
    </message>
    <message>
      <source>No promotion materials on this partner's ledger. Record issued items in the partner file (Partners → Materials…).</source>
      <translation>No promotion materials on this partner's ledger. Record issued items in the partner file (Partners → Materials…).</translation>
    </message>
    <message>
      <source>Promotion materials: book and counted quantities</source>
      <translation>Promotion materials: book and counted quantities</translation>
    </message>
  </context>
  <context>
    <name>MessageBar</name>
    <message>
      <source>Close message</source>
      <translation>Close message</translation>
    </message>
  </context>
  <context>
    <name>Metrics</name>
    <message>
      <source>Collections</source>
      <translation>Collections</translation>
    </message>
    <message>
      <source>Development volume</source>
      <translation>Development volume</translation>
    </message>
    <message>
      <source>Market share</source>
      <translation>Market share</translation>
    </message>
    <message>
      <source>New outlets</source>
      <translation>New outlets</translation>
    </message>
    <message>
      <source>Revenue</source>
      <translation>Revenue</translation>
    </message>
    <message>
      <source>Sales volume</source>
      <translation>Sales volume</translation>
    </message>
  </context>
  <context>
    <name>NewComplaintDialog</name>
    <message>
      <source>Complaint</source>
      <translation>Complaint</translation>
    </message>
    <message>
      <source>New complaint</source>
      <translation>New complaint</translation>
    </message>
    <message>
      <source>Partner</source>
      <translation>Partner</translation>
    </message>
    <message>
      <source>Partner code</source>
      <translation>Partner code</translation>
    </message>
  </context>
  <context>
    <name>NewVisitDialog</name>
    <message>
      <source>&amp;Partner</source>
      <translation>&amp;Partner</translation>
    </message>
    <message>
      <source>&amp;Re-inspection of the open rectification orders</source>
      <translation>&amp;Re-inspection of the open rectification orders</translation>
    </message>
    <message>
      <source>Loading the partners…</source>
      <translation>Loading the partners…</translation>
    </message>
    <message>
      <source>New visit</source>
      <translation>New visit</translation>
    </message>
    <message>
      <source>No single partner matches “{text}”. Choose one from the list.</source>
      <translation>No single partner matches “{text}”. Choose one from the list.</translation>
    </message>
    <message>
      <source>Type part of the code or name…</source>
      <translation>Type part of the code or name…</translation>
    </message>
  </context>
  <context>
    <name>ObservationDialog</name>
    <message>
      <source>&amp;Brand</source>
      <translation>&amp;Brand</translation>
    </message>
    <message>
      <source>&amp;Description</source>
      <translation>&amp;Description</translation>
    </message>
    <message>
      <source>Category</source>
      <translation>Category</translation>
    </message>
    <message>
      <source>Channel</source>
      <translation>Channel</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>Date</translation>
    </message>
    <message>
      <source>Handling</source>
      <translation>Handling</translation>
    </message>
    <message>
      <source>Outlet</source>
      <translation>Outlet</translation>
    </message>
    <message>
      <source>Prices</source>
      <translation>Prices</translation>
    </message>
    <message>
      <source>Promotions</source>
      <translation>Promotions</translation>
    </message>
    <message>
      <source>Record a competitor outlet</source>
      <translation>Record a competitor outlet</translation>
    </message>
    <message>
      <source>Record a complaint</source>
      <translation>Record a complaint</translation>
    </message>
  </context>
  <context>
    <name>Observations</name>
    <message>
      <source>Competitor outlet</source>
      <translation>Competitor outlet</translation>
    </message>
    <message>
      <source>Complaint</source>
      <translation>Complaint</translation>
    </message>
  </context>
  <context>
    <name>OpRunner</name>
    <message>
      <source>Cancel</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <source>This data directory has no device identity yet. Close ChannelDesk and open it again: it sets one up as it opens.</source>
      <translation>This data directory has no device identity yet. Close ChannelDesk and open it again: it sets one up as it opens.</translation>
    </message>
  </context>
  <context>
    <name>OtherItemDialog</name>
    <message>
      <source>&amp;Counted</source>
      <translation>&amp;Counted</translation>
    </message>
    <message>
      <source>&amp;Item</source>
      <translation>&amp;Item</translation>
    </message>
    <message>
      <source>Count an item not on the ledger</source>
      <translation>Count an item not on the ledger</translation>
    </message>
  </context>
  <context>
    <name>OverviewSection</name>
    <message>
      <source>A week counts the channels visited against the weekly rule.</source>
      <translation>A week counts the channels visited against the weekly rule.</translation>
    </message>
    <message>
      <source>Average score</source>
      <translation>Average score</translation>
    </message>
    <message>
      <source>Average score of the submitted visits, month by month (▲ / ▼ against the month before).</source>
      <translation>Average score of the submitted visits, month by month (▲ / ▼ against the month before).</translation>
    </message>
    <message>
      <source>Average score of the submitted visits, week by week (▲ / ▼ against the week before).</source>
      <translation>Average score of the submitted visits, week by week (▲ / ▼ against the week before).</translation>
    </message>
    <message>
      <source>Channels</source>
      <translation>Channels</translation>
    </message>
    <message>
      <source>Done / required</source>
      <translation>Done / required</translation>
    </message>
    <message>
      <source>Double-click a manager to see the visits behind the figures.</source>
      <translation>Double-click a manager to see the visits behind the figures.</translation>
    </message>
    <message>
      <source>Evidence warnings</source>
      <translation>Evidence warnings</translation>
    </message>
    <message>
      <source>Last sync</source>
      <translation>Last sync</translation>
    </message>
    <message>
      <source>Manager</source>
      <translation>Manager</translation>
    </message>
    <message>
      <source>Managers</source>
      <translation>Managers</translation>
    </message>
    <message>
      <source>Month</source>
      <translation>Month</translation>
    </message>
    <message>
      <source>No devices are registered yet: register the laptops under Devices.</source>
      <translation>No devices are registered yet: register the laptops under Devices.</translation>
    </message>
    <message>
      <source>No manager has sent a bundle yet. Register the laptops (Devices), then ingest their bundles (Inbox).</source>
      <translation>No manager has sent a bundle yet. Register the laptops (Devices), then ingest their bundles (Inbox).</translation>
    </message>
    <message>
      <source>No region has visits in this period.</source>
      <translation>No region has visits in this period.</translation>
    </message>
    <message>
      <source>No scores in these periods.</source>
      <translation>No scores in these periods.</translation>
    </message>
    <message>
      <source>No visits were submitted in this period.</source>
      <translation>No visits were submitted in this period.</translation>
    </message>
    <message>
      <source>Open rectifications</source>
      <translation>Open rectifications</translation>
    </message>
    <message>
      <source>Overdue</source>
      <translation>Overdue</translation>
    </message>
    <message>
      <source>Overview</source>
      <translation>Overview</translation>
    </message>
    <message>
      <source>PDF files (*.pdf)</source>
      <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
      <source>Per manager</source>
      <translation>Per manager</translation>
    </message>
    <message>
      <source>Per region</source>
      <translation>Per region</translation>
    </message>
    <message>
      <source>Period</source>
      <translation>Period</translation>
    </message>
    <message>
      <source>Print ranking…</source>
      <translation>Print ranking…</translation>
    </message>
    <message>
      <source>Ranking saved to {path}</source>
      <translation>Ranking saved to {path}</translation>
    </message>
    <message>
      <source>Save the ranking</source>
      <translation>Save the ranking</translation>
    </message>
    <message>
      <source>Score trend</source>
      <translation>Score trend</translation>
    </message>
    <message>
      <source>Territory</source>
      <translation>Territory</translation>
    </message>
    <message>
      <source>Visits</source>
      <translation>Visits</translation>
    </message>
    <message>
      <source>Visits count against the visit-frequency rules of each grade.</source>
      <translation>Visits count against the visit-frequency rules of each grade.</translation>
    </message>
    <message>
      <source>Week</source>
      <translation>Week</translation>
    </message>
    <message>
      <source>Weeks meeting the weekly rule</source>
      <translation>Weeks meeting the weekly rule</translation>
    </message>
    <message>
      <source>Writing the ranking…</source>
      <translation>Writing the ranking…</translation>
    </message>
    <message>
      <source>never</source>
      <translation>never</translation>
    </message>
    <message>
      <source>{week} ({first} – {last})</source>
      <translation>{week} ({first} – {last})</translation>
    </message>
  </context>
  <context>
    <name>PartnerCard</name>
    <message>
      <source>: </source>
      <translation>: </translation>
    </message>
    <message>
      <source>Attachments</source>
      <translation>Attachments</translation>
    </message>
    <message>
      <source>Competitors nearby</source>
      <translation>Competitors nearby</translation>
    </message>
    <message>
      <source>Complaints</source>
      <translation>Complaints</translation>
    </message>
    <message>
      <source>Contacts</source>
      <translation>Contacts</translation>
    </message>
    <message>
      <source>Contracts</source>
      <translation>Contracts</translation>
    </message>
    <message>
      <source>Credit</source>
      <translation>Credit</translation>
    </message>
    <message>
      <source>Grade history</source>
      <translation>Grade history</translation>
    </message>
    <message>
      <source>Lifecycle</source>
      <translation>Lifecycle</translation>
    </message>
    <message>
      <source>Merged into</source>
      <translation>Merged into</translation>
    </message>
    <message>
      <source>Promotion materials (book)</source>
      <translation>Promotion materials (book)</translation>
    </message>
    <message>
      <source>Select a partner to see its file.</source>
      <translation>Select a partner to see its file.</translation>
    </message>
    <message>
      <source>Staff training</source>
      <translation>Staff training</translation>
    </message>
    <message>
      <source>Stock limits</source>
      <translation>Stock limits</translation>
    </message>
    <message>
      <source>Warnings</source>
      <translation>Warnings</translation>
    </message>
    <message>
      <source>held</source>
      <translation>held</translation>
    </message>
    <message>
      <source>limit</source>
      <translation>limit</translation>
    </message>
    <message>
      <source>over credit limit</source>
      <translation>over credit limit</translation>
    </message>
    <message>
      <source>planned</source>
      <translation>planned</translation>
    </message>
    <message>
      <source>receivable</source>
      <translation>receivable</translation>
    </message>
  </context>
  <context>
    <name>PartnerDialog</name>
    <message>
      <source>&amp;Address</source>
      <translation>&amp;Address</translation>
    </message>
    <message>
      <source>&amp;Code</source>
      <translation>&amp;Code</translation>
    </message>
    <message>
      <source>&amp;Grade</source>
      <translation>&amp;Grade</translation>
    </message>
    <message>
      <source>&amp;Name</source>
      <translation>&amp;Name</translation>
    </message>
    <message>
      <source>&amp;Region</source>
      <translation>&amp;Region</translation>
    </message>
    <message>
      <source>&amp;Status</source>
      <translation>&amp;Status</translation>
    </message>
    <message>
      <source>&amp;Type</source>
      <translation>&amp;Type</translation>
    </message>
    <message>
      <source>Credit limit (yuan)</source>
      <translation>Credit limit (yuan)</translation>
    </message>
    <message>
      <source>Credit rating</source>
      <translation>Credit rating</translation>
    </message>
    <message>
      <source>Discard changes?</source>
      <translation>Discard changes?</translation>
    </message>
    <message>
      <source>Edit partner</source>
      <translation>Edit partner</translation>
    </message>
    <message>
      <source>Grade reason</source>
      <translation>Grade reason</translation>
    </message>
    <message>
      <source>HQ sets this partner's grade and credit limit.</source>
      <translation>HQ sets this partner's grade and credit limit.</translation>
    </message>
    <message>
      <source>Latitude</source>
      <translation>Latitude</translation>
    </message>
    <message>
      <source>Licence no.</source>
      <translation>Licence no.</translation>
    </message>
    <message>
      <source>Loading the partner…</source>
      <translation>Loading the partner…</translation>
    </message>
    <message>
      <source>Longitude</source>
      <translation>Longitude</translation>
    </message>
    <message>
      <source>Manager</source>
      <translation>Manager</translation>
    </message>
    <message>
      <source>New partner</source>
      <translation>New partner</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>Notes</translation>
    </message>
    <message>
      <source>Separate tags with ;</source>
      <translation>Separate tags with ;</translation>
    </message>
    <message>
      <source>Tags</source>
      <translation>Tags</translation>
    </message>
    <message>
      <source>The code is fixed once the partner exists; a code change is made at HQ.</source>
      <translation>The code is fixed once the partner exists; a code change is made at HQ.</translation>
    </message>
    <message>
      <source>The credit limit is not an amount.</source>
      <translation>The credit limit is not an amount.</translation>
    </message>
    <message>
      <source>The status changes only through Lifecycle (开停并转).</source>
      <translation>The status changes only through Lifecycle (开停并转).</translation>
    </message>
    <message>
      <source>Unsaved input from your last session was restored.</source>
      <translation>Unsaved input from your last session was restored.</translation>
    </message>
    <message>
      <source>Why the grade changes (kept in the grade history)</source>
      <translation>Why the grade changes (kept in the grade history)</translation>
    </message>
    <message>
      <source>You have unsaved changes. Discard them?</source>
      <translation>You have unsaved changes. Discard them?</translation>
    </message>
  </context>
  <context>
    <name>PartnerFields</name>
    <message>
      <source>Address</source>
      <translation>Address</translation>
    </message>
    <message>
      <source>Bank details</source>
      <translation>Bank details</translation>
    </message>
    <message>
      <source>City</source>
      <translation>City</translation>
    </message>
    <message>
      <source>Code</source>
      <translation>Code</translation>
    </message>
    <message>
      <source>Credit limit</source>
      <translation>Credit limit</translation>
    </message>
    <message>
      <source>Credit rating</source>
      <translation>Credit rating</translation>
    </message>
    <message>
      <source>District</source>
      <translation>District</translation>
    </message>
    <message>
      <source>Grade</source>
      <translation>Grade</translation>
    </message>
    <message>
      <source>Latitude</source>
      <translation>Latitude</translation>
    </message>
    <message>
      <source>Licence no.</source>
      <translation>Licence no.</translation>
    </message>
    <message>
      <source>Longitude</source>
      <translation>Longitude</translation>
    </message>
    <message>
      <source>Manager</source>
      <translation>Manager</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>Name</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>Notes</translation>
    </message>
    <message>
      <source>Province</source>
      <translation>Province</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Status</translation>
    </message>
    <message>
      <source>Tags</source>
      <translation>Tags</translation>
    </message>
    <message>
      <source>Type</source>
      <translation>Type</translation>
    </message>
  </context>
  <context>
    <name>PartnerLabels</name>
    <message>
      <source>Active</source>
      <translation>Active</translation>
    </message>
    <message>
      <source>Agent</source>
      <translation>Agent</translation>
    </message>
    <message>
      <source>Dealer</source>
      <translation>Dealer</translation>
    </message>
    <message>
      <source>Franchise store</source>
      <translation>Franchise store</translation>
    </message>
    <message>
      <source>Merged</source>
      <translation>Merged</translation>
    </message>
    <message>
      <source>Own store</source>
      <translation>Own store</translation>
    </message>
    <message>
      <source>Prospect</source>
      <translation>Prospect</translation>
    </message>
    <message>
      <source>Special channel</source>
      <translation>Special channel</translation>
    </message>
    <message>
      <source>Suspended</source>
      <translation>Suspended</translation>
    </message>
    <message>
      <source>Terminated</source>
      <translation>Terminated</translation>
    </message>
  </context>
  <context>
    <name>PartnerSheet</name>
    <message>
      <source>Address</source>
      <translation>Address</translation>
    </message>
    <message>
      <source>Channel manager</source>
      <translation>Channel manager</translation>
    </message>
    <message>
      <source>Code</source>
      <translation>Code</translation>
    </message>
    <message>
      <source>Contact</source>
      <translation>Contact</translation>
    </message>
    <message>
      <source>Contact phone</source>
      <translation>Contact phone</translation>
    </message>
    <message>
      <source>Credit limit</source>
      <translation>Credit limit</translation>
    </message>
    <message>
      <source>Credit rating</source>
      <translation>Credit rating</translation>
    </message>
    <message>
      <source>Grade</source>
      <translation>Grade</translation>
    </message>
    <message>
      <source>Latitude</source>
      <translation>Latitude</translation>
    </message>
    <message>
      <source>Licence number</source>
      <translation>Licence number</translation>
    </message>
    <message>
      <source>Longitude</source>
      <translation>Longitude</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>Name</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>Notes</translation>
    </message>
    <message>
      <source>Region code</source>
      <translation>Region code</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Status</translation>
    </message>
    <message>
      <source>Tags</source>
      <translation>Tags</translation>
    </message>
    <message>
      <source>Type</source>
      <translation>Type</translation>
    </message>
  </context>
  <context>
    <name>PartnerTableModel</name>
    <message>
      <source>Code</source>
      <translation>Code</translation>
    </message>
    <message>
      <source>Contact</source>
      <translation>Contact</translation>
    </message>
    <message>
      <source>Grade</source>
      <translation>Grade</translation>
    </message>
    <message>
      <source>Manager</source>
      <translation>Manager</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>Name</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>Phone</translation>
    </message>
    <message>
      <source>Region</source>
      <translation>Region</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Status</translation>
    </message>
    <message>
      <source>Type</source>
      <translation>Type</translation>
    </message>
  </context>
  <context>
    <name>PartnersSection</name>
    <message numerus="yes">
      <source>%n partner(s)</source>
      <translation>
        <numerusform>%n partner</numerusform>
        <numerusform>%n partners</numerusform>
      </translation>
    </message>
    <message>
      <source>&amp;Attach file…</source>
      <translation>&amp;Attach file…</translation>
    </message>
    <message>
      <source>&amp;Export partners…</source>
      <translation>&amp;Export partners…</translation>
    </message>
    <message>
      <source>&amp;Find partner</source>
      <translation>&amp;Find partner</translation>
    </message>
    <message>
      <source>&amp;Import partners…</source>
      <translation>&amp;Import partners…</translation>
    </message>
    <message>
      <source>&amp;Import…</source>
      <translation>&amp;Import…</translation>
    </message>
    <message>
      <source>&amp;Lifecycle…</source>
      <translation>&amp;Lifecycle…</translation>
    </message>
    <message>
      <source>&amp;Materials…</source>
      <translation>&amp;Materials…</translation>
    </message>
    <message>
      <source>&amp;New partner</source>
      <translation>&amp;New partner</translation>
    </message>
    <message>
      <source>&amp;New partner…</source>
      <translation>&amp;New partner…</translation>
    </message>
    <message>
      <source>Add &amp;contact</source>
      <translation>Add &amp;contact</translation>
    </message>
    <message>
      <source>Add cont&amp;ract…</source>
      <translation>Add cont&amp;ract…</translation>
    </message>
    <message>
      <source>All grades</source>
      <translation>All grades</translation>
    </message>
    <message>
      <source>All regions</source>
      <translation>All regions</translation>
    </message>
    <message>
      <source>All statuses</source>
      <translation>All statuses</translation>
    </message>
    <message>
      <source>All types</source>
      <translation>All types</translation>
    </message>
    <message>
      <source>Amount in yuan, e.g. 50000</source>
      <translation>Amount in yuan, e.g. 50000</translation>
    </message>
    <message>
      <source>Attach a file (licence scan, signed contract…)</source>
      <translation>Attach a file (licence scan, signed contract…)</translation>
    </message>
    <message>
      <source>C&amp;ompetitor…</source>
      <translation>C&amp;ompetitor…</translation>
    </message>
    <message>
      <source>Code</source>
      <translation>Code</translation>
    </message>
    <message>
      <source>Code or name</source>
      <translation>Code or name</translation>
    </message>
    <message>
      <source>Com&amp;plaint…</source>
      <translation>Com&amp;plaint…</translation>
    </message>
    <message>
      <source>Credit limit</source>
      <translation>Credit limit</translation>
    </message>
    <message>
      <source>Credit limit (yuan)</source>
      <translation>Credit limit (yuan)</translation>
    </message>
    <message>
      <source>E&amp;dit</source>
      <translation>E&amp;dit</translation>
    </message>
    <message>
      <source>E&amp;xport…</source>
      <translation>E&amp;xport…</translation>
    </message>
    <message>
      <source>Export partners</source>
      <translation>Export partners</translation>
    </message>
    <message>
      <source>Exporting partners…</source>
      <translation>Exporting partners…</translation>
    </message>
    <message>
      <source>Fields HQ owns</source>
      <translation>Fields HQ owns</translation>
    </message>
    <message>
      <source>Fields HQ owns (select a partner)</source>
      <translation>Fields HQ owns (select a partner)</translation>
    </message>
    <message>
      <source>Fields HQ owns: {code} {name}</source>
      <translation>Fields HQ owns: {code} {name}</translation>
    </message>
    <message>
      <source>Grade</source>
      <translation>Grade</translation>
    </message>
    <message>
      <source>Grade requests waiting</source>
      <translation>Grade requests waiting</translation>
    </message>
    <message>
      <source>Grade {grade}</source>
      <translation>Grade {grade}</translation>
    </message>
    <message>
      <source>HQ holds no partners yet: they arrive with the laptops' bundles.</source>
      <translation>HQ holds no partners yet: they arrive with the laptops' bundles.</translation>
    </message>
    <message>
      <source>Import partners</source>
      <translation>Import partners</translation>
    </message>
    <message>
      <source>Imported {rows} rows: {created} new, {updated} updated, {skipped} skipped.</source>
      <translation>Imported {rows} rows: {created} new, {updated} updated, {skipped} skipped.</translation>
    </message>
    <message>
      <source>Importing partners…</source>
      <translation>Importing partners…</translation>
    </message>
    <message>
      <source>Loading the partners…</source>
      <translation>Loading the partners…</translation>
    </message>
    <message>
      <source>Manager</source>
      <translation>Manager</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>Name</translation>
    </message>
    <message>
      <source>No partner matches the filter. Laptops' bundles bring them (Inbox).</source>
      <translation>No partner matches the filter. Laptops' bundles bring them (Inbox).</translation>
    </message>
    <message>
      <source>No partner matches the search and filters.</source>
      <translation>No partner matches the search and filters.</translation>
    </message>
    <message>
      <source>No partner matches the search and filters.
Clear them to see every partner.</source>
      <translation>No partner matches the search and filters.
Clear them to see every partner.</translation>
    </message>
    <message>
      <source>No partners yet.
Add one with “New partner” or import a spreadsheet.</source>
      <translation>No partners yet.
Add one with “New partner” or import a spreadsheet.</translation>
    </message>
    <message>
      <source>Partner actions</source>
      <translation>Partner actions</translation>
    </message>
    <message>
      <source>Partner {code} saved; laptops receive it with their next HQ bundle.</source>
      <translation>Partner {code} saved; laptops receive it with their next HQ bundle.</translation>
    </message>
    <message>
      <source>Partners</source>
      <translation>Partners</translation>
    </message>
    <message>
      <source>Promotion-material ledger: issued, installed and returned items</source>
      <translation>Promotion-material ledger: issued, installed and returned items</translation>
    </message>
    <message>
      <source>Region</source>
      <translation>Region</translation>
    </message>
    <message>
      <source>Save</source>
      <translation>Save</translation>
    </message>
    <message>
      <source>Saved at HQ; the laptops of the partner's territory receive it with their next HQ bundle, and their own edits of these fields give way to HQ's.</source>
      <translation>Saved at HQ; the laptops of the partner's territory receive it with their next HQ bundle, and their own edits of these fields give way to HQ's.</translation>
    </message>
    <message>
      <source>Search name, code, address, contact or phone…</source>
      <translation>Search name, code, address, contact or phone…</translation>
    </message>
    <message>
      <source>Search partners</source>
      <translation>Search partners</translation>
    </message>
    <message>
      <source>Spreadsheets (*.csv *.xlsx)</source>
      <translation>Spreadsheets (*.csv *.xlsx)</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Status</translation>
    </message>
    <message>
      <source>Stoc&amp;k limits…</source>
      <translation>Stoc&amp;k limits…</translation>
    </message>
    <message>
      <source>The credit limit is not an amount: {value}</source>
      <translation>The credit limit is not an amount: {value}</translation>
    </message>
    <message>
      <source>{count} partners exported.</source>
      <translation>{count} partners exported.</translation>
    </message>
    <message>
      <source>{shown} of {total} partners</source>
      <translation>{shown} of {total} partners</translation>
    </message>
  </context>
  <context>
    <name>PdfPreviewDialog</name>
    <message numerus="yes">
      <source>%n match(es)</source>
      <translation>
        <numerusform>%n match</numerusform>
        <numerusform>%n matches</numerusform>
      </translation>
    </message>
    <message>
      <source>&amp;Print…</source>
      <translation>&amp;Print…</translation>
    </message>
    <message>
      <source>&amp;Save as PDF…</source>
      <translation>&amp;Save as PDF…</translation>
    </message>
    <message>
      <source>Cannot save {path}: {error}</source>
      <translation>Cannot save {path}: {error}</translation>
    </message>
    <message>
      <source>Find in the report…</source>
      <translation>Find in the report…</translation>
    </message>
    <message>
      <source>Fit &amp;width</source>
      <translation>Fit &amp;width</translation>
    </message>
    <message>
      <source>Next match (F3)</source>
      <translation>Next match (F3)</translation>
    </message>
    <message>
      <source>PDF files (*.pdf)</source>
      <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
      <source>Page</source>
      <translation>Page</translation>
    </message>
    <message>
      <source>Previous match (Shift+F3)</source>
      <translation>Previous match (Shift+F3)</translation>
    </message>
    <message>
      <source>Printing…</source>
      <translation>Printing…</translation>
    </message>
    <message>
      <source>Save as PDF</source>
      <translation>Save as PDF</translation>
    </message>
    <message>
      <source>Whole p&amp;age</source>
      <translation>Whole p&amp;age</translation>
    </message>
    <message>
      <source>Zoom in (Ctrl++)</source>
      <translation>Zoom in (Ctrl++)</translation>
    </message>
    <message>
      <source>Zoom out (Ctrl+-)</source>
      <translation>Zoom out (Ctrl+-)</translation>
    </message>
    <message>
      <source>not found</source>
      <translation>not found</translation>
    </message>
    <message>
      <source>of {count}</source>
      <translation>of {count}</translation>
    </message>
    <message>
      <source>{index} of {count}</source>
      <translation>{index} of {count}</translation>
    </message>
  </context>
  <context>
    <name>Periods</name>
    <message>
      <source>Day</source>
      <translation>Day</translation>
    </message>
    <message>
      <source>Month</source>
      <translation>Month</translation>
    </message>
    <message>
      <source>Quarter</source>
      <translation>Quarter</translation>
    </message>
    <message>
      <source>Week</source>
      <translation>Week</translation>
    </message>
    <message>
      <source>Year</source>
      <translation>Year</translation>
    </message>
  </context>
  <context>
    <name>PhotoDialog</name>
    <message>
      <source>Also used in other visits: {n}</source>
      <translation>Also used in other visits: {n}</translation>
    </message>
    <message>
      <source>Loading the photo…</source>
      <translation>Loading the photo…</translation>
    </message>
    <message>
      <source>Taken {when} · {w} × {h} · SHA-256 {sha}</source>
      <translation>Taken {when} · {w} × {h} · SHA-256 {sha}</translation>
    </message>
    <message>
      <source>The photo file is not at HQ.</source>
      <translation>The photo file is not at HQ.</translation>
    </message>
  </context>
  <context>
    <name>PhotoList</name>
    <message>
      <source>
also used in another visit</source>
      <translation>
also used in another visit</translation>
    </message>
    <message>
      <source>The original photo is missing (hash {hash}).</source>
      <translation>The original photo is missing (hash {hash}).</translation>
    </message>
    <message>
      <source>loading…</source>
      <translation>loading…</translation>
    </message>
    <message>
      <source>photo missing</source>
      <translation>photo missing</translation>
    </message>
  </context>
  <context>
    <name>PlanTrainingDialog</name>
    <message>
      <source>Date</source>
      <translation>Date</translation>
    </message>
    <message>
      <source>Materials</source>
      <translation>Materials</translation>
    </message>
    <message>
      <source>Partner code</source>
      <translation>Partner code</translation>
    </message>
    <message>
      <source>Plan a training</source>
      <translation>Plan a training</translation>
    </message>
    <message>
      <source>Topic</source>
      <translation>Topic</translation>
    </message>
    <message>
      <source>Trainer</source>
      <translation>Trainer</translation>
    </message>
  </context>
  <context>
    <name>PlannerSection</name>
    <message numerus="yes">
      <source>%n partner(s)</source>
      <translation>
        <numerusform>%n partner</numerusform>
        <numerusform>%n partners</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n visit(s)</source>
      <translation>
        <numerusform>%n visit</numerusform>
        <numerusform>%n visits</numerusform>
      </translation>
    </message>
    <message>
      <source>&amp;Mark rectification fixed</source>
      <translation>&amp;Mark rectification fixed</translation>
    </message>
    <message>
      <source>&amp;Plan visit for the selected partner</source>
      <translation>&amp;Plan visit for the selected partner</translation>
    </message>
    <message>
      <source>Agenda: the last 7 days and every planned visit (double-click opens it)</source>
      <translation>Agenda: the last 7 days and every planned visit (double-click opens it)</translation>
    </message>
    <message>
      <source>Channels you inspected per ISO week (≥ 3)</source>
      <translation>Channels you inspected per ISO week (≥ 3)</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>Date</translation>
    </message>
    <message>
      <source>Deadline</source>
      <translation>Deadline</translation>
    </message>
    <message>
      <source>Done</source>
      <translation>Done</translation>
    </message>
    <message>
      <source>Es&amp;calate rectification</source>
      <translation>Es&amp;calate rectification</translation>
    </message>
    <message>
      <source>Every partner has had this month's visits.</source>
      <translation>Every partner has had this month's visits.</translation>
    </message>
    <message>
      <source>Grade</source>
      <translation>Grade</translation>
    </message>
    <message>
      <source>Missed callback days: {days}.</source>
      <translation>Missed callback days: {days}.</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>Name</translation>
    </message>
    <message>
      <source>No inspection weeks in this month yet.</source>
      <translation>No inspection weeks in this month yet.</translation>
    </message>
    <message>
      <source>No open rectifications.</source>
      <translation>No open rectifications.</translation>
    </message>
    <message>
      <source>No visits in the last 7 days and none planned.</source>
      <translation>No visits in the last 7 days and none planned.</translation>
    </message>
    <message>
      <source>Open and overdue rectifications</source>
      <translation>Open and overdue rectifications</translation>
    </message>
    <message>
      <source>Partner</source>
      <translation>Partner</translation>
    </message>
    <message>
      <source>Planner</source>
      <translation>Planner</translation>
    </message>
    <message>
      <source>Re-&amp;inspect the order's partner</source>
      <translation>Re-&amp;inspect the order's partner</translation>
    </message>
    <message>
      <source>Receivable / credit limit</source>
      <translation>Receivable / credit limit</translation>
    </message>
    <message>
      <source>Receivable {owed} is over the credit limit {limit}.</source>
      <translation>Receivable {owed} is over the credit limit {limit}.</translation>
    </message>
    <message>
      <source>Rectification</source>
      <translation>Rectification</translation>
    </message>
    <message>
      <source>Required</source>
      <translation>Required</translation>
    </message>
    <message>
      <source>Select a partner in the shortfall list first.</source>
      <translation>Select a partner in the shortfall list first.</translation>
    </message>
    <message>
      <source>Select a rectification order first.</source>
      <translation>Select a rectification order first.</translation>
    </message>
    <message>
      <source>Shortfall</source>
      <translation>Shortfall</translation>
    </message>
    <message>
      <source>Start a re-inspection listing every open order of the selected order's partner</source>
      <translation>Start a re-inspection listing every open order of the selected order's partner</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Status</translation>
    </message>
    <message>
      <source>This month's shortfall by partner</source>
      <translation>This month's shortfall by partner</translation>
    </message>
    <message>
      <source>Today's callbacks: {answered} of {drawn} done — {state}.</source>
      <translation>Today's callbacks: {answered} of {drawn} done — {state}.</translation>
    </message>
    <message>
      <source>Visit date</source>
      <translation>Visit date</translation>
    </message>
    <message>
      <source>Week</source>
      <translation>Week</translation>
    </message>
    <message>
      <source>duty met</source>
      <translation>duty met</translation>
    </message>
    <message>
      <source>duty not met yet</source>
      <translation>duty not met yet</translation>
    </message>
    <message>
      <source>{month}: {behind} below the visit frequency, {missing} still needed.</source>
      <translation>{month}: {behind} below the visit frequency, {missing} still needed.</translation>
    </message>
    <message>
      <source>⚠ {owed} / {limit}</source>
      <translation>⚠ {owed} / {limit}</translation>
    </message>
  </context>
  <context>
    <name>PromotionDialog</name>
    <message>
      <source>From</source>
      <translation>From</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>Name</translation>
    </message>
    <message>
      <source>New promotion</source>
      <translation>New promotion</translation>
    </message>
    <message>
      <source>Partner codes, separated by commas</source>
      <translation>Partner codes, separated by commas</translation>
    </message>
    <message>
      <source>Partners</source>
      <translation>Partners</translation>
    </message>
    <message>
      <source>Posters, table cards … separated by commas</source>
      <translation>Posters, table cards … separated by commas</translation>
    </message>
    <message>
      <source>Required materials</source>
      <translation>Required materials</translation>
    </message>
    <message>
      <source>To</source>
      <translation>To</translation>
    </message>
  </context>
  <context>
    <name>PublishReport</name>
    <message numerus="yes">
      <source>%n bundle(s) written to {folder}.</source>
      <translation>
        <numerusform>%n bundle written to {folder}.</numerusform>
        <numerusform>%n bundles written to {folder}.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n development record(s)</source>
      <translation>
        <numerusform>%n development record</numerusform>
        <numerusform>%n development records</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n duty rule(s)</source>
      <translation>
        <numerusform>%n duty rule</numerusform>
        <numerusform>%n duty rules</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n grade decision(s)</source>
      <translation>
        <numerusform>%n grade decision</numerusform>
        <numerusform>%n grade decisions</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n invoice(s)</source>
      <translation>
        <numerusform>%n invoice</numerusform>
        <numerusform>%n invoices</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n partner(s)</source>
      <translation>
        <numerusform>%n partner</numerusform>
        <numerusform>%n partners</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n payment(s)</source>
      <translation>
        <numerusform>%n payment</numerusform>
        <numerusform>%n payments</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n target(s)</source>
      <translation>
        <numerusform>%n target</numerusform>
        <numerusform>%n targets</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n template version(s)</source>
      <translation>
        <numerusform>%n template version</numerusform>
        <numerusform>%n template versions</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n visit rule(s)</source>
      <translation>
        <numerusform>%n visit rule</numerusform>
        <numerusform>%n visit rules</numerusform>
      </translation>
    </message>
    <message>
      <source>, </source>
      <translation>, </translation>
    </message>
    <message>
      <source>File</source>
      <translation>File</translation>
    </message>
    <message>
      <source>Manager</source>
      <translation>Manager</translation>
    </message>
    <message>
      <source>Published</source>
      <translation>Published</translation>
    </message>
    <message>
      <source>Published to the laptops</source>
      <translation>Published to the laptops</translation>
    </message>
    <message>
      <source>Stopped: the devices after these got nothing this time.</source>
      <translation>Stopped: the devices after these got nothing this time.</translation>
    </message>
    <message>
      <source>Take each file to its laptop and import it there (Sync → Import HQ bundle).</source>
      <translation>Take each file to its laptop and import it there (Sync → Import HQ bundle).</translation>
    </message>
    <message>
      <source>Warning</source>
      <translation>Warning</translation>
    </message>
    <message>
      <source>nothing</source>
      <translation>nothing</translation>
    </message>
  </context>
  <context>
    <name>Publisher</name>
    <message numerus="yes">
      <source>%n device(s) failed; see why in the list.</source>
      <translation>
        <numerusform>%n device failed; see why in the list.</numerusform>
        <numerusform>%n devices failed; see why in the list.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n device(s) with a warning.</source>
      <translation>
        <numerusform>%n device with a warning.</numerusform>
        <numerusform>%n devices with a warning.</numerusform>
      </translation>
    </message>
    <message>
      <source>Folder for the HQ bundles</source>
      <translation>Folder for the HQ bundles</translation>
    </message>
    <message>
      <source>Publish to laptops…</source>
      <translation>Publish to laptops…</translation>
    </message>
    <message numerus="yes">
      <source>Published to %n laptop(s).</source>
      <translation>
        <numerusform>Published to %n laptop.</numerusform>
        <numerusform>Published to %n laptops.</numerusform>
      </translation>
    </message>
    <message>
      <source>Publishing to the laptops…</source>
      <translation>Publishing to the laptops…</translation>
    </message>
    <message>
      <source>Write each active laptop's HQ bundle (partners, targets, templates, rules, receivables, development records) into a folder you choose.</source>
      <translation>Write each active laptop's HQ bundle (partners, targets, templates, rules, receivables, development records) into a folder you choose.</translation>
    </message>
  </context>
  <context>
    <name>QAbstractFileIconProvider</name>
    <message>
      <source>%1 File</source>
      <translation>%1 File</translation>
    </message>
    <message>
      <source>Computer</source>
      <translation>Computer</translation>
    </message>
    <message>
      <source>Drive</source>
      <translation>Drive</translation>
    </message>
    <message>
      <source>File</source>
      <translation>File</translation>
    </message>
    <message>
      <source>Folder</source>
      <translation>Folder</translation>
    </message>
    <message>
      <source>Unknown</source>
      <translation>Unknown</translation>
    </message>
  </context>
  <context>
    <name>QFileDialog</name>
    <message>
      <source>&amp;Look in:</source>
      <translation>&amp;Look in:</translation>
    </message>
    <message>
      <source>Files of &amp;type:</source>
      <translation>Files of &amp;type:</translation>
    </message>
  </context>
  <context>
    <name>QFileSystemModel</name>
    <message>
      <source>Drive</source>
      <translation>Drive</translation>
    </message>
  </context>
  <context>
    <name>Receivables</name>
    <message>
      <source>Invoice</source>
      <translation>Invoice</translation>
    </message>
    <message>
      <source>Payment</source>
      <translation>Payment</translation>
    </message>
  </context>
  <context>
    <name>ReceivablesSection</name>
    <message>
      <source>Credit limit</source>
      <translation>Credit limit</translation>
    </message>
    <message>
      <source>Invoices and payments from the ERP (columns partner_code, kind, date, amount, ref); aging per partner.</source>
      <translation>Invoices and payments from the ERP (columns partner_code, kind, date, amount, ref); aging per partner.</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>Name</translation>
    </message>
    <message>
      <source>Open</source>
      <translation>Open</translation>
    </message>
    <message>
      <source>Partner</source>
      <translation>Partner</translation>
    </message>
    <message>
      <source>Receivables</source>
      <translation>Receivables</translation>
    </message>
  </context>
  <context>
    <name>RecordEntities</name>
    <message>
      <source>Actual figures</source>
      <translation>Actual figures</translation>
    </message>
    <message>
      <source>Attachments</source>
      <translation>Attachments</translation>
    </message>
    <message>
      <source>Callback samples</source>
      <translation>Callback samples</translation>
    </message>
    <message>
      <source>Callbacks</source>
      <translation>Callbacks</translation>
    </message>
    <message>
      <source>Checklist answers</source>
      <translation>Checklist answers</translation>
    </message>
    <message>
      <source>Checklist templates</source>
      <translation>Checklist templates</translation>
    </message>
    <message>
      <source>Competitor notes</source>
      <translation>Competitor notes</translation>
    </message>
    <message>
      <source>Complaints</source>
      <translation>Complaints</translation>
    </message>
    <message>
      <source>Contacts</source>
      <translation>Contacts</translation>
    </message>
    <message>
      <source>Contracts</source>
      <translation>Contracts</translation>
    </message>
    <message>
      <source>Daily logs</source>
      <translation>Daily logs</translation>
    </message>
    <message>
      <source>Development records</source>
      <translation>Development records</translation>
    </message>
    <message>
      <source>Duty rules</source>
      <translation>Duty rules</translation>
    </message>
    <message>
      <source>Findings</source>
      <translation>Findings</translation>
    </message>
    <message>
      <source>Grade change requests</source>
      <translation>Grade change requests</translation>
    </message>
    <message>
      <source>Grade changes</source>
      <translation>Grade changes</translation>
    </message>
    <message>
      <source>Invoices</source>
      <translation>Invoices</translation>
    </message>
    <message>
      <source>KPI scores</source>
      <translation>KPI scores</translation>
    </message>
    <message>
      <source>Lifecycle events</source>
      <translation>Lifecycle events</translation>
    </message>
    <message>
      <source>Material counts</source>
      <translation>Material counts</translation>
    </message>
    <message>
      <source>Material ledger entries</source>
      <translation>Material ledger entries</translation>
    </message>
    <message>
      <source>Partners</source>
      <translation>Partners</translation>
    </message>
    <message>
      <source>Payments</source>
      <translation>Payments</translation>
    </message>
    <message>
      <source>Promotions</source>
      <translation>Promotions</translation>
    </message>
    <message>
      <source>Rectification orders</source>
      <translation>Rectification orders</translation>
    </message>
    <message>
      <source>Rectification steps</source>
      <translation>Rectification steps</translation>
    </message>
    <message>
      <source>Stock limits</source>
      <translation>Stock limits</translation>
    </message>
    <message>
      <source>Targets</source>
      <translation>Targets</translation>
    </message>
    <message>
      <source>Trainings</source>
      <translation>Trainings</translation>
    </message>
    <message>
      <source>Visit amendments</source>
      <translation>Visit amendments</translation>
    </message>
    <message>
      <source>Visit frequency rules</source>
      <translation>Visit frequency rules</translation>
    </message>
    <message>
      <source>Visit photos</source>
      <translation>Visit photos</translation>
    </message>
    <message>
      <source>Visits</source>
      <translation>Visits</translation>
    </message>
    <message>
      <source>Warnings</source>
      <translation>Warnings</translation>
    </message>
  </context>
  <context>
    <name>RegionPicker</name>
    <message>
      <source>(whole city)</source>
      <translation>(whole city)</translation>
    </message>
    <message>
      <source>(whole province)</source>
      <translation>(whole province)</translation>
    </message>
    <message>
      <source>City</source>
      <translation>City</translation>
    </message>
    <message>
      <source>District</source>
      <translation>District</translation>
    </message>
    <message>
      <source>Find a region</source>
      <translation>Find a region</translation>
    </message>
    <message>
      <source>Find: name, code or pinyin initials</source>
      <translation>Find: name, code or pinyin initials</translation>
    </message>
    <message>
      <source>Province</source>
      <translation>Province</translation>
    </message>
  </context>
  <context>
    <name>RuleScopes</name>
    <message>
      <source>Per manager</source>
      <translation>Per manager</translation>
    </message>
    <message>
      <source>Per partner</source>
      <translation>Per partner</translation>
    </message>
  </context>
  <context>
    <name>ScopeKinds</name>
    <message>
      <source>Partner</source>
      <translation>Partner</translation>
    </message>
    <message>
      <source>Region</source>
      <translation>Region</translation>
    </message>
  </context>
  <context>
    <name>SettingsDialog</name>
    <message>
      <source>&amp;Language</source>
      <translation>&amp;Language</translation>
    </message>
    <message>
      <source>&amp;Territory *</source>
      <translation>&amp;Territory *</translation>
    </message>
    <message>
      <source>Cannot save the settings: {error}</source>
      <translation>Cannot save the settings: {error}</translation>
    </message>
    <message>
      <source>Change the territory?</source>
      <translation>Change the territory?</translation>
    </message>
    <message>
      <source>Choose at least one region of your territory.</source>
      <translation>Choose at least one region of your territory.</translation>
    </message>
    <message>
      <source>Company name on reports</source>
      <translation>Company name on reports</translation>
    </message>
    <message>
      <source>Data directory</source>
      <translation>Data directory</translation>
    </message>
    <message>
      <source>Default checklist</source>
      <translation>Default checklist</translation>
    </message>
    <message>
      <source>Enter your name; it is printed on every report.</source>
      <translation>Enter your name; it is printed on every report.</translation>
    </message>
    <message>
      <source>Export key file</source>
      <translation>Export key file</translation>
    </message>
    <message>
      <source>Export key file…</source>
      <translation>Export key file…</translation>
    </message>
    <message>
      <source>HQ key (*.key *.json)</source>
      <translation>HQ key (*.key *.json)</translation>
    </message>
    <message>
      <source>HQ public key</source>
      <translation>HQ public key</translation>
    </message>
    <message>
      <source>HQ registers this laptop from its key file</source>
      <translation>HQ registers this laptop from its key file</translation>
    </message>
    <message>
      <source>Key file (*.key)</source>
      <translation>Key file (*.key)</translation>
    </message>
    <message>
      <source>Key file saved to {path}. Give it to HQ to register this laptop.</source>
      <translation>Key file saved to {path}. Give it to HQ to register this laptop.</translation>
    </message>
    <message>
      <source>Largest photo</source>
      <translation>Largest photo</translation>
    </message>
    <message>
      <source>Loading the checklists…</source>
      <translation>Loading the checklists…</translation>
    </message>
    <message>
      <source>Open folder</source>
      <translation>Open folder</translation>
    </message>
    <message>
      <source>Printed on every report</source>
      <translation>Printed on every report</translation>
    </message>
    <message>
      <source>Reading…</source>
      <translation>Reading…</translation>
    </message>
    <message>
      <source>Settings</source>
      <translation>Settings</translation>
    </message>
    <message>
      <source>System default</source>
      <translation>System default</translation>
    </message>
    <message>
      <source>The file HQ registers this laptop from (Ed25519 and X25519 public keys)</source>
      <translation>The file HQ registers this laptop from (Ed25519 and X25519 public keys)</translation>
    </message>
    <message>
      <source>The new language applies to windows opened from now on; restart ChannelDesk to translate this window too.</source>
      <translation>The new language applies to windows opened from now on; restart ChannelDesk to translate this window too.</translation>
    </message>
    <message>
      <source>The territory decides which partners are yours and is sent to HQ with every sync bundle. Change it only when HQ has changed your territory too. Change it now?</source>
      <translation>The territory decides which partners are yours and is sent to HQ with every sync bundle. Change it only when HQ has changed your territory too. Change it now?</translation>
    </message>
    <message>
      <source>This laptop</source>
      <translation>This laptop</translation>
    </message>
    <message>
      <source>Trust HQ key…</source>
      <translation>Trust HQ key…</translation>
    </message>
    <message>
      <source>Trusted HQ key</source>
      <translation>Trusted HQ key</translation>
    </message>
    <message>
      <source>Warn before rectification deadlines (days)</source>
      <translation>Warn before rectification deadlines (days)</translation>
    </message>
    <message>
      <source>Warn when HQ has not acknowledged for (days)</source>
      <translation>Warn when HQ has not acknowledged for (days)</translation>
    </message>
    <message>
      <source>Your &amp;name *</source>
      <translation>Your &amp;name *</translation>
    </message>
    <message>
      <source>fingerprint {fp}</source>
      <translation>fingerprint {fp}</translation>
    </message>
    <message>
      <source>none yet</source>
      <translation>none yet</translation>
    </message>
    <message>
      <source>{title} (version {version})</source>
      <translation>{title} (version {version})</translation>
    </message>
  </context>
  <context>
    <name>SheetColumns</name>
    <message>
      <source>Amount</source>
      <translation>Amount</translation>
    </message>
    <message>
      <source>Customer reference</source>
      <translation>Customer reference</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>Date</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>Kind</translation>
    </message>
    <message>
      <source>Metric</source>
      <translation>Metric</translation>
    </message>
    <message>
      <source>Partner code</source>
      <translation>Partner code</translation>
    </message>
    <message>
      <source>Period</source>
      <translation>Period</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>Phone</translation>
    </message>
    <message>
      <source>Product</source>
      <translation>Product</translation>
    </message>
    <message>
      <source>Reference</source>
      <translation>Reference</translation>
    </message>
    <message>
      <source>Scope</source>
      <translation>Scope</translation>
    </message>
    <message>
      <source>Scope kind</source>
      <translation>Scope kind</translation>
    </message>
  </context>
  <context>
    <name>States</name>
    <message>
      <source>Draft</source>
      <translation>Draft</translation>
    </message>
    <message>
      <source>Escalated</source>
      <translation>Escalated</translation>
    </message>
    <message>
      <source>Open</source>
      <translation>Open</translation>
    </message>
    <message>
      <source>Overdue</source>
      <translation>Overdue</translation>
    </message>
    <message>
      <source>Planned</source>
      <translation>Planned</translation>
    </message>
    <message>
      <source>Reported fixed</source>
      <translation>Reported fixed</translation>
    </message>
    <message>
      <source>Submitted</source>
      <translation>Submitted</translation>
    </message>
    <message>
      <source>Verified</source>
      <translation>Verified</translation>
    </message>
    <message>
      <source>Withdrawn</source>
      <translation>Withdrawn</translation>
    </message>
  </context>
  <context>
    <name>SyncActions</name>
    <message>
      <source>&amp;Export to HQ…</source>
      <translation>&amp;Export to HQ…</translation>
    </message>
    <message>
      <source>&amp;Import HQ bundle…</source>
      <translation>&amp;Import HQ bundle…</translation>
    </message>
    <message>
      <source>Acknowledgements (*.cdack)</source>
      <translation>Acknowledgements (*.cdack)</translation>
    </message>
    <message>
      <source>Apply HQ &amp;acknowledgement…</source>
      <translation>Apply HQ &amp;acknowledgement…</translation>
    </message>
    <message>
      <source>Apply HQ acknowledgement</source>
      <translation>Apply HQ acknowledgement</translation>
    </message>
    <message>
      <source>Bundle {seq} written: {path} ({size:.1f} MB, {count} records). Hand it to HQ; it counts as synced only after HQ's acknowledgement.</source>
      <translation>Bundle {seq} written: {path} ({size:.1f} MB, {count} records). Hand it to HQ; it counts as synced only after HQ's acknowledgement.</translation>
    </message>
    <message>
      <source>Bundles (*.cdsync)</source>
      <translation>Bundles (*.cdsync)</translation>
    </message>
    <message>
      <source>Export &amp;next part to HQ…</source>
      <translation>Export &amp;next part to HQ…</translation>
    </message>
    <message>
      <source>Exporting to HQ: about {size} MB ({photos} photos, {changes} changes)…</source>
      <translation>Exporting to HQ: about {size} MB ({photos} photos, {changes} changes)…</translation>
    </message>
    <message>
      <source>HQ data applied.</source>
      <translation>HQ data applied.</translation>
    </message>
    <message>
      <source>HQ's acknowledgement was applied.</source>
      <translation>HQ's acknowledgement was applied.</translation>
    </message>
    <message>
      <source>Import HQ bundle</source>
      <translation>Import HQ bundle</translation>
    </message>
    <message>
      <source>No trusted HQ key is set, so HQ's files cannot be checked. Choose HQ's public-key file under Tools → Settings… → Trust HQ key…, then try again.</source>
      <translation>No trusted HQ key is set, so HQ's files cannot be checked. Choose HQ's public-key file under Tools → Settings… → Trust HQ key…, then try again.</translation>
    </message>
    <message>
      <source>This bundle holds a single visit (or group of changes) that is larger than HQ accepts by default; ask HQ to raise its limits.</source>
      <translation>This bundle holds a single visit (or group of changes) that is larger than HQ accepts by default; ask HQ to raise its limits.</translation>
    </message>
    <message>
      <source>What comes after the newest bundle, before HQ has acknowledged it: the next part of a backlog over HQ's size limits, to hand over together.</source>
      <translation>What comes after the newest bundle, before HQ has acknowledged it: the next part of a backlog over HQ's size limits, to hand over together.</translation>
    </message>
    <message>
      <source>{count} changes did not fit in this bundle (HQ's size limits): Sync → Export next part writes them now, to hand both over together; or export again after HQ has acknowledged this one.</source>
      <translation>{count} changes did not fit in this bundle (HQ's size limits): Sync → Export next part writes them now, to hand both over together; or export again after HQ has acknowledged this one.</translation>
    </message>
  </context>
  <context>
    <name>TargetsSection</name>
    <message>
      <source>Decompose…</source>
      <translation>Decompose…</translation>
    </message>
    <message>
      <source>HQ's targets (published to the laptops)</source>
      <translation>HQ's targets (published to the laptops)</translation>
    </message>
    <message>
      <source>Laptops receive them with their next HQ bundle.</source>
      <translation>Laptops receive them with their next HQ bundle.</translation>
    </message>
    <message>
      <source>Manager</source>
      <translation>Manager</translation>
    </message>
    <message>
      <source>Metric</source>
      <translation>Metric</translation>
    </message>
    <message>
      <source>No manager has decomposed targets on a laptop yet.</source>
      <translation>No manager has decomposed targets on a laptop yet.</translation>
    </message>
    <message>
      <source>Period</source>
      <translation>Period</translation>
    </message>
    <message>
      <source>Scope</source>
      <translation>Scope</translation>
    </message>
    <message>
      <source>Set by</source>
      <translation>Set by</translation>
    </message>
    <message>
      <source>Target</source>
      <translation>Target</translation>
    </message>
    <message>
      <source>Targets</source>
      <translation>Targets</translation>
    </message>
    <message>
      <source>Targets managers set on their laptops</source>
      <translation>Targets managers set on their laptops</translation>
    </message>
    <message>
      <source>The company's targets (columns metric, period, scope_kind, scope, amount), published to every laptop.</source>
      <translation>The company's targets (columns metric, period, scope_kind, scope, amount), published to every laptop.</translation>
    </message>
    <message>
      <source>decomposed</source>
      <translation>decomposed</translation>
    </message>
    <message>
      <source>imported</source>
      <translation>imported</translation>
    </message>
  </context>
  <context>
    <name>TemplateEditor</name>
    <message>
      <source>A finding when the answer is</source>
      <translation>A finding when the answer is</translation>
    </message>
    <message>
      <source>Add item</source>
      <translation>Add item</translation>
    </message>
    <message>
      <source>Add section</source>
      <translation>Add section</translation>
    </message>
    <message>
      <source>An answer is required</source>
      <translation>An answer is required</translation>
    </message>
    <message>
      <source>Checklist</source>
      <translation>Checklist</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>Close</translation>
    </message>
    <message>
      <source>Down</source>
      <translation>Down</translation>
    </message>
    <message>
      <source>Edit {template} as a new version</source>
      <translation>Edit {template} as a new version</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>Kind</translation>
    </message>
    <message>
      <source>Label</source>
      <translation>Label</translation>
    </message>
    <message>
      <source>Maximum</source>
      <translation>Maximum</translation>
    </message>
    <message>
      <source>Minimum</source>
      <translation>Minimum</translation>
    </message>
    <message>
      <source>New item</source>
      <translation>New item</translation>
    </message>
    <message>
      <source>New section</source>
      <translation>New section</translation>
    </message>
    <message>
      <source>Options</source>
      <translation>Options</translation>
    </message>
    <message>
      <source>Preview: the form as the laptops show it</source>
      <translation>Preview: the form as the laptops show it</translation>
    </message>
    <message>
      <source>Properties</source>
      <translation>Properties</translation>
    </message>
    <message>
      <source>Publish as a new version</source>
      <translation>Publish as a new version</translation>
    </message>
    <message>
      <source>Publish as version {n}</source>
      <translation>Publish as version {n}</translation>
    </message>
    <message>
      <source>Remove</source>
      <translation>Remove</translation>
    </message>
    <message>
      <source>Section title</source>
      <translation>Section title</translation>
    </message>
    <message>
      <source>Select a section or an item.</source>
      <translation>Select a section or an item.</translation>
    </message>
    <message>
      <source>Template {name} version {version} published; laptops receive it with their next HQ bundle, visits already made keep their version.</source>
      <translation>Template {name} version {version} published; laptops receive it with their next HQ bundle, visits already made keep their version.</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>Title</translation>
    </message>
    <message>
      <source>Up</source>
      <translation>Up</translation>
    </message>
    <message>
      <source>Weight</source>
      <translation>Weight</translation>
    </message>
    <message>
      <source>never</source>
      <translation>never</translation>
    </message>
    <message>
      <source>none</source>
      <translation>none</translation>
    </message>
    <message>
      <source>options separated by commas</source>
      <translation>options separated by commas</translation>
    </message>
  </context>
  <context>
    <name>Templates</name>
    <message>
      <source>Re-inspection</source>
      <translation>Re-inspection</translation>
    </message>
    <message>
      <source>Store inspection</source>
      <translation>Store inspection</translation>
    </message>
  </context>
  <context>
    <name>TemplatesSection</name>
    <message>
      <source>A complaint is answered within this many hours</source>
      <translation>A complaint is answered within this many hours</translation>
    </message>
    <message>
      <source>A complaint is resolved within this many hours</source>
      <translation>A complaint is resolved within this many hours</translation>
    </message>
    <message>
      <source>Channels a manager inspects per week</source>
      <translation>Channels a manager inspects per week</translation>
    </message>
    <message>
      <source>Edit as new version…</source>
      <translation>Edit as new version…</translation>
    </message>
    <message>
      <source>Export template</source>
      <translation>Export template</translation>
    </message>
    <message>
      <source>Export…</source>
      <translation>Export…</translation>
    </message>
    <message>
      <source>HQ</source>
      <translation>HQ</translation>
    </message>
    <message>
      <source>Import as new version…</source>
      <translation>Import as new version…</translation>
    </message>
    <message>
      <source>Import template</source>
      <translation>Import template</translation>
    </message>
    <message>
      <source>Items</source>
      <translation>Items</translation>
    </message>
    <message>
      <source>No checklist template.</source>
      <translation>No checklist template.</translation>
    </message>
    <message>
      <source>Photo taken at most this many hours before check-in</source>
      <translation>Photo taken at most this many hours before check-in</translation>
    </message>
    <message>
      <source>Photo taken at most this many metres from the partner</source>
      <translation>Photo taken at most this many metres from the partner</translation>
    </message>
    <message>
      <source>Rules published to the laptops</source>
      <translation>Rules published to the laptops</translation>
    </message>
    <message>
      <source>Rules saved; laptops receive them with their next HQ bundle.</source>
      <translation>Rules saved; laptops receive them with their next HQ bundle.</translation>
    </message>
    <message>
      <source>Save rules</source>
      <translation>Save rules</translation>
    </message>
    <message>
      <source>Select a template first.</source>
      <translation>Select a template first.</translation>
    </message>
    <message>
      <source>Source</source>
      <translation>Source</translation>
    </message>
    <message>
      <source>Template</source>
      <translation>Template</translation>
    </message>
    <message>
      <source>Template saved to {path}</source>
      <translation>Template saved to {path}</translation>
    </message>
    <message>
      <source>Template {name} version {version} saved; laptops receive it with their next HQ bundle.</source>
      <translation>Template {name} version {version} saved; laptops receive it with their next HQ bundle.</translation>
    </message>
    <message>
      <source>Templates (*.json)</source>
      <translation>Templates (*.json)</translation>
    </message>
    <message>
      <source>Templates and rules</source>
      <translation>Templates and rules</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>Title</translation>
    </message>
    <message>
      <source>Version</source>
      <translation>Version</translation>
    </message>
    <message>
      <source>Visits per month, grade {grade}</source>
      <translation>Visits per month, grade {grade}</translation>
    </message>
    <message>
      <source>built in</source>
      <translation>built in</translation>
    </message>
  </context>
  <context>
    <name>TerritoryEditor</name>
    <message>
      <source>&amp;Add region</source>
      <translation>&amp;Add region</translation>
    </message>
    <message>
      <source>Regions of the territory</source>
      <translation>Regions of the territory</translation>
    </message>
    <message>
      <source>Remove</source>
      <translation>Remove</translation>
    </message>
  </context>
  <context>
    <name>TodaySection</name>
    <message>
      <source>&amp;Close the day</source>
      <translation>&amp;Close the day</translation>
    </message>
    <message>
      <source>&amp;Commission check…</source>
      <translation>&amp;Commission check…</translation>
    </message>
    <message>
      <source>&amp;Daily log…</source>
      <translation>&amp;Daily log…</translation>
    </message>
    <message>
      <source>&amp;Draw today's callbacks</source>
      <translation>&amp;Draw today's callbacks</translation>
    </message>
    <message>
      <source>&amp;Import records…</source>
      <translation>&amp;Import records…</translation>
    </message>
    <message>
      <source>&amp;Record outcome</source>
      <translation>&amp;Record outcome</translation>
    </message>
    <message>
      <source>Call</source>
      <translation>Call</translation>
    </message>
    <message>
      <source>Callbacks: {answered} of {drawn} done ({population} records yesterday) — {state}</source>
      <translation>Callbacks: {answered} of {drawn} done ({population} records yesterday) — {state}</translation>
    </message>
    <message>
      <source>Commission check</source>
      <translation>Commission check</translation>
    </message>
    <message>
      <source>Daily log</source>
      <translation>Daily log</translation>
    </message>
    <message>
      <source>Development &amp;bulletin…</source>
      <translation>Development &amp;bulletin…</translation>
    </message>
    <message>
      <source>Development bulletin</source>
      <translation>Development bulletin</translation>
    </message>
    <message>
      <source>Hello, this is {manager}, channel manager of {company}. On {date} you were signed up at {partner} for {product}. May I check: did you sign up yourself, was your prepaid deposit credited in full, and was the line installed by our staff? Thank you.</source>
      <translation>Hello, this is {manager}, channel manager of {company}. On {date} you were signed up at {partner} for {product}. May I check: did you sign up yourself, was your prepaid deposit credited in full, and was the line installed by our staff? Thank you.</translation>
    </message>
    <message>
      <source>Import development records</source>
      <translation>Import development records</translation>
    </message>
    <message>
      <source>Importing records…</source>
      <translation>Importing records…</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>Kind</translation>
    </message>
    <message>
      <source>Missed callback days: {days}</source>
      <translation>Missed callback days: {days}</translation>
    </message>
    <message>
      <source>No callbacks drawn for today. Import yesterday's records, then draw.</source>
      <translation>No callbacks drawn for today. Import yesterday's records, then draw.</translation>
    </message>
    <message>
      <source>No records from yesterday to call back.</source>
      <translation>No records from yesterday to call back.</translation>
    </message>
    <message>
      <source>No records from yesterday: nothing to call back today.</source>
      <translation>No records from yesterday: nothing to call back today.</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>Note</translation>
    </message>
    <message>
      <source>Number</source>
      <translation>Number</translation>
    </message>
    <message>
      <source>Outcome</source>
      <translation>Outcome</translation>
    </message>
    <message>
      <source>Partner</source>
      <translation>Partner</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>Phone</translation>
    </message>
    <message>
      <source>Plan for tomorrow</source>
      <translation>Plan for tomorrow</translation>
    </message>
    <message>
      <source>Product</source>
      <translation>Product</translation>
    </message>
    <message>
      <source>S&amp;ave notes</source>
      <translation>S&amp;ave notes</translation>
    </message>
    <message>
      <source>Select a call first.</source>
      <translation>Select a call first.</translation>
    </message>
    <message>
      <source>Select a call in the list.</source>
      <translation>Select a call in the list.</translation>
    </message>
    <message>
      <source>Show &amp;number</source>
      <translation>Show &amp;number</translation>
    </message>
    <message>
      <source>Spreadsheets (*.csv *.xlsx)</source>
      <translation>Spreadsheets (*.csv *.xlsx)</translation>
    </message>
    <message>
      <source>The day's log is closed and sealed.</source>
      <translation>The day's log is closed and sealed.</translation>
    </message>
    <message>
      <source>The number is no longer held (purged).</source>
      <translation>The number is no longer held (purged).</translation>
    </message>
    <message>
      <source>Today</source>
      <translation>Today</translation>
    </message>
    <message>
      <source>Today's notes</source>
      <translation>Today's notes</translation>
    </message>
    <message>
      <source>Today, {date}</source>
      <translation>Today, {date}</translation>
    </message>
    <message>
      <source>Visits {visits} · callbacks {callbacks} · complaints handled {complaints} · rectifications closed {closed} · new customers {development} · warnings {warnings}</source>
      <translation>Visits {visits} · callbacks {callbacks} · complaints handled {complaints} · rectifications closed {closed} · new customers {development} · warnings {warnings}</translation>
    </message>
    <message>
      <source>What the customer said</source>
      <translation>What the customer said</translation>
    </message>
    <message>
      <source>closed</source>
      <translation>closed</translation>
    </message>
    <message>
      <source>duty met</source>
      <translation>duty met</translation>
    </message>
    <message>
      <source>duty not met yet</source>
      <translation>duty not met yet</translation>
    </message>
    <message>
      <source>the channel manager</source>
      <translation>the channel manager</translation>
    </message>
    <message>
      <source>{rows} records read: {created} new, {skipped} already held.</source>
      <translation>{rows} records read: {created} new, {skipped} already held.</translation>
    </message>
  </context>
  <context>
    <name>TrainingSection</name>
    <message>
      <source>&amp;Plan a training…</source>
      <translation>&amp;Plan a training…</translation>
    </message>
    <message>
      <source>Attendees</source>
      <translation>Attendees</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>Date</translation>
    </message>
    <message>
      <source>Held</source>
      <translation>Held</translation>
    </message>
    <message>
      <source>New p&amp;romotion…</source>
      <translation>New p&amp;romotion…</translation>
    </message>
    <message>
      <source>No promotions.</source>
      <translation>No promotions.</translation>
    </message>
    <message>
      <source>No trainings planned.</source>
      <translation>No trainings planned.</translation>
    </message>
    <message>
      <source>Partner</source>
      <translation>Partner</translation>
    </message>
    <message>
      <source>Partners</source>
      <translation>Partners</translation>
    </message>
    <message>
      <source>Period</source>
      <translation>Period</translation>
    </message>
    <message>
      <source>Planned</source>
      <translation>Planned</translation>
    </message>
    <message>
      <source>Promotion</source>
      <translation>Promotion</translation>
    </message>
    <message>
      <source>Promotions (visits of their partners check the materials)</source>
      <translation>Promotions (visits of their partners check the materials)</translation>
    </message>
    <message>
      <source>Record &amp;as held…</source>
      <translation>Record &amp;as held…</translation>
    </message>
    <message>
      <source>Required materials</source>
      <translation>Required materials</translation>
    </message>
    <message>
      <source>Running</source>
      <translation>Running</translation>
    </message>
    <message>
      <source>Select a planned training first.</source>
      <translation>Select a planned training first.</translation>
    </message>
    <message>
      <source>State</source>
      <translation>State</translation>
    </message>
    <message>
      <source>Topic</source>
      <translation>Topic</translation>
    </message>
    <message>
      <source>Trainer</source>
      <translation>Trainer</translation>
    </message>
    <message>
      <source>Training</source>
      <translation>Training</translation>
    </message>
    <message>
      <source>Trainings of partners staff</source>
      <translation>Trainings of partners staff</translation>
    </message>
    <message>
      <source>Yes</source>
      <translation>Yes</translation>
    </message>
  </context>
  <context>
    <name>Units</name>
    <message>
      <source>Count</source>
      <translation>Count</translation>
    </message>
    <message>
      <source>Per mille</source>
      <translation>Per mille</translation>
    </message>
    <message>
      <source>Percent</source>
      <translation>Percent</translation>
    </message>
    <message>
      <source>Units</source>
      <translation>Units</translation>
    </message>
    <message>
      <source>Yuan</source>
      <translation>Yuan</translation>
    </message>
  </context>
  <context>
    <name>VisitDialog</name>
    <message>
      <source>Amendments ({n})</source>
      <translation>Amendments ({n})</translation>
    </message>
    <message>
      <source>Answer</source>
      <translation>Answer</translation>
    </message>
    <message>
      <source>By</source>
      <translation>By</translation>
    </message>
    <message>
      <source>Checked in</source>
      <translation>Checked in</translation>
    </message>
    <message>
      <source>Checklist</source>
      <translation>Checklist</translation>
    </message>
    <message>
      <source>Content hash</source>
      <translation>Content hash</translation>
    </message>
    <message>
      <source>Deadline</source>
      <translation>Deadline</translation>
    </message>
    <message>
      <source>Detail</source>
      <translation>Detail</translation>
    </message>
    <message>
      <source>Evidence ({n})</source>
      <translation>Evidence ({n})</translation>
    </message>
    <message>
      <source>Finding</source>
      <translation>Finding</translation>
    </message>
    <message>
      <source>Findings ({n})</source>
      <translation>Findings ({n})</translation>
    </message>
    <message>
      <source>Item</source>
      <translation>Item</translation>
    </message>
    <message>
      <source>Manager</source>
      <translation>Manager</translation>
    </message>
    <message>
      <source>No amendments.</source>
      <translation>No amendments.</translation>
    </message>
    <message>
      <source>No evidence warnings.</source>
      <translation>No evidence warnings.</translation>
    </message>
    <message>
      <source>No findings.</source>
      <translation>No findings.</translation>
    </message>
    <message>
      <source>PDF files (*.pdf)</source>
      <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
      <source>Partner</source>
      <translation>Partner</translation>
    </message>
    <message>
      <source>Photo</source>
      <translation>Photo</translation>
    </message>
    <message>
      <source>Photos ({n})</source>
      <translation>Photos ({n})</translation>
    </message>
    <message>
      <source>Photos: {n}</source>
      <translation>Photos: {n}</translation>
    </message>
    <message>
      <source>Print report…</source>
      <translation>Print report…</translation>
    </message>
    <message>
      <source>Reason</source>
      <translation>Reason</translation>
    </message>
    <message>
      <source>Report saved to {path}</source>
      <translation>Report saved to {path}</translation>
    </message>
    <message>
      <source>Save the visit report</source>
      <translation>Save the visit report</translation>
    </message>
    <message>
      <source>Score</source>
      <translation>Score</translation>
    </message>
    <message>
      <source>Section</source>
      <translation>Section</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Status</translation>
    </message>
    <message>
      <source>Taken {when}, {w} × {h}</source>
      <translation>Taken {when}, {w} × {h}</translation>
    </message>
    <message>
      <source>Template</source>
      <translation>Template</translation>
    </message>
    <message>
      <source>The checklist has no items.</source>
      <translation>The checklist has no items.</translation>
    </message>
    <message>
      <source>Visit {code} {name}</source>
      <translation>Visit {code} {name}</translation>
    </message>
    <message>
      <source>Warning</source>
      <translation>Warning</translation>
    </message>
    <message>
      <source>When</source>
      <translation>When</translation>
    </message>
    <message>
      <source>Writing the report…</source>
      <translation>Writing the report…</translation>
    </message>
    <message>
      <source>loading…</source>
      <translation>loading…</translation>
    </message>
    <message>
      <source>{template}, version {n}</source>
      <translation>{template}, version {n}</translation>
    </message>
  </context>
  <context>
    <name>VisitEditor</name>
    <message numerus="yes">
      <source>%n photo(s) — add…</source>
      <translation>
        <numerusform>%n photo — add…</numerusform>
        <numerusform>%n photos — add…</numerusform>
      </translation>
    </message>
    <message>
      <source>&amp;Report…</source>
      <translation>&amp;Report…</translation>
    </message>
    <message>
      <source>A&amp;mend…</source>
      <translation>A&amp;mend…</translation>
    </message>
    <message>
      <source>Add fin&amp;ding…</source>
      <translation>Add fin&amp;ding…</translation>
    </message>
    <message>
      <source>Add finding</source>
      <translation>Add finding</translation>
    </message>
    <message>
      <source>Amend visit</source>
      <translation>Amend visit</translation>
    </message>
    <message>
      <source>Answer the items marked in red before sealing: {items}.</source>
      <translation>Answer the items marked in red before sealing: {items}.</translation>
    </message>
    <message>
      <source>Attach &amp;photos…</source>
      <translation>Attach &amp;photos…</translation>
    </message>
    <message>
      <source>Attach photos</source>
      <translation>Attach photos</translation>
    </message>
    <message>
      <source>Check &amp;in</source>
      <translation>Check &amp;in</translation>
    </message>
    <message>
      <source>Competitor outlet</source>
      <translation>Competitor outlet</translation>
    </message>
    <message>
      <source>Complaint</source>
      <translation>Complaint</translation>
    </message>
    <message>
      <source>Complaint / &amp;competitor…</source>
      <translation>Complaint / &amp;competitor…</translation>
    </message>
    <message>
      <source>Corrected answer</source>
      <translation>Corrected answer</translation>
    </message>
    <message>
      <source>E&amp;xplain photo warning…</source>
      <translation>E&amp;xplain photo warning…</translation>
    </message>
    <message>
      <source>Explain photo warning</source>
      <translation>Explain photo warning</translation>
    </message>
    <message>
      <source>Explained: {text}</source>
      <translation>Explained: {text}</translation>
    </message>
    <message>
      <source>Findings and rectification orders</source>
      <translation>Findings and rectification orders</translation>
    </message>
    <message>
      <source>Images (*.jpg *.jpeg *.png *.webp)</source>
      <translation>Images (*.jpg *.jpeg *.png *.webp)</translation>
    </message>
    <message>
      <source>Importing photos…</source>
      <translation>Importing photos…</translation>
    </message>
    <message>
      <source>Inspection report</source>
      <translation>Inspection report</translation>
    </message>
    <message>
      <source>Item to correct</source>
      <translation>Item to correct</translation>
    </message>
    <message>
      <source>Loading the visit…</source>
      <translation>Loading the visit…</translation>
    </message>
    <message>
      <source>No findings.</source>
      <translation>No findings.</translation>
    </message>
    <message>
      <source>No photos yet.</source>
      <translation>No photos yet.</translation>
    </message>
    <message>
      <source>Photo evidence warnings</source>
      <translation>Photo evidence warnings</translation>
    </message>
    <message>
      <source>Photos (drop image files here)</source>
      <translation>Photos (drop image files here)</translation>
    </message>
    <message>
      <source>Promotion materials: &amp;book vs count</source>
      <translation>Promotion materials: &amp;book vs count</translation>
    </message>
    <message>
      <source>Promotion materials: &amp;book vs count (sealed)</source>
      <translation>Promotion materials: &amp;book vs count (sealed)</translation>
    </message>
    <message>
      <source>Reason for the amendment</source>
      <translation>Reason for the amendment</translation>
    </message>
    <message>
      <source>Record during the visit</source>
      <translation>Record during the visit</translation>
    </message>
    <message>
      <source>S&amp;ubmit and seal</source>
      <translation>S&amp;ubmit and seal</translation>
    </message>
    <message>
      <source>Score: {score}</source>
      <translation>Score: {score}</translation>
    </message>
    <message>
      <source>Select a visit in the list, or start one with “New visit” (Ctrl+Shift+N).</source>
      <translation>Select a visit in the list, or start one with “New visit” (Ctrl+Shift+N).</translation>
    </message>
    <message>
      <source>What needs to be rectified?</source>
      <translation>What needs to be rectified?</translation>
    </message>
    <message>
      <source>What to record</source>
      <translation>What to record</translation>
    </message>
    <message>
      <source>Why this photo is still good evidence</source>
      <translation>Why this photo is still good evidence</translation>
    </message>
    <message>
      <source>a number</source>
      <translation>a number</translation>
    </message>
    <message>
      <source>a number from {low} to {high}</source>
      <translation>a number from {low} to {high}</translation>
    </message>
    <message>
      <source>a number, at least {low}</source>
      <translation>a number, at least {low}</translation>
    </message>
    <message>
      <source>a number, at most {high}</source>
      <translation>a number, at most {high}</translation>
    </message>
  </context>
  <context>
    <name>VisitsSection</name>
    <message>
      <source>&amp;Monthly assessment report…</source>
      <translation>&amp;Monthly assessment report…</translation>
    </message>
    <message>
      <source>&amp;New visit…</source>
      <translation>&amp;New visit…</translation>
    </message>
    <message>
      <source>&amp;Weekly inspection log…</source>
      <translation>&amp;Weekly inspection log…</translation>
    </message>
    <message>
      <source>Building the monthly report…</source>
      <translation>Building the monthly report…</translation>
    </message>
    <message>
      <source>Filter by partner code or name…</source>
      <translation>Filter by partner code or name…</translation>
    </message>
    <message>
      <source>Monthly assessment report</source>
      <translation>Monthly assessment report</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>Name</translation>
    </message>
    <message>
      <source>New &amp;visit…</source>
      <translation>New &amp;visit…</translation>
    </message>
    <message>
      <source>No visit matches the filter.</source>
      <translation>No visit matches the filter.</translation>
    </message>
    <message>
      <source>No visits yet.
Start one with “New visit” (Ctrl+Shift+N).</source>
      <translation>No visits yet.
Start one with “New visit” (Ctrl+Shift+N).</translation>
    </message>
    <message>
      <source>Partner</source>
      <translation>Partner</translation>
    </message>
    <message>
      <source>Score</source>
      <translation>Score</translation>
    </message>
    <message>
      <source>Started</source>
      <translation>Started</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Status</translation>
    </message>
    <message>
      <source>Visits</source>
      <translation>Visits</translation>
    </message>
    <message>
      <source>Weekly inspection log</source>
      <translation>Weekly inspection log</translation>
    </message>
  </context>
  <context>
    <name>VoidEntryDialog</name>
    <message>
      <source>&amp;Reason</source>
      <translation>&amp;Reason</translation>
    </message>
    <message>
      <source>&amp;Void entry</source>
      <translation>&amp;Void entry</translation>
    </message>
    <message>
      <source>The entry stays in the ledger's history, struck out with the reason, and no longer counts in the book. To fix a wrong quantity, item or date use Correct… instead.</source>
      <translation>The entry stays in the ledger's history, struck out with the reason, and no longer counts in the book. To fix a wrong quantity, item or date use Correct… instead.</translation>
    </message>
    <message>
      <source>Void ledger entry</source>
      <translation>Void ledger entry</translation>
    </message>
    <message>
      <source>e.g. entered twice, never delivered</source>
      <translation>e.g. entered twice, never delivered</translation>
    </message>
  </context>
  <context>
    <name>Warnings</name>
    <message>
      <source>Callback</source>
      <translation>Callback</translation>
    </message>
    <message>
      <source>Complaint</source>
      <translation>Complaint</translation>
    </message>
    <message>
      <source>Inspection</source>
      <translation>Inspection</translation>
    </message>
    <message>
      <source>Photo evidence</source>
      <translation>Photo evidence</translation>
    </message>
    <message>
      <source>Rectification order issued</source>
      <translation>Rectification order issued</translation>
    </message>
    <message>
      <source>Suspension proposed</source>
      <translation>Suspension proposed</translation>
    </message>
  </context>
  <context>
    <name>argparse</name>
    <message>
      <source>ambiguous option: %(option)s could match %(matches)s</source>
      <translation>ambiguous option: %(option)s could match %(matches)s</translation>
    </message>
    <message>
      <source>argument %(argument_name)s: %(message)s</source>
      <translation>argument %(argument_name)s: %(message)s</translation>
    </message>
    <message>
      <source>expected at least one argument</source>
      <translation>expected at least one argument</translation>
    </message>
    <message>
      <source>expected at most one argument</source>
      <translation>expected at most one argument</translation>
    </message>
    <message>
      <source>expected one argument</source>
      <translation>expected one argument</translation>
    </message>
    <message>
      <source>ignored explicit argument %r</source>
      <translation>ignored explicit argument %r</translation>
    </message>
    <message>
      <source>invalid %(type)s value: %(value)r</source>
      <translation>invalid %(type)s value: %(value)r</translation>
    </message>
    <message>
      <source>invalid choice: %(value)r (choose from %(choices)s)</source>
      <translation>invalid choice: %(value)r (choose from %(choices)s)</translation>
    </message>
    <message>
      <source>not allowed with argument %s</source>
      <translation>not allowed with argument %s</translation>
    </message>
    <message>
      <source>one of the arguments %s is required</source>
      <translation>one of the arguments %s is required</translation>
    </message>
    <message>
      <source>options</source>
      <translation>options</translation>
    </message>
    <message>
      <source>positional arguments</source>
      <translation>positional arguments</translation>
    </message>
    <message>
      <source>show this help message and exit</source>
      <translation>show this help message and exit</translation>
    </message>
    <message>
      <source>the following arguments are required: %s</source>
      <translation>the following arguments are required: %s</translation>
    </message>
    <message>
      <source>unrecognized arguments: %s</source>
      <translation>unrecognized arguments: %s</translation>
    </message>
    <message>
      <source>usage: </source>
      <translation>usage: </translation>
    </message>
  </context>
  <context>
    <name>backup</name>
    <message>
      <source>Backup file not found: {file}</source>
      <translation>Backup file not found: {file}</translation>
    </message>
    <message>
      <source>Cannot write the backup {file}: {error}</source>
      <translation>Cannot write the backup {file}: {error}</translation>
    </message>
    <message>
      <source>Checking {entry}</source>
      <translation>Checking {entry}</translation>
    </message>
    <message>
      <source>Restore failed ({error}); nothing was replaced.</source>
      <translation>Restore failed ({error}); nothing was replaced.</translation>
    </message>
    <message>
      <source>Restoring {entry}</source>
      <translation>Restoring {entry}</translation>
    </message>
    <message>
      <source>The database is damaged ({problem}); no backup was written. Run 'channeldesk check' and restore an earlier backup.</source>
      <translation>The database is damaged ({problem}); no backup was written. Run 'channeldesk check' and restore an earlier backup.</translation>
    </message>
    <message>
      <source>The disk holding {file} is full; no backup was written. Free some space or choose another place.</source>
      <translation>The disk holding {file} is full; no backup was written. Free some space or choose another place.</translation>
    </message>
    <message>
      <source>database revision {rev} is unknown to this ChannelDesk</source>
      <translation>database revision {rev} is unknown to this ChannelDesk</translation>
    </message>
    <message>
      <source>not an SQLite database</source>
      <translation>not an SQLite database</translation>
    </message>
    <message>
      <source>restore</source>
      <translation>restore</translation>
    </message>
    <message>
      <source>{dir} already holds data; use --force to replace it (the current data is kept as a dated copy).</source>
      <translation>{dir} already holds data; use --force to replace it (the current data is kept as a dated copy).</translation>
    </message>
    <message>
      <source>{file} cannot be restored: the database inside is not usable ({problem}); nothing was changed.</source>
      <translation>{file} cannot be restored: the database inside is not usable ({problem}); nothing was changed.</translation>
    </message>
    <message>
      <source>{file} is damaged or not a backup ({error}); nothing was changed.</source>
      <translation>{file} is damaged or not a backup ({error}); nothing was changed.</translation>
    </message>
    <message>
      <source>{file} is damaged: its manifest has no list of files; nothing was changed.</source>
      <translation>{file} is damaged: its manifest has no list of files; nothing was changed.</translation>
    </message>
    <message>
      <source>{file} is damaged: its manifest lists an invalid entry; nothing was changed.</source>
      <translation>{file} is damaged: its manifest lists an invalid entry; nothing was changed.</translation>
    </message>
    <message>
      <source>{file} is damaged: {entry} does not match its checksum.</source>
      <translation>{file} is damaged: {entry} does not match its checksum.</translation>
    </message>
    <message>
      <source>{file} is damaged: {entry} is missing.</source>
      <translation>{file} is damaged: {entry} is missing.</translation>
    </message>
    <message>
      <source>{file} is not a ChannelDesk backup.</source>
      <translation>{file} is not a ChannelDesk backup.</translation>
    </message>
    <message>
      <source>{file} was made by a newer ChannelDesk (database revision {rev}); update ChannelDesk to restore it.</source>
      <translation>{file} was made by a newer ChannelDesk (database revision {rev}); update ChannelDesk to restore it.</translation>
    </message>
  </context>
  <context>
    <name>checklist</name>
    <message>
      <source>item {key}: a choice needs options</source>
      <translation>item {key}: a choice needs options</translation>
    </message>
    <message>
      <source>item {key}: fail if must be yes or no</source>
      <translation>item {key}: fail if must be yes or no</translation>
    </message>
    <message>
      <source>item {key}: min is above max</source>
      <translation>item {key}: min is above max</translation>
    </message>
    <message>
      <source>item {key}: the key is used twice</source>
      <translation>item {key}: the key is used twice</translation>
    </message>
    <message>
      <source>item {key}: the label is not text</source>
      <translation>item {key}: the label is not text</translation>
    </message>
    <message>
      <source>item {key}: the weight is not a number of 0 or more</source>
      <translation>item {key}: the weight is not a number of 0 or more</translation>
    </message>
    <message>
      <source>item {key}: unknown kind {kind}; use one of {kinds}</source>
      <translation>item {key}: unknown kind {kind}; use one of {kinds}</translation>
    </message>
    <message>
      <source>item {key}: {bound} is not a number</source>
      <translation>item {key}: {bound} is not a number</translation>
    </message>
    <message>
      <source>maximum</source>
      <translation>maximum</translation>
    </message>
    <message>
      <source>minimum</source>
      <translation>minimum</translation>
    </message>
    <message>
      <source>section {n} has no items</source>
      <translation>section {n} has no items</translation>
    </message>
    <message>
      <source>section {n}: an item has no key</source>
      <translation>section {n}: an item has no key</translation>
    </message>
    <message>
      <source>the template has no name (a text of at most 100 characters)</source>
      <translation>the template has no name (a text of at most 100 characters)</translation>
    </message>
    <message>
      <source>the template has no sections</source>
      <translation>the template has no sections</translation>
    </message>
    <message>
      <source>the template is not a JSON object</source>
      <translation>the template is not a JSON object</translation>
    </message>
  </context>
  <context>
    <name>cli</name>
    <message>
      <source>  REVOKED</source>
      <translation>  REVOKED</translation>
    </message>
    <message>
      <source> (dry run, nothing saved)</source>
      <translation> (dry run, nothing saved)</translation>
    </message>
    <message numerus="yes">
      <source>%n call(s)</source>
      <translation>
        <numerusform>%n call</numerusform>
        <numerusform>%n calls</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n change(s) pending</source>
      <translation>
        <numerusform>%n change pending</numerusform>
        <numerusform>%n changes pending</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n complaint(s)</source>
      <translation>
        <numerusform>%n complaint</numerusform>
        <numerusform>%n complaints</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n partner(s)</source>
      <translation>
        <numerusform>%n partner</numerusform>
        <numerusform>%n partners</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n problem(s) found.</source>
      <translation>
        <numerusform>%n problem found.</numerusform>
        <numerusform>%n problems found.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n warning(s)</source>
      <translation>
        <numerusform>%n warning</numerusform>
        <numerusform>%n warnings</numerusform>
      </translation>
    </message>
    <message>
      <source>--limit takes a number of rows, 0 or more (got {value}).</source>
      <translation>--limit takes a number of rows, 0 or more (got {value}).</translation>
    </message>
    <message>
      <source>A {table} record ({row}) refers to a missing {target} record.</source>
      <translation>A {table} record ({row}) refers to a missing {target} record.</translation>
    </message>
    <message>
      <source>Acknowledgement applied.</source>
      <translation>Acknowledgement applied.</translation>
    </message>
    <message>
      <source>Cannot use {dir} for acknowledgements: {error}</source>
      <translation>Cannot use {dir} for acknowledgements: {error}</translation>
    </message>
    <message>
      <source>Cannot write the screenshot {path}: {error}</source>
      <translation>Cannot write the screenshot {path}: {error}</translation>
    </message>
    <message>
      <source>ChannelDesk (渠道巡检台) — field channel management</source>
      <translation>ChannelDesk (渠道巡检台) — field channel management</translation>
    </message>
    <message>
      <source>Complaint is now {status}.</source>
      <translation>Complaint is now {status}.</translation>
    </message>
    <message>
      <source>Daily log {date} ({state})</source>
      <translation>Daily log {date} ({state})</translation>
    </message>
    <message>
      <source>Daily logs {start} – {end}: {closed} of {days} closed</source>
      <translation>Daily logs {start} – {end}: {closed} of {days} closed</translation>
    </message>
    <message>
      <source>Data directory ready: {path}</source>
      <translation>Data directory ready: {path}</translation>
    </message>
    <message>
      <source>Demo data created: {what}</source>
      <translation>Demo data created: {what}</translation>
    </message>
    <message>
      <source>Device ID</source>
      <translation>Device ID</translation>
    </message>
    <message>
      <source>Device {id} revoked.</source>
      <translation>Device {id} revoked.</translation>
    </message>
    <message>
      <source>Give each change as ITEM=VALUE (got {value}).</source>
      <translation>Give each change as ITEM=VALUE (got {value}).</translation>
    </message>
    <message>
      <source>Grade change of {code} to {grade} requested; it goes to HQ with the next sync export.</source>
      <translation>Grade change of {code} to {grade} requested; it goes to HQ with the next sync export.</translation>
    </message>
    <message>
      <source>Grade change request {id}: {status}; partner {code} has grade {grade}; hq publish takes it to the laptops.</source>
      <translation>Grade change request {id}: {status}; partner {code} has grade {grade}; hq publish takes it to the laptops.</translation>
    </message>
    <message>
      <source>HQ bundle applied.</source>
      <translation>HQ bundle applied.</translation>
    </message>
    <message>
      <source>HQ keys in {dir}</source>
      <translation>HQ keys in {dir}</translation>
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
      <source>Key fingerprint</source>
      <translation>Key fingerprint</translation>
    </message>
    <message>
      <source>Last synced: {last}; {pending}</source>
      <translation>Last synced: {last}; {pending}</translation>
    </message>
    <message>
      <source>Log closed and sealed: {hash}</source>
      <translation>Log closed and sealed: {hash}</translation>
    </message>
    <message>
      <source>No grade change requests.</source>
      <translation>No grade change requests.</translation>
    </message>
    <message>
      <source>No problems found.</source>
      <translation>No problems found.</translation>
    </message>
    <message>
      <source>Notes: {text}</source>
      <translation>Notes: {text}</translation>
    </message>
    <message>
      <source>Outcome recorded: {outcome}</source>
      <translation>Outcome recorded: {outcome}</translation>
    </message>
    <message>
      <source>PDF reports</source>
      <translation>PDF reports</translation>
    </message>
    <message>
      <source>Plan for tomorrow: {text}</source>
      <translation>Plan for tomorrow: {text}</translation>
    </message>
    <message>
      <source>Public key</source>
      <translation>Public key</translation>
    </message>
    <message>
      <source>Report written: {path}</source>
      <translation>Report written: {path}</translation>
    </message>
    <message>
      <source>Restored into {dir}.</source>
      <translation>Restored into {dir}.</translation>
    </message>
    <message>
      <source>Rules saved; laptops receive them with their next HQ bundle.</source>
      <translation>Rules saved; laptops receive them with their next HQ bundle.</translation>
    </message>
    <message>
      <source>Template {name} version {version} saved; laptops receive it with their next HQ bundle.</source>
      <translation>Template {name} version {version} saved; laptops receive it with their next HQ bundle.</translation>
    </message>
    <message>
      <source>Territory</source>
      <translation>Territory</translation>
    </message>
    <message>
      <source>The database is at schema revision {current}; this build expects {head}.</source>
      <translation>The database is at schema revision {current}; this build expects {head}.</translation>
    </message>
    <message>
      <source>The database is damaged (integrity check): {detail}</source>
      <translation>The database is damaged (integrity check): {detail}</translation>
    </message>
    <message>
      <source>The photo or file {sha} is missing from the media folder.</source>
      <translation>The photo or file {sha} is missing from the media folder.</translation>
    </message>
    <message>
      <source>The photo or file {sha} no longer matches its hash (changed or damaged).</source>
      <translation>The photo or file {sha} no longer matches its hash (changed or damaged).</translation>
    </message>
    <message>
      <source>The previous data was kept in {dir}.</source>
      <translation>The previous data was kept in {dir}.</translation>
    </message>
    <message>
      <source>Unknown outcome {value}; use one of: {choices}.</source>
      <translation>Unknown outcome {value}; use one of: {choices}.</translation>
    </message>
    <message>
      <source>Unknown status {value}; use one of: {choices}.</source>
      <translation>Unknown status {value}; use one of: {choices}.</translation>
    </message>
    <message>
      <source>User</source>
      <translation>User</translation>
    </message>
    <message>
      <source>Visit amended; score {score}</source>
      <translation>Visit amended; score {score}</translation>
    </message>
    <message>
      <source>Visit submitted; score {score}, content hash {hash}</source>
      <translation>Visit submitted; score {score}, content hash {hash}</translation>
    </message>
    <message>
      <source>Visits: {visits}  Callbacks: {callbacks}/{drawn}  Complaints handled: {complaints}  Rectifications closed: {closed}  New customers: {development}</source>
      <translation>Visits: {visits}  Callbacks: {callbacks}/{drawn}  Complaints handled: {complaints}  Rectifications closed: {closed}  New customers: {development}</translation>
    </message>
    <message>
      <source>a partner's lifecycle events</source>
      <translation>a partner's lifecycle events</translation>
    </message>
    <message>
      <source>actuals from HQ exports</source>
      <translation>actuals from HQ exports</translation>
    </message>
    <message>
      <source>amend a submitted visit (ITEM=VALUE as for answer)</source>
      <translation>amend a submitted visit (ITEM=VALUE as for answer)</translation>
    </message>
    <message>
      <source>amended {at} by {who}: {reason}</source>
      <translation>amended {at} by {who}: {reason}</translation>
    </message>
    <message>
      <source>answer one checklist item</source>
      <translation>answer one checklist item</translation>
    </message>
    <message>
      <source>approved</source>
      <translation>approved</translation>
    </message>
    <message>
      <source>ask HQ to change a partner's grade (HQ owns grades)</source>
      <translation>ask HQ to change a partner's grade (HQ owns grades)</translation>
    </message>
    <message>
      <source>attach photos to a draft visit</source>
      <translation>attach photos to a draft visit</translation>
    </message>
    <message>
      <source>blobs</source>
      <translation>blobs</translation>
    </message>
    <message>
      <source>bundles to and from HQ</source>
      <translation>bundles to and from HQ</translation>
    </message>
    <message>
      <source>bundles {bundles}</source>
      <translation>bundles {bundles}</translation>
    </message>
    <message>
      <source>checklist templates HQ publishes</source>
      <translation>checklist templates HQ publishes</translation>
    </message>
    <message>
      <source>closed</source>
      <translation>closed</translation>
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
      <source>customer complaints and their handling</source>
      <translation>customer complaints and their handling</translation>
    </message>
    <message>
      <source>daily customer callbacks</source>
      <translation>daily customer callbacks</translation>
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
      <source>device {id}</source>
      <translation>device {id}</translation>
    </message>
    <message>
      <source>draw the day's callback sample</source>
      <translation>draw the day's callback sample</translation>
    </message>
    <message>
      <source>export partners to CSV or XLSX</source>
      <translation>export partners to CSV or XLSX</translation>
    </message>
    <message>
      <source>fill an empty data dir with demo data</source>
      <translation>fill an empty data dir with demo data</translation>
    </message>
    <message>
      <source>fill an empty data dir with realistic demo data</source>
      <translation>fill an empty data dir with realistic demo data</translation>
    </message>
    <message>
      <source>grade change requests from the laptops: list, approve, refuse</source>
      <translation>grade change requests from the laptops: list, approve, refuse</translation>
    </message>
    <message>
      <source>headquarters commands</source>
      <translation>headquarters commands</translation>
    </message>
    <message>
      <source>import development records from CSV or XLSX</source>
      <translation>import development records from CSV or XLSX</translation>
    </message>
    <message>
      <source>import partners from CSV or XLSX</source>
      <translation>import partners from CSV or XLSX</translation>
    </message>
    <message>
      <source>invoices and payments from the ERP</source>
      <translation>invoices and payments from the ERP</translation>
    </message>
    <message>
      <source>language of messages</source>
      <translation>language of messages</translation>
    </message>
    <message>
      <source>last_seq {seq}</source>
      <translation>last_seq {seq}</translation>
    </message>
    <message>
      <source>list partners</source>
      <translation>list partners</translation>
    </message>
    <message>
      <source>list rectification orders</source>
      <translation>list rectification orders</translation>
    </message>
    <message>
      <source>list visits</source>
      <translation>list visits</translation>
    </message>
    <message>
      <source>look up the sealed visit of a printed report's content hash</source>
      <translation>look up the sealed visit of a printed report's content hash</translation>
    </message>
    <message>
      <source>never</source>
      <translation>never</translation>
    </message>
    <message>
      <source>open</source>
      <translation>open</translation>
    </message>
    <message>
      <source>partner files</source>
      <translation>partner files</translation>
    </message>
    <message>
      <source>record a callback's outcome</source>
      <translation>record a callback's outcome</translation>
    </message>
    <message>
      <source>record a lifecycle event (开停并转): the only way a partner's status changes</source>
      <translation>record a lifecycle event (开停并转): the only way a partner's status changes</translation>
    </message>
    <message>
      <source>rectification orders</source>
      <translation>rectification orders</translation>
    </message>
    <message>
      <source>refused</source>
      <translation>refused</translation>
    </message>
    <message>
      <source>resolution overdue</source>
      <translation>resolution overdue</translation>
    </message>
    <message>
      <source>response overdue</source>
      <translation>response overdue</translation>
    </message>
    <message>
      <source>restore a verified backup</source>
      <translation>restore a verified backup</translation>
    </message>
    <message>
      <source>save the loaded main window as PNG and exit</source>
      <translation>save the loaded main window as PNG and exit</translation>
    </message>
    <message>
      <source>score {score}</source>
      <translation>score {score}</translation>
    </message>
    <message>
      <source>seal a visit</source>
      <translation>seal a visit</translation>
    </message>
    <message>
      <source>show one visit</source>
      <translation>show one visit</translation>
    </message>
    <message>
      <source>start a draft visit (checked in now)</source>
      <translation>start a draft visit (checked in now)</translation>
    </message>
    <message>
      <source>start the desktop application</source>
      <translation>start the desktop application</translation>
    </message>
    <message>
      <source>started {at}</source>
      <translation>started {at}</translation>
    </message>
    <message>
      <source>store inspections</source>
      <translation>store inspections</translation>
    </message>
    <message>
      <source>targets and progress</source>
      <translation>targets and progress</translation>
    </message>
    <message>
      <source>the HQ console</source>
      <translation>the HQ console</translation>
    </message>
    <message>
      <source>the changes after the newest bundle, before HQ has acknowledged it (the next part of a large backlog)</source>
      <translation>the changes after the newest bundle, before HQ has acknowledged it (the next part of a large backlog)</translation>
    </message>
    <message>
      <source>the channels' development records</source>
      <translation>the channels' development records</translation>
    </message>
    <message>
      <source>the channels' development records, published to the laptops</source>
      <translation>the channels' development records, published to the laptops</translation>
    </message>
    <message>
      <source>the company's targets HQ publishes</source>
      <translation>the company's targets HQ publishes</translation>
    </message>
    <message>
      <source>the day's call list</source>
      <translation>the day's call list</translation>
    </message>
    <message>
      <source>the duties' rules HQ publishes (retention, callbacks, escalation, complaint times)</source>
      <translation>the duties' rules HQ publishes (retention, callbacks, escalation, complaint times)</translation>
    </message>
    <message>
      <source>the file could not be saved</source>
      <translation>the file could not be saved</translation>
    </message>
    <message>
      <source>the manager's daily log</source>
      <translation>the manager's daily log</translation>
    </message>
    <message>
      <source>the roll-up of a month (YYYY-MM)</source>
      <translation>the roll-up of a month (YYYY-MM)</translation>
    </message>
    <message>
      <source>the roll-up of a week (YYYY-Www)</source>
      <translation>the roll-up of a week (YYYY-Www)</translation>
    </message>
    <message>
      <source>this laptop's grade change requests and HQ's decisions</source>
      <translation>this laptop's grade change requests and HQ's decisions</translation>
    </message>
    <message>
      <source>verify the database and every media file</source>
      <translation>verify the database and every media file</translation>
    </message>
    <message>
      <source>visit-frequency compliance</source>
      <translation>visit-frequency compliance</translation>
    </message>
    <message>
      <source>visits received from every device</source>
      <translation>visits received from every device</translation>
    </message>
    <message>
      <source>waiting for HQ</source>
      <translation>waiting for HQ</translation>
    </message>
    <message>
      <source>warnings raised on partners</source>
      <translation>warnings raised on partners</translation>
    </message>
    <message>
      <source>write a consistent backup</source>
      <translation>write a consistent backup</translation>
    </message>
    <message>
      <source>{bytes} bytes</source>
      <translation>{bytes} bytes</translation>
    </message>
    <message>
      <source>{code}: {event} recorded, status {before} → {after}</source>
      <translation>{code}: {event} recorded, status {before} → {after}</translation>
    </message>
    <message>
      <source>{count} partners written to {file}</source>
      <translation>{count} partners written to {file}</translation>
    </message>
    <message>
      <source>{dir} is a file, not a folder for acknowledgements.</source>
      <translation>{dir} is a file, not a folder for acknowledgements.</translation>
    </message>
    <message>
      <source>{drawn} of {population} records drawn for {date}</source>
      <translation>{drawn} of {population} records drawn for {date}</translation>
    </message>
    <message>
      <source>{entity} {id}, {field}: kept {kept}, lost {lost}</source>
      <translation>{entity} {id}, {field}: kept {kept}, lost {lost}</translation>
    </message>
    <message>
      <source>{prog}: error: {message} (see --help)</source>
      <translation>{prog}: error: {message} (see --help)</translation>
    </message>
    <message>
      <source>{rows} rows: {created} created, {skipped} skipped (already imported)</source>
      <translation>{rows} rows: {created} created, {skipped} skipped (already imported)</translation>
    </message>
    <message>
      <source>{rows} rows: {created} created, {updated} updated, {unchanged} unchanged</source>
      <translation>{rows} rows: {created} created, {updated} updated, {unchanged} unchanged</translation>
    </message>
    <message>
      <source>{rows} rows: {created} created, {updated} updated, {unchanged} unchanged, {skipped} skipped{dry}</source>
      <translation>{rows} rows: {created} created, {updated} updated, {unchanged} unchanged, {skipped} skipped{dry}</translation>
    </message>
  </context>
  <context>
    <name>complaints</name>
    <message>
      <source>Describe the complaint.</source>
      <translation>Describe the complaint.</translation>
    </message>
    <message>
      <source>No complaint {id}.</source>
      <translation>No complaint {id}.</translation>
    </message>
    <message>
      <source>No partner with code {code}.</source>
      <translation>No partner with code {code}.</translation>
    </message>
    <message>
      <source>Satisfaction is a score from 1 to 5 (got {value}).</source>
      <translation>Satisfaction is a score from 1 to 5 (got {value}).</translation>
    </message>
    <message>
      <source>Satisfaction is asked once the complaint is resolved.</source>
      <translation>Satisfaction is asked once the complaint is resolved.</translation>
    </message>
    <message>
      <source>This complaint is {current}; it can only move forward (not to {target}).</source>
      <translation>This complaint is {current}; it can only move forward (not to {target}).</translation>
    </message>
    <message>
      <source>Unknown status {value}; use one of: {choices}.</source>
      <translation>Unknown status {value}; use one of: {choices}.</translation>
    </message>
  </context>
  <context>
    <name>demo</name>
    <message numerus="yes">
      <source>%n partner(s)</source>
      <translation>
        <numerusform>%n partner</numerusform>
        <numerusform>%n partners</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n visit(s)</source>
      <translation>
        <numerusform>%n visit</numerusform>
        <numerusform>%n visits</numerusform>
      </translation>
    </message>
    <message>
      <source>, </source>
      <translation>, </translation>
    </message>
    <message>
      <source>Creating partners…</source>
      <translation>Creating partners…</translation>
    </message>
    <message>
      <source>Creating targets and receivables…</source>
      <translation>Creating targets and receivables…</translation>
    </message>
    <message>
      <source>Creating visits…</source>
      <translation>Creating visits…</translation>
    </message>
    <message>
      <source>Give between 0 and 60 months.</source>
      <translation>Give between 0 and 60 months.</translation>
    </message>
    <message>
      <source>Give between 1 and 1 000 000 partners.</source>
      <translation>Give between 1 and 1 000 000 partners.</translation>
    </message>
    <message>
      <source>This data directory already holds partners or visits; demo data only goes into an empty one.</source>
      <translation>This data directory already holds partners or visits; demo data only goes into an empty one.</translation>
    </message>
  </context>
  <context>
    <name>duties</name>
    <message>
      <source>(purged)</source>
      <translation>(purged)</translation>
    </message>
    <message>
      <source>Callback of the record of {day} ({kind}, {product})</source>
      <translation>Callback of the record of {day} ({kind}, {product})</translation>
    </message>
    <message>
      <source>Callbacks found {count} problems within {days} days; rectify and report.</source>
      <translation>Callbacks found {count} problems within {days} days; rectify and report.</translation>
    </message>
    <message>
      <source>Give the date as YYYY-MM-DD, e.g. 2026-03-05 (got {value}).</source>
      <translation>Give the date as YYYY-MM-DD, e.g. 2026-03-05 (got {value}).</translation>
    </message>
    <message>
      <source>Give the month as YYYY-MM, e.g. 2026-03 (got {value}).</source>
      <translation>Give the month as YYYY-MM, e.g. 2026-03 (got {value}).</translation>
    </message>
    <message>
      <source>Give the week as YYYY-Www, e.g. 2026-W10 (got {value}).</source>
      <translation>Give the week as YYYY-Www, e.g. 2026-W10 (got {value}).</translation>
    </message>
    <message>
      <source>No callback {id}.</source>
      <translation>No callback {id}.</translation>
    </message>
    <message>
      <source>No partner with code {code}.</source>
      <translation>No partner with code {code}.</translation>
    </message>
    <message>
      <source>The log of {date} cannot be closed before the day.</source>
      <translation>The log of {date} cannot be closed before the day.</translation>
    </message>
    <message>
      <source>The log of {date} is closed; it cannot be changed.</source>
      <translation>The log of {date} is closed; it cannot be changed.</translation>
    </message>
    <message>
      <source>Unknown outcome {value}; use one of: {choices}.</source>
      <translation>Unknown outcome {value}; use one of: {choices}.</translation>
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
      <source>Cannot read the {name} {path}: {error}</source>
      <translation>Cannot read the {name} {path}: {error}</translation>
    </message>
    <message>
      <source>Cannot write the {name} {path}: {error}</source>
      <translation>Cannot write the {name} {path}: {error}</translation>
    </message>
    <message>
      <source>Cannot write to the data directory {path}: {error}</source>
      <translation>Cannot write to the data directory {path}: {error}</translation>
    </message>
    <message>
      <source>Cannot write to {path} (the disk is full, read-only or failing). Nothing was changed.</source>
      <translation>Cannot write to {path} (the disk is full, read-only or failing). Nothing was changed.</translation>
    </message>
    <message>
      <source>Cannot write {path}: {error}</source>
      <translation>Cannot write {path}: {error}</translation>
    </message>
    <message>
      <source>Cannot {action}: the data directory {path} is in use by {who}. Close it and try again; nothing was changed.</source>
      <translation>Cannot {action}: the data directory {path} is in use by {who}. Close it and try again; nothing was changed.</translation>
    </message>
    <message>
      <source>The data directory {path} is in use by {who}, which needs it alone right now. Try again when it has finished; nothing was changed.</source>
      <translation>The data directory {path} is in use by {who}, which needs it alone right now. Try again when it has finished; nothing was changed.</translation>
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
      <source>The database is busy: another program kept it locked for more than {seconds} seconds. Nothing was changed; try again when it has finished.</source>
      <translation>The database is busy: another program kept it locked for more than {seconds} seconds. Nothing was changed; try again when it has finished.</translation>
    </message>
    <message>
      <source>The database {path} is missing or empty, but this data directory holds data (the device key or photos). Nothing was changed; restore a backup with 'channeldesk restore FILE --force'.</source>
      <translation>The database {path} is missing or empty, but this data directory holds data (the device key or photos). Nothing was changed; restore a backup with 'channeldesk restore FILE --force'.</translation>
    </message>
    <message>
      <source>The device key {path} is missing: {error}</source>
      <translation>The device key {path} is missing: {error}</translation>
    </message>
    <message>
      <source>The disk holding {path} is full. Free some space and try again; nothing was changed.</source>
      <translation>The disk holding {path} is full. Free some space and try again; nothing was changed.</translation>
    </message>
    <message>
      <source>The {name} {path} is damaged.</source>
      <translation>The {name} {path} is damaged.</translation>
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
      <source>another ChannelDesk process</source>
      <translation>another ChannelDesk process</translation>
    </message>
    <message>
      <source>device encryption key</source>
      <translation>device encryption key</translation>
    </message>
    <message>
      <source>initialise it again</source>
      <translation>initialise it again</translation>
    </message>
    <message>
      <source>it has no {key}</source>
      <translation>it has no {key}</translation>
    </message>
    <message>
      <source>it is not JSON</source>
      <translation>it is not JSON</translation>
    </message>
    <message>
      <source>pid {pid}: {command}</source>
      <translation>pid {pid}: {command}</translation>
    </message>
    <message>
      <source>record key</source>
      <translation>record key</translation>
    </message>
    <message>
      <source>upgrade the database</source>
      <translation>upgrade the database</translation>
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
  <context>
    <name>evidence</name>
    <message>
      <source>No photo {sha} in this visit.</source>
      <translation>No photo {sha} in this visit.</translation>
    </message>
    <message>
      <source>Taken {distance} from the centre of the partner's district (the partner has no coordinates).</source>
      <translation>Taken {distance} from the centre of the partner's district (the partner has no coordinates).</translation>
    </message>
    <message>
      <source>Taken {distance} from the partner's location (limit {limit} m).</source>
      <translation>Taken {distance} from the partner's location (limit {limit} m).</translation>
    </message>
    <message>
      <source>Taken {taken}, after the visit was submitted.</source>
      <translation>Taken {taken}, after the visit was submitted.</translation>
    </message>
    <message>
      <source>Taken {taken}, more than {hours} h before check-in.</source>
      <translation>Taken {taken}, more than {hours} h before check-in.</translation>
    </message>
    <message>
      <source>The explanation is too long (at most {max} characters).</source>
      <translation>The explanation is too long (at most {max} characters).</translation>
    </message>
    <message>
      <source>The photo carries no capture time and no GPS position.</source>
      <translation>The photo carries no capture time and no GPS position.</translation>
    </message>
    <message numerus="yes">
      <source>The same photo is in %n other visit(s).</source>
      <translation>
        <numerusform>The same photo is in %n other visit.</numerusform>
        <numerusform>The same photo is in %n other visits.</numerusform>
      </translation>
    </message>
    <message>
      <source>Visit {id} is sealed; explain photo warnings before submitting.</source>
      <translation>Visit {id} is sealed; explain photo warnings before submitting.</translation>
    </message>
    <message>
      <source>explained: {text}</source>
      <translation>explained: {text}</translation>
    </message>
    <message>
      <source>{km} km</source>
      <translation>{km} km</translation>
    </message>
    <message>
      <source>{m} m</source>
      <translation>{m} m</translation>
    </message>
  </context>
  <context>
    <name>formats</name>
    <message>
      <source>10k yuan</source>
      <translation>10k yuan</translation>
    </message>
  </context>
  <context>
    <name>hq</name>
    <message>
      <source>A content hash is 64 hexadecimal characters (got {value}).</source>
      <translation>A content hash is 64 hexadecimal characters (got {value}).</translation>
    </message>
    <message>
      <source>Another partner already has the code {code}.</source>
      <translation>Another partner already has the code {code}.</translation>
    </message>
    <message>
      <source>Cannot lock {file} for the ingest: {error}</source>
      <translation>Cannot lock {file} for the ingest: {error}</translation>
    </message>
    <message>
      <source>Cannot open the HQ database {url}: {error}</source>
      <translation>Cannot open the HQ database {url}: {error}</translation>
    </message>
    <message>
      <source>Cannot read {file}: {error}</source>
      <translation>Cannot read {file}: {error}</translation>
    </message>
    <message>
      <source>Device {id} has an unusable encryption key; register its current key file again.</source>
      <translation>Device {id} has an unusable encryption key; register its current key file again.</translation>
    </message>
    <message>
      <source>Device {id} has no encryption key registered (its key file comes from an older ChannelDesk): no development records were published to it. Export its key file again (device export-key) and register it.</source>
      <translation>Device {id} has no encryption key registered (its key file comes from an older ChannelDesk): no development records were published to it. Export its key file again (device export-key) and register it.</translation>
    </message>
    <message>
      <source>Device {id} is already registered with another key.</source>
      <translation>Device {id} is already registered with another key.</translation>
    </message>
    <message>
      <source>Give the week as YYYY-Www, e.g. 2026-W09 (got {value}).</source>
      <translation>Give the week as YYYY-Www, e.g. 2026-W09 (got {value}).</translation>
    </message>
    <message>
      <source>HQ holds no partner {id}.</source>
      <translation>HQ holds no partner {id}.</translation>
    </message>
    <message>
      <source>HQ holds no sealed visit with content hash {hash}: the paper is not an unaltered ChannelDesk report.</source>
      <translation>HQ holds no sealed visit with content hash {hash}: the paper is not an unaltered ChannelDesk report.</translation>
    </message>
    <message>
      <source>HQ keys not found in {dir}; run 'channeldesk hq init' first.</source>
      <translation>HQ keys not found in {dir}; run 'channeldesk hq init' first.</translation>
    </message>
    <message>
      <source>HQ's record key {path} does not open the stored development records; restore the key file that imported them.</source>
      <translation>HQ's record key {path} does not open the stored development records; restore the key file that imported them.</translation>
    </message>
    <message>
      <source>No active device is registered: register a laptop's key file first.</source>
      <translation>No active device is registered: register a laptop's key file first.</translation>
    </message>
    <message>
      <source>No grade change request {id}.</source>
      <translation>No grade change request {id}.</translation>
    </message>
    <message>
      <source>Say why the grade change is refused (--note).</source>
      <translation>Say why the grade change is refused (--note).</translation>
    </message>
    <message>
      <source>The HQ database {file} does not exist; check --db, or run 'channeldesk hq init' to create it.</source>
      <translation>The HQ database {file} does not exist; check --db, or run 'channeldesk hq init' to create it.</translation>
    </message>
    <message>
      <source>The checklist template cannot be published: {problems}.</source>
      <translation>The checklist template cannot be published: {problems}.</translation>
    </message>
    <message>
      <source>The grade change request {id} was already decided ({status}).</source>
      <translation>The grade change request {id} was already decided ({status}).</translation>
    </message>
    <message>
      <source>The partner of grade change request {id} is not at HQ.</source>
      <translation>The partner of grade change request {id} is not at HQ.</translation>
    </message>
    <message>
      <source>This HQ database is not initialised; run 'channeldesk hq init'.</source>
      <translation>This HQ database is not initialised; run 'channeldesk hq init'.</translation>
    </message>
    <message>
      <source>Unknown device {id}.</source>
      <translation>Unknown device {id}.</translation>
    </message>
    <message>
      <source>Unknown region code {code}.</source>
      <translation>Unknown region code {code}.</translation>
    </message>
    <message>
      <source>Unknown rule {item}; use KEY=NUMBER with one of: {keys}.</source>
      <translation>Unknown rule {item}; use KEY=NUMBER with one of: {keys}.</translation>
    </message>
    <message>
      <source>device_id is not a UUID</source>
      <translation>device_id is not a UUID</translation>
    </message>
    <message>
      <source>give the ERP reference (at most 60 characters)</source>
      <translation>give the ERP reference (at most 60 characters)</translation>
    </message>
    <message>
      <source>give the date as YYYY-MM-DD (got {value})</source>
      <translation>give the date as YYYY-MM-DD (got {value})</translation>
    </message>
    <message>
      <source>it is not JSON text</source>
      <translation>it is not JSON text</translation>
    </message>
    <message>
      <source>it is not a JSON object</source>
      <translation>it is not a JSON object</translation>
    </message>
    <message>
      <source>kind must be invoice or payment (got {value})</source>
      <translation>kind must be invoice or payment (got {value})</translation>
    </message>
    <message>
      <source>not a positive amount in yuan with at most 2 decimals: {value}</source>
      <translation>not a positive amount in yuan with at most 2 decimals: {value}</translation>
    </message>
    <message>
      <source>public_key is not base64</source>
      <translation>public_key is not base64</translation>
    </message>
    <message>
      <source>territory is not a list of region codes</source>
      <translation>territory is not a list of region codes</translation>
    </message>
    <message>
      <source>the file does not hold a JSON object</source>
      <translation>the file does not hold a JSON object</translation>
    </message>
    <message>
      <source>the minimum for grade {grade} is not a whole number from 0 to 31</source>
      <translation>the minimum for grade {grade} is not a whole number from 0 to 31</translation>
    </message>
    <message>
      <source>the public key must be 32 bytes, not {count}</source>
      <translation>the public key must be 32 bytes, not {count}</translation>
    </message>
    <message>
      <source>the weekly number of channels is not a whole number from 0 to 50</source>
      <translation>the weekly number of channels is not a whole number from 0 to 50</translation>
    </message>
    <message>
      <source>user is not a text of at most 100 characters</source>
      <translation>user is not a text of at most 100 characters</translation>
    </message>
    <message>
      <source>x25519_public_key is not base64</source>
      <translation>x25519_public_key is not base64</translation>
    </message>
    <message>
      <source>x25519_public_key must be 32 bytes of base64</source>
      <translation>x25519_public_key must be 32 bytes of base64</translation>
    </message>
    <message>
      <source>{file} is not a checklist template: it is not JSON text.</source>
      <translation>{file} is not a checklist template: it is not JSON text.</translation>
    </message>
    <message>
      <source>{file} is not a device public-key file: {reason}</source>
      <translation>{file} is not a device public-key file: {reason}</translation>
    </message>
    <message>
      <source>{file} is not a valid checklist template: {problems}.</source>
      <translation>{file} is not a valid checklist template: {problems}.</translation>
    </message>
    <message>
      <source>{file} is too large for a checklist template (at most 5 MB).</source>
      <translation>{file} is too large for a checklist template (at most 5 MB).</translation>
    </message>
    <message>
      <source>{folder} is not a folder.</source>
      <translation>{folder} is not a folder.</translation>
    </message>
    <message>
      <source>{key} is missing</source>
      <translation>{key} is missing</translation>
    </message>
    <message>
      <source>{key} takes a positive number (got {value}).</source>
      <translation>{key} takes a positive number (got {value}).</translation>
    </message>
  </context>
  <context>
    <name>import</name>
    <message>
      <source>Cannot read {file}: {error}</source>
      <translation>Cannot read {file}: {error}</translation>
    </message>
    <message>
      <source>Cannot write {file}: {error}</source>
      <translation>Cannot write {file}: {error}</translation>
    </message>
    <message>
      <source>Checking rows…</source>
      <translation>Checking rows…</translation>
    </message>
    <message>
      <source>File not found: {file}</source>
      <translation>File not found: {file}</translation>
    </message>
    <message>
      <source>Importing row {row}…</source>
      <translation>Importing row {row}…</translation>
    </message>
    <message>
      <source>Importing…</source>
      <translation>Importing…</translation>
    </message>
    <message>
      <source>Partners</source>
      <translation>Partners</translation>
    </message>
    <message>
      <source>an import cannot change the status ({current} → {wanted}); use the lifecycle action: partners lifecycle {code} EVENT --reason TEXT, or Lifecycle… in the partner screen</source>
      <translation>an import cannot change the status ({current} → {wanted}); use the lifecycle action: partners lifecycle {code} EVENT --reason TEXT, or Lifecycle… in the partner screen</translation>
    </message>
    <message>
      <source>duplicate code {code} (also in row {first})</source>
      <translation>duplicate code {code} (also in row {first})</translation>
    </message>
    <message>
      <source>imported</source>
      <translation>imported</translation>
    </message>
    <message>
      <source>missing</source>
      <translation>missing</translation>
    </message>
    <message>
      <source>must be one of {choices} (got {value})</source>
      <translation>must be one of {choices} (got {value})</translation>
    </message>
    <message>
      <source>not a date (YYYY-MM-DD): {value}</source>
      <translation>not a date (YYYY-MM-DD): {value}</translation>
    </message>
    <message>
      <source>not a phone number</source>
      <translation>not a phone number</translation>
    </message>
    <message>
      <source>not an amount: {value}</source>
      <translation>not an amount: {value}</translation>
    </message>
    <message>
      <source>row {row}, column {column}: {message}</source>
      <translation>row {row}, column {column}: {message}</translation>
    </message>
    <message>
      <source>set by HQ for a partner HQ has published (now {current}); only HQ changes it</source>
      <translation>set by HQ for a partner HQ has published (now {current}); only HQ changes it</translation>
    </message>
    <message>
      <source>the partner {code} was deleted; it cannot be imported again</source>
      <translation>the partner {code} was deleted; it cannot be imported again</translation>
    </message>
    <message>
      <source>unknown partner code {code}</source>
      <translation>unknown partner code {code}</translation>
    </message>
    <message>
      <source>unknown status {value}; use one of {allowed}</source>
      <translation>unknown status {value}; use one of {allowed}</translation>
    </message>
    <message>
      <source>unknown type {value}; use one of {allowed}</source>
      <translation>unknown type {value}; use one of {allowed}</translation>
    </message>
    <message>
      <source>{file} is a folder, not a file.</source>
      <translation>{file} is a folder, not a file.</translation>
    </message>
    <message>
      <source>{file} is larger than {limit} MB (limit: file size).</source>
      <translation>{file} is larger than {limit} MB (limit: file size).</translation>
    </message>
    <message>
      <source>{file} is not a regular file (a device, pipe or socket); give a saved CSV or XLSX file.</source>
      <translation>{file} is not a regular file (a device, pipe or socket); give a saved CSV or XLSX file.</translation>
    </message>
    <message numerus="yes">
      <source>{file}: %n problem(s) found; nothing was imported.</source>
      <translation>
        <numerusform>{file}: %n problem found; nothing was imported.</numerusform>
        <numerusform>{file}: %n problems found; nothing was imported.</numerusform>
      </translation>
    </message>
    <message>
      <source>{file}: line {line} holds more than {limit} characters (limit: cell length).</source>
      <translation>{file}: line {line} holds more than {limit} characters (limit: cell length).</translation>
    </message>
    <message>
      <source>{file}: malformed CSV ({error}).</source>
      <translation>{file}: malformed CSV ({error}).</translation>
    </message>
    <message>
      <source>{file}: missing required column(s): {columns}.</source>
      <translation>{file}: missing required column(s): {columns}.</translation>
    </message>
    <message>
      <source>{file}: more than {limit} rows (limit: rows); split the file.</source>
      <translation>{file}: more than {limit} rows (limit: rows); split the file.</translation>
    </message>
    <message>
      <source>{file}: not a readable XLSX workbook (damaged, or not a workbook).</source>
      <translation>{file}: not a readable XLSX workbook (damaged, or not a workbook).</translation>
    </message>
    <message>
      <source>{file}: one row of the sheet holds more than {limit} MB of text (limit: cell length).</source>
      <translation>{file}: one row of the sheet holds more than {limit} MB of text (limit: cell length).</translation>
    </message>
    <message>
      <source>{file}: row {row} has a value in column {column}, beyond the limit of {limit} columns (limit: columns).</source>
      <translation>{file}: row {row} has a value in column {column}, beyond the limit of {limit} columns (limit: columns).</translation>
    </message>
    <message>
      <source>{file}: row {row} holds a cell of more than {limit} characters (limit: cell length).</source>
      <translation>{file}: row {row} holds a cell of more than {limit} characters (limit: cell length).</translation>
    </message>
    <message>
      <source>{file}: the cell {cell} holds {length} characters, more than {limit} (limit: cell length).</source>
      <translation>{file}: the cell {cell} holds {length} characters, more than {limit} (limit: cell length).</translation>
    </message>
    <message>
      <source>{file}: the file is empty (no header row).</source>
      <translation>{file}: the file is empty (no header row).</translation>
    </message>
    <message>
      <source>{file}: the text encoding is neither UTF-8 nor GBK.</source>
      <translation>{file}: the text encoding is neither UTF-8 nor GBK.</translation>
    </message>
    <message>
      <source>{file}: the workbook unpacks to more than {limit} MB (limit: uncompressed size).</source>
      <translation>{file}: the workbook unpacks to more than {limit} MB (limit: uncompressed size).</translation>
    </message>
    <message>
      <source>{file}: this is not a text CSV file.</source>
      <translation>{file}: this is not a text CSV file.</translation>
    </message>
    <message>
      <source>{file}: unsupported file type; use .csv or .xlsx.</source>
      <translation>{file}: unsupported file type; use .csv or .xlsx.</translation>
    </message>
  </context>
  <context>
    <name>materials</name>
    <message>
      <source>After this change {partner} would have returned {excess} × {item} more than were issued; correct or void the return first.</source>
      <translation>After this change {partner} would have returned {excess} × {item} more than were issued; correct or void the return first.</translation>
    </message>
    <message>
      <source>Give the reason for the change (e.g. wrong quantity, entered twice).</source>
      <translation>Give the reason for the change (e.g. wrong quantity, entered twice).</translation>
    </message>
    <message>
      <source>Nothing to correct: the entry is unchanged.</source>
      <translation>Nothing to correct: the entry is unchanged.</translation>
    </message>
    <message>
      <source>The entry date {date} lies in the future.</source>
      <translation>The entry date {date} lies in the future.</translation>
    </message>
    <message>
      <source>The ledger entry no longer exists.</source>
      <translation>The ledger entry no longer exists.</translation>
    </message>
    <message>
      <source>The quantity must be a whole number from 1 to {max} (got {value}).</source>
      <translation>The quantity must be a whole number from 1 to {max} (got {value}).</translation>
    </message>
    <message>
      <source>The reason is too long (at most {max} characters).</source>
      <translation>The reason is too long (at most {max} characters).</translation>
    </message>
    <message>
      <source>This ledger entry was already voided ({reason}).</source>
      <translation>This ledger entry was already voided ({reason}).</translation>
    </message>
    <message>
      <source>Unknown ledger entry kind {kind}; use issued, installed or returned.</source>
      <translation>Unknown ledger entry kind {kind}; use issued, installed or returned.</translation>
    </message>
    <message>
      <source>{partner} holds {held} × {item} on the book; {qty} cannot be returned.</source>
      <translation>{partner} holds {held} × {item} on the book; {qty} cannot be returned.</translation>
    </message>
  </context>
  <context>
    <name>media</name>
    <message>
      <source>Cannot read {file}: {error}</source>
      <translation>Cannot read {file}: {error}</translation>
    </message>
    <message>
      <source>Cannot store {file}: {error}</source>
      <translation>Cannot store {file}: {error}</translation>
    </message>
    <message>
      <source>{file} is damaged or truncated ({error}).</source>
      <translation>{file} is damaged or truncated ({error}).</translation>
    </message>
    <message>
      <source>{file} is larger than {limit} MB; photos must be smaller.</source>
      <translation>{file} is larger than {limit} MB; photos must be smaller.</translation>
    </message>
    <message>
      <source>{file} is not an image ChannelDesk can read.</source>
      <translation>{file} is not an image ChannelDesk can read.</translation>
    </message>
    <message>
      <source>{file} is too large an image (more than {limit} million pixels). Take or save it smaller.</source>
      <translation>{file} is too large an image (more than {limit} million pixels). Take or save it smaller.</translation>
    </message>
    <message>
      <source>{file} is too large an image ({width} x {height} pixels; at most {limit} million). Take or save it smaller.</source>
      <translation>{file} is too large an image ({width} x {height} pixels; at most {limit} million). Take or save it smaller.</translation>
    </message>
  </context>
  <context>
    <name>partners</name>
    <message>
      <source>A grade change of partner {code} already waits for HQ's decision.</source>
      <translation>A grade change of partner {code} already waits for HQ's decision.</translation>
    </message>
    <message>
      <source>A new partner starts as a prospect or active; record other statuses as lifecycle events (开停并转).</source>
      <translation>A new partner starts as a prospect or active; record other statuses as lifecycle events (开停并转).</translation>
    </message>
    <message>
      <source>A partner cannot be merged into itself.</source>
      <translation>A partner cannot be merged into itself.</translation>
    </message>
    <message>
      <source>A partner with status {status} cannot be given the event {kind}.</source>
      <translation>A partner with status {status} cannot be given the event {kind}.</translation>
    </message>
    <message>
      <source>A reason is required for every lifecycle change.</source>
      <translation>A reason is required for every lifecycle change.</translation>
    </message>
    <message>
      <source>Another partner already has the code {code}.</source>
      <translation>Another partner already has the code {code}.</translation>
    </message>
    <message>
      <source>Choose the partner this one is merged into (--survivor CODE).</source>
      <translation>Choose the partner this one is merged into (--survivor CODE).</translation>
    </message>
    <message>
      <source>Describe the complaint.</source>
      <translation>Describe the complaint.</translation>
    </message>
    <message>
      <source>File not found: {file}</source>
      <translation>File not found: {file}</translation>
    </message>
    <message>
      <source>Give the new manager or territory for a transfer (--to-manager NAME).</source>
      <translation>Give the new manager or territory for a transfer (--to-manager NAME).</translation>
    </message>
    <message>
      <source>Give the reason for the grade change.</source>
      <translation>Give the reason for the grade change.</translation>
    </message>
    <message>
      <source>HQ sets the grade and credit limit of partner {code}; they cannot be changed on this laptop.</source>
      <translation>HQ sets the grade and credit limit of partner {code}; they cannot be changed on this laptop.</translation>
    </message>
    <message>
      <source>Name the product line.</source>
      <translation>Name the product line.</translation>
    </message>
    <message>
      <source>No partner with code or id {key}.</source>
      <translation>No partner with code or id {key}.</translation>
    </message>
    <message>
      <source>Partner {code} already has grade {grade}.</source>
      <translation>Partner {code} already has grade {grade}.</translation>
    </message>
    <message>
      <source>Please correct: {problems}</source>
      <translation>Please correct: {problems}</translation>
    </message>
    <message>
      <source>The code of partner {code} cannot be changed on this laptop; a code change is made at HQ.</source>
      <translation>The code of partner {code} cannot be changed on this laptop; a code change is made at HQ.</translation>
    </message>
    <message>
      <source>The competitor's brand is required.</source>
      <translation>The competitor's brand is required.</translation>
    </message>
    <message>
      <source>The contact's name is required.</source>
      <translation>The contact's name is required.</translation>
    </message>
    <message>
      <source>The contract ends before it starts.</source>
      <translation>The contract ends before it starts.</translation>
    </message>
    <message>
      <source>The contract number is required.</source>
      <translation>The contract number is required.</translation>
    </message>
    <message>
      <source>The minimum must be at least 0 and not above the maximum.</source>
      <translation>The minimum must be at least 0 and not above the maximum.</translation>
    </message>
    <message>
      <source>The record no longer exists.</source>
      <translation>The record no longer exists.</translation>
    </message>
    <message>
      <source>The status changes only through a lifecycle event (开停并转: open, suspend, resume, merge, transfer, terminate), not by editing the card.</source>
      <translation>The status changes only through a lifecycle event (开停并转: open, suspend, resume, merge, transfer, terminate), not by editing the card.</translation>
    </message>
    <message>
      <source>The survivor {code} is {status}; choose an active partner.</source>
      <translation>The survivor {code} is {status}; choose an active partner.</translation>
    </message>
    <message>
      <source>Unknown grade {grade}; use one of {allowed}.</source>
      <translation>Unknown grade {grade}; use one of {allowed}.</translation>
    </message>
    <message>
      <source>Unknown lifecycle event {kind}.</source>
      <translation>Unknown lifecycle event {kind}.</translation>
    </message>
    <message>
      <source>contains a control character (U+{code:04X}) that cannot be stored</source>
      <translation>contains a control character (U+{code:04X}) that cannot be stored</translation>
    </message>
    <message>
      <source>initial grade</source>
      <translation>initial grade</translation>
    </message>
    <message>
      <source>must be between {low} and {high}</source>
      <translation>must be between {low} and {high}</translation>
    </message>
    <message>
      <source>not a number: {value}</source>
      <translation>not a number: {value}</translation>
    </message>
    <message>
      <source>not a phone number: {value}</source>
      <translation>not a phone number: {value}</translation>
    </message>
    <message>
      <source>partner created</source>
      <translation>partner created</translation>
    </message>
    <message>
      <source>the code is required</source>
      <translation>the code is required</translation>
    </message>
    <message>
      <source>the code may contain only letters, digits, '-' and '_' (at most 40)</source>
      <translation>the code may contain only letters, digits, '-' and '_' (at most 40)</translation>
    </message>
    <message>
      <source>the credit limit must be a non-negative amount</source>
      <translation>the credit limit must be a non-negative amount</translation>
    </message>
    <message>
      <source>the name is required</source>
      <translation>the name is required</translation>
    </message>
    <message>
      <source>the tag {tag} is longer than {limit} characters</source>
      <translation>the tag {tag} is longer than {limit} characters</translation>
    </message>
    <message>
      <source>too long: {length} characters, at most {limit} allowed</source>
      <translation>too long: {length} characters, at most {limit} allowed</translation>
    </message>
    <message>
      <source>unknown grade {value}; use A, B, C or D</source>
      <translation>unknown grade {value}; use A, B, C or D</translation>
    </message>
    <message>
      <source>unknown region code {value}</source>
      <translation>unknown region code {value}</translation>
    </message>
    <message>
      <source>unknown status {value}; use one of {allowed}</source>
      <translation>unknown status {value}; use one of {allowed}</translation>
    </message>
    <message>
      <source>unknown type {value}; use one of {allowed}</source>
      <translation>unknown type {value}; use one of {allowed}</translation>
    </message>
    <message>
      <source>{file} is larger than {limit} MB.</source>
      <translation>{file} is larger than {limit} MB.</translation>
    </message>
  </context>
  <context>
    <name>printing</name>
    <message>
      <source>Cannot read {path} to print it.</source>
      <translation>Cannot read {path} to print it.</translation>
    </message>
    <message>
      <source>Printing page {page} of {count}…</source>
      <translation>Printing page {page} of {count}…</translation>
    </message>
    <message>
      <source>The printer could not be started.</source>
      <translation>The printer could not be started.</translation>
    </message>
  </context>
  <context>
    <name>progress</name>
    <message>
      <source>Cancelled; nothing was changed.</source>
      <translation>Cancelled; nothing was changed.</translation>
    </message>
  </context>
  <context>
    <name>reminders</name>
    <message numerus="yes">
      <source>%n change(s) never sent to HQ.</source>
      <translation>
        <numerusform>%n change never sent to HQ.</numerusform>
        <numerusform>%n changes never sent to HQ.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n complaint(s) past the response or resolution time.</source>
      <translation>
        <numerusform>%n complaint past the response or resolution time.</numerusform>
        <numerusform>%n complaints past the response or resolution time.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n contract(s) expiring within {days} days.</source>
      <translation>
        <numerusform>%n contract expiring within {days} days.</numerusform>
        <numerusform>%n contracts expiring within {days} days.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n partner(s) below this month's visit frequency.</source>
      <translation>
        <numerusform>%n partner below this month's visit frequency.</numerusform>
        <numerusform>%n partners below this month's visit frequency.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n rectification order(s) overdue.</source>
      <translation>
        <numerusform>%n rectification order overdue.</numerusform>
        <numerusform>%n rectification orders overdue.</numerusform>
      </translation>
    </message>
    <message>
      <source>A bundle exported {days} days ago has no acknowledgement from HQ yet.</source>
      <translation>A bundle exported {days} days ago has no acknowledgement from HQ yet.</translation>
    </message>
    <message numerus="yes">
      <source>Callback duty missed on %n day(s): {days}.</source>
      <translation>
        <numerusform>Callback duty missed on %n day: {days}.</numerusform>
        <numerusform>Callback duty missed on %n days: {days}.</numerusform>
      </translation>
    </message>
    <message>
      <source>Callbacks today: {answered} of {drawn} done ({population} records yesterday).</source>
      <translation>Callbacks today: {answered} of {drawn} done ({population} records yesterday).</translation>
    </message>
    <message>
      <source>Suspension proposed for {codes} after repeated callback warnings.</source>
      <translation>Suspension proposed for {codes} after repeated callback warnings.</translation>
    </message>
  </context>
  <context>
    <name>reports</name>
    <message numerus="yes">
      <source>%n photo(s)</source>
      <translation>
        <numerusform>%n photo</numerusform>
        <numerusform>%n photos</numerusform>
      </translation>
    </message>
    <message>
      <source>Actual</source>
      <translation>Actual</translation>
    </message>
    <message>
      <source>Address</source>
      <translation>Address</translation>
    </message>
    <message>
      <source>Adjustment</source>
      <translation>Adjustment</translation>
    </message>
    <message>
      <source>After</source>
      <translation>After</translation>
    </message>
    <message>
      <source>Ahead</source>
      <translation>Ahead</translation>
    </message>
    <message>
      <source>Amendment history</source>
      <translation>Amendment history</translation>
    </message>
    <message>
      <source>Amount</source>
      <translation>Amount</translation>
    </message>
    <message>
      <source>Answer</source>
      <translation>Answer</translation>
    </message>
    <message>
      <source>Average score</source>
      <translation>Average score</translation>
    </message>
    <message>
      <source>Before</source>
      <translation>Before</translation>
    </message>
    <message>
      <source>Behind</source>
      <translation>Behind</translation>
    </message>
    <message>
      <source>Book</source>
      <translation>Book</translation>
    </message>
    <message>
      <source>Brand</source>
      <translation>Brand</translation>
    </message>
    <message>
      <source>By</source>
      <translation>By</translation>
    </message>
    <message>
      <source>Callbacks</source>
      <translation>Callbacks</translation>
    </message>
    <message>
      <source>Callbacks done</source>
      <translation>Callbacks done</translation>
    </message>
    <message>
      <source>Callbacks done this week</source>
      <translation>Callbacks done this week</translation>
    </message>
    <message>
      <source>Callbacks recorded</source>
      <translation>Callbacks recorded</translation>
    </message>
    <message>
      <source>Called back</source>
      <translation>Called back</translation>
    </message>
    <message>
      <source>Cannot write the report to {path}: {error}</source>
      <translation>Cannot write the report to {path}: {error}</translation>
    </message>
    <message>
      <source>Category</source>
      <translation>Category</translation>
    </message>
    <message>
      <source>Changes</source>
      <translation>Changes</translation>
    </message>
    <message>
      <source>Channel manager (signature)</source>
      <translation>Channel manager (signature)</translation>
    </message>
    <message>
      <source>Channel manager's daily log</source>
      <translation>Channel manager's daily log</translation>
    </message>
    <message>
      <source>Channels</source>
      <translation>Channels</translation>
    </message>
    <message>
      <source>Channels behind time progress</source>
      <translation>Channels behind time progress</translation>
    </message>
    <message>
      <source>Channels ranked by development against target</source>
      <translation>Channels ranked by development against target</translation>
    </message>
    <message>
      <source>Channels you inspected</source>
      <translation>Channels you inspected</translation>
    </message>
    <message>
      <source>Checked in</source>
      <translation>Checked in</translation>
    </message>
    <message>
      <source>Checked out</source>
      <translation>Checked out</translation>
    </message>
    <message>
      <source>Checklist</source>
      <translation>Checklist</translation>
    </message>
    <message>
      <source>Closed and sealed</source>
      <translation>Closed and sealed</translation>
    </message>
    <message>
      <source>Code</source>
      <translation>Code</translation>
    </message>
    <message>
      <source>Commission check</source>
      <translation>Commission check</translation>
    </message>
    <message>
      <source>Competitor notes</source>
      <translation>Competitor notes</translation>
    </message>
    <message>
      <source>Competitors nearby</source>
      <translation>Competitors nearby</translation>
    </message>
    <message>
      <source>Complaint</source>
      <translation>Complaint</translation>
    </message>
    <message>
      <source>Complaints</source>
      <translation>Complaints</translation>
    </message>
    <message>
      <source>Complaints handled</source>
      <translation>Complaints handled</translation>
    </message>
    <message>
      <source>Compliance…</source>
      <translation>Compliance…</translation>
    </message>
    <message>
      <source>Compliant</source>
      <translation>Compliant</translation>
    </message>
    <message>
      <source>Consolidated monthly report</source>
      <translation>Consolidated monthly report</translation>
    </message>
    <message>
      <source>Contacts</source>
      <translation>Contacts</translation>
    </message>
    <message>
      <source>Content hash</source>
      <translation>Content hash</translation>
    </message>
    <message>
      <source>Contracts</source>
      <translation>Contracts</translation>
    </message>
    <message>
      <source>Coordinates</source>
      <translation>Coordinates</translation>
    </message>
    <message>
      <source>Counted</source>
      <translation>Counted</translation>
    </message>
    <message>
      <source>Credit limit</source>
      <translation>Credit limit</translation>
    </message>
    <message>
      <source>Credit rating</source>
      <translation>Credit rating</translation>
    </message>
    <message>
      <source>Daily logs closed</source>
      <translation>Daily logs closed</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>Date</translation>
    </message>
    <message>
      <source>Deadline</source>
      <translation>Deadline</translation>
    </message>
    <message>
      <source>Description</source>
      <translation>Description</translation>
    </message>
    <message>
      <source>Development against monthly target</source>
      <translation>Development against monthly target</translation>
    </message>
    <message>
      <source>Development reported</source>
      <translation>Development reported</translation>
    </message>
    <message>
      <source>Device</source>
      <translation>Device</translation>
    </message>
    <message>
      <source>Devices reporting</source>
      <translation>Devices reporting</translation>
    </message>
    <message>
      <source>Done</source>
      <translation>Done</translation>
    </message>
    <message>
      <source>Done / required</source>
      <translation>Done / required</translation>
    </message>
    <message>
      <source>End</source>
      <translation>End</translation>
    </message>
    <message>
      <source>Escalation</source>
      <translation>Escalation</translation>
    </message>
    <message>
      <source>Event</source>
      <translation>Event</translation>
    </message>
    <message>
      <source>Every partner met the rule.</source>
      <translation>Every partner met the rule.</translation>
    </message>
    <message>
      <source>Evidence</source>
      <translation>Evidence</translation>
    </message>
    <message>
      <source>Finding</source>
      <translation>Finding</translation>
    </message>
    <message>
      <source>Findings and rectification orders</source>
      <translation>Findings and rectification orders</translation>
    </message>
    <message>
      <source>Findings raised</source>
      <translation>Findings raised</translation>
    </message>
    <message>
      <source>Found fake or withheld</source>
      <translation>Found fake or withheld</translation>
    </message>
    <message>
      <source>From</source>
      <translation>From</translation>
    </message>
    <message>
      <source>Give the month as YYYY-MM, e.g. 2026-03 (got {value}).</source>
      <translation>Give the month as YYYY-MM, e.g. 2026-03 (got {value}).</translation>
    </message>
    <message>
      <source>Give the week as YYYY-Www, e.g. 2026-W07 (got {value}).</source>
      <translation>Give the week as YYYY-Www, e.g. 2026-W07 (got {value}).</translation>
    </message>
    <message>
      <source>Grade</source>
      <translation>Grade</translation>
    </message>
    <message>
      <source>Grade history</source>
      <translation>Grade history</translation>
    </message>
    <message>
      <source>Headquarters</source>
      <translation>Headquarters</translation>
    </message>
    <message>
      <source>Inspection report</source>
      <translation>Inspection report</translation>
    </message>
    <message>
      <source>Inspections</source>
      <translation>Inspections</translation>
    </message>
    <message>
      <source>Inspections per manager</source>
      <translation>Inspections per manager</translation>
    </message>
    <message>
      <source>Item</source>
      <translation>Item</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>Kind</translation>
    </message>
    <message>
      <source>Kinds</source>
      <translation>Kinds</translation>
    </message>
    <message>
      <source>Licence no.</source>
      <translation>Licence no.</translation>
    </message>
    <message>
      <source>Lifecycle</source>
      <translation>Lifecycle</translation>
    </message>
    <message>
      <source>Manager</source>
      <translation>Manager</translation>
    </message>
    <message>
      <source>Managers</source>
      <translation>Managers</translation>
    </message>
    <message>
      <source>Merged into</source>
      <translation>Merged into</translation>
    </message>
    <message>
      <source>Metric</source>
      <translation>Metric</translation>
    </message>
    <message>
      <source>Month to date</source>
      <translation>Month to date</translation>
    </message>
    <message>
      <source>Monthly assessment of the managers</source>
      <translation>Monthly assessment of the managers</translation>
    </message>
    <message>
      <source>Monthly assessment report</source>
      <translation>Monthly assessment report</translation>
    </message>
    <message>
      <source>Monthly target</source>
      <translation>Monthly target</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>Name</translation>
    </message>
    <message>
      <source>New customers</source>
      <translation>New customers</translation>
    </message>
    <message>
      <source>New customers this week</source>
      <translation>New customers this week</translation>
    </message>
    <message>
      <source>No</source>
      <translation>No</translation>
    </message>
    <message>
      <source>No adjustment suggested: callbacks found no fake or withheld records.</source>
      <translation>No adjustment suggested: callbacks found no fake or withheld records.</translation>
    </message>
    <message>
      <source>No after-photo</source>
      <translation>No after-photo</translation>
    </message>
    <message>
      <source>No before-photo</source>
      <translation>No before-photo</translation>
    </message>
    <message>
      <source>No callbacks were drawn for this day.</source>
      <translation>No callbacks were drawn for this day.</translation>
    </message>
    <message>
      <source>No complaints.</source>
      <translation>No complaints.</translation>
    </message>
    <message>
      <source>No data for this month.</source>
      <translation>No data for this month.</translation>
    </message>
    <message>
      <source>No data for this week.</source>
      <translation>No data for this week.</translation>
    </message>
    <message>
      <source>No development records for this month.</source>
      <translation>No development records for this month.</translation>
    </message>
    <message>
      <source>No development records or targets for this week.</source>
      <translation>No development records or targets for this week.</translation>
    </message>
    <message>
      <source>No devices are registered.</source>
      <translation>No devices are registered.</translation>
    </message>
    <message>
      <source>No findings.</source>
      <translation>No findings.</translation>
    </message>
    <message>
      <source>No inspections were received for this month.</source>
      <translation>No inspections were received for this month.</translation>
    </message>
    <message>
      <source>No inspections were recorded in this week.</source>
      <translation>No inspections were recorded in this week.</translation>
    </message>
    <message>
      <source>No inspections were recorded this week.</source>
      <translation>No inspections were recorded this week.</translation>
    </message>
    <message>
      <source>No open rectifications.</source>
      <translation>No open rectifications.</translation>
    </message>
    <message>
      <source>No targets for this month.</source>
      <translation>No targets for this month.</translation>
    </message>
    <message>
      <source>No warnings.</source>
      <translation>No warnings.</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>Note</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>Notes</translation>
    </message>
    <message>
      <source>Nothing to report.</source>
      <translation>Nothing to report.</translation>
    </message>
    <message>
      <source>Number</source>
      <translation>Number</translation>
    </message>
    <message>
      <source>Observation</source>
      <translation>Observation</translation>
    </message>
    <message>
      <source>Open</source>
      <translation>Open</translation>
    </message>
    <message>
      <source>Open rectifications</source>
      <translation>Open rectifications</translation>
    </message>
    <message>
      <source>Outcome</source>
      <translation>Outcome</translation>
    </message>
    <message>
      <source>Over credit limit: receivable {recv} exceeds limit {limit}.</source>
      <translation>Over credit limit: receivable {recv} exceeds limit {limit}.</translation>
    </message>
    <message>
      <source>Pace</source>
      <translation>Pace</translation>
    </message>
    <message>
      <source>Partner</source>
      <translation>Partner</translation>
    </message>
    <message>
      <source>Partner card</source>
      <translation>Partner card</translation>
    </message>
    <message>
      <source>Partner lifecycle changes</source>
      <translation>Partner lifecycle changes</translation>
    </message>
    <message>
      <source>Partners</source>
      <translation>Partners</translation>
    </message>
    <message>
      <source>Partners below the visit frequency</source>
      <translation>Partners below the visit frequency</translation>
    </message>
    <message>
      <source>Partners meeting frequency</source>
      <translation>Partners meeting frequency</translation>
    </message>
    <message>
      <source>Partners visited</source>
      <translation>Partners visited</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>Phone</translation>
    </message>
    <message>
      <source>Photo evidence warnings</source>
      <translation>Photo evidence warnings</translation>
    </message>
    <message>
      <source>Photo left out (hash {hash}): the image is too large or damaged to print.</source>
      <translation>Photo left out (hash {hash}): the image is too large or damaged to print.</translation>
    </message>
    <message>
      <source>Photo missing (hash {hash})</source>
      <translation>Photo missing (hash {hash})</translation>
    </message>
    <message>
      <source>Photo missing (hash {hash}); the original file is not in the media store.</source>
      <translation>Photo missing (hash {hash}); the original file is not in the media store.</translation>
    </message>
    <message>
      <source>Photos</source>
      <translation>Photos</translation>
    </message>
    <message>
      <source>Place</source>
      <translation>Place</translation>
    </message>
    <message>
      <source>Plan for tomorrow</source>
      <translation>Plan for tomorrow</translation>
    </message>
    <message>
      <source>Points</source>
      <translation>Points</translation>
    </message>
    <message>
      <source>Problem rate</source>
      <translation>Problem rate</translation>
    </message>
    <message numerus="yes">
      <source>Problem rate {rate}: verify the other %n record(s) before paying; about {estimate} may be affected.</source>
      <translation>
        <numerusform>Problem rate {rate}: verify the other %n record before paying; about {estimate} may be affected.</numerusform>
        <numerusform>Problem rate {rate}: verify the other %n records before paying; about {estimate} may be affected.</numerusform>
      </translation>
    </message>
    <message>
      <source>Product</source>
      <translation>Product</translation>
    </message>
    <message>
      <source>Progress</source>
      <translation>Progress</translation>
    </message>
    <message>
      <source>Promotion materials: book vs count</source>
      <translation>Promotion materials: book vs count</translation>
    </message>
    <message>
      <source>Rank</source>
      <translation>Rank</translation>
    </message>
    <message>
      <source>Ranking</source>
      <translation>Ranking</translation>
    </message>
    <message>
      <source>Reached</source>
      <translation>Reached</translation>
    </message>
    <message>
      <source>Reason</source>
      <translation>Reason</translation>
    </message>
    <message>
      <source>Receivable</source>
      <translation>Receivable</translation>
    </message>
    <message>
      <source>Records called back</source>
      <translation>Records called back</translation>
    </message>
    <message>
      <source>Rectification orders re-inspected: before and after</source>
      <translation>Rectification orders re-inspected: before and after</translation>
    </message>
    <message>
      <source>Rectifications closed</source>
      <translation>Rectifications closed</translation>
    </message>
    <message>
      <source>Rectifications due</source>
      <translation>Rectifications due</translation>
    </message>
    <message>
      <source>Rectifications opened</source>
      <translation>Rectifications opened</translation>
    </message>
    <message>
      <source>Rectifications overdue</source>
      <translation>Rectifications overdue</translation>
    </message>
    <message>
      <source>Rectifications raised</source>
      <translation>Rectifications raised</translation>
    </message>
    <message>
      <source>Region</source>
      <translation>Region</translation>
    </message>
    <message>
      <source>Reported</source>
      <translation>Reported</translation>
    </message>
    <message>
      <source>Reported development against callbacks</source>
      <translation>Reported development against callbacks</translation>
    </message>
    <message>
      <source>Required</source>
      <translation>Required</translation>
    </message>
    <message>
      <source>Required per week</source>
      <translation>Required per week</translation>
    </message>
    <message>
      <source>Responsible</source>
      <translation>Responsible</translation>
    </message>
    <message>
      <source>Role</source>
      <translation>Role</translation>
    </message>
    <message>
      <source>Rule met</source>
      <translation>Rule met</translation>
    </message>
    <message>
      <source>Score</source>
      <translation>Score</translation>
    </message>
    <message>
      <source>Sealed original: score {score}, content hash {hash}</source>
      <translation>Sealed original: score {score}, content hash {hash}</translation>
    </message>
    <message>
      <source>Section</source>
      <translation>Section</translation>
    </message>
    <message>
      <source>Section scores</source>
      <translation>Section scores</translation>
    </message>
    <message>
      <source>Shortfall</source>
      <translation>Shortfall</translation>
    </message>
    <message>
      <source>Signatures</source>
      <translation>Signatures</translation>
    </message>
    <message>
      <source>Start</source>
      <translation>Start</translation>
    </message>
    <message>
      <source>State</source>
      <translation>State</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Status</translation>
    </message>
    <message>
      <source>Still open</source>
      <translation>Still open</translation>
    </message>
    <message>
      <source>Store inspection report</source>
      <translation>Store inspection report</translation>
    </message>
    <message>
      <source>Store representative (signature)</source>
      <translation>Store representative (signature)</translation>
    </message>
    <message>
      <source>Suggested adjustments</source>
      <translation>Suggested adjustments</translation>
    </message>
    <message>
      <source>Tags</source>
      <translation>Tags</translation>
    </message>
    <message>
      <source>Target</source>
      <translation>Target</translation>
    </message>
    <message>
      <source>Targets vs actuals</source>
      <translation>Targets vs actuals</translation>
    </message>
    <message>
      <source>Targets vs actuals ({unit})</source>
      <translation>Targets vs actuals ({unit})</translation>
    </message>
    <message>
      <source>This week</source>
      <translation>This week</translation>
    </message>
    <message>
      <source>Time</source>
      <translation>Time</translation>
    </message>
    <message>
      <source>Time progress</source>
      <translation>Time progress</translation>
    </message>
    <message>
      <source>Time progress of {month}</source>
      <translation>Time progress of {month}</translation>
    </message>
    <message>
      <source>To</source>
      <translation>To</translation>
    </message>
    <message>
      <source>Total score</source>
      <translation>Total score</translation>
    </message>
    <message>
      <source>Type</source>
      <translation>Type</translation>
    </message>
    <message>
      <source>Visits</source>
      <translation>Visits</translation>
    </message>
    <message>
      <source>Visits per partner</source>
      <translation>Visits per partner</translation>
    </message>
    <message>
      <source>Visits vs frequency rules by grade</source>
      <translation>Visits vs frequency rules by grade</translation>
    </message>
    <message>
      <source>Visits…</source>
      <translation>Visits…</translation>
    </message>
    <message>
      <source>Warning</source>
      <translation>Warning</translation>
    </message>
    <message>
      <source>Warnings</source>
      <translation>Warnings</translation>
    </message>
    <message>
      <source>Warnings per partner</source>
      <translation>Warnings per partner</translation>
    </message>
    <message>
      <source>Warnings raised</source>
      <translation>Warnings raised</translation>
    </message>
    <message>
      <source>Warnings this week</source>
      <translation>Warnings this week</translation>
    </message>
    <message>
      <source>Week</source>
      <translation>Week</translation>
    </message>
    <message>
      <source>Weekly bulletin of the managers</source>
      <translation>Weekly bulletin of the managers</translation>
    </message>
    <message>
      <source>Weekly development bulletin</source>
      <translation>Weekly development bulletin</translation>
    </message>
    <message>
      <source>Weekly inspection log</source>
      <translation>Weekly inspection log</translation>
    </message>
    <message>
      <source>Weekly inspections</source>
      <translation>Weekly inspections</translation>
    </message>
    <message>
      <source>Weeks meeting the weekly rule</source>
      <translation>Weeks meeting the weekly rule</translation>
    </message>
    <message numerus="yes">
      <source>Withhold commission on %n record(s) found at callback ({amount}).</source>
      <translation>
        <numerusform>Withhold commission on %n record found at callback ({amount}).</numerusform>
        <numerusform>Withhold commission on %n records found at callback ({amount}).</numerusform>
      </translation>
    </message>
    <message>
      <source>Writing…</source>
      <translation>Writing…</translation>
    </message>
    <message>
      <source>Yes</source>
      <translation>Yes</translation>
    </message>
    <message>
      <source>draft, not sealed</source>
      <translation>draft, not sealed</translation>
    </message>
    <message>
      <source>explained</source>
      <translation>explained</translation>
    </message>
    <message>
      <source>status</source>
      <translation>status</translation>
    </message>
    <message>
      <source>{value} is not a valid ISO week.</source>
      <translation>{value} is not a valid ISO week.</translation>
    </message>
    <message>
      <source>… (shortened: {count} characters in all)</source>
      <translation>… (shortened: {count} characters in all)</translation>
    </message>
  </context>
  <context>
    <name>startup</name>
    <message>
      <source>Qt cannot open a window: the system libraries {libraries} are missing. On Debian or Ubuntu install them with: sudo apt install {packages}</source>
      <translation>Qt cannot open a window: the system libraries {libraries} are missing. On Debian or Ubuntu install them with: sudo apt install {packages}</translation>
    </message>
  </context>
  <context>
    <name>sync</name>
    <message>
      <source>Another export was made meanwhile; nothing was marked as sent. Export again.</source>
      <translation>Another export was made meanwhile; nothing was marked as sent. Export again.</translation>
    </message>
    <message>
      <source>Cannot read {file}: {error}. Nothing was changed.</source>
      <translation>Cannot read {file}: {error}. Nothing was changed.</translation>
    </message>
    <message>
      <source>Cannot write the bundle {path}: {error}. Nothing was marked as sent.</source>
      <translation>Cannot write the bundle {path}: {error}. Nothing was marked as sent.</translation>
    </message>
    <message>
      <source>Choosing which changes fit into this bundle…</source>
      <translation>Choosing which changes fit into this bundle…</translation>
    </message>
    <message>
      <source>HQ bundle refused: checklist template {id}: {problem}</source>
      <translation>HQ bundle refused: checklist template {id}: {problem}</translation>
    </message>
    <message>
      <source>HQ bundle refused: it gives two partners one code</source>
      <translation>HQ bundle refused: it gives two partners one code</translation>
    </message>
    <message>
      <source>HQ bundle refused: it names another HQ</source>
      <translation>HQ bundle refused: it names another HQ</translation>
    </message>
    <message>
      <source>HQ bundle refused: {reason}</source>
      <translation>HQ bundle refused: {reason}</translation>
    </message>
    <message>
      <source>HQ rejected bundle {seq}: {reason}. Export again after fixing the cause.</source>
      <translation>HQ rejected bundle {seq}: {reason}. Export again after fixing the cause.</translation>
    </message>
    <message>
      <source>HQ rejected bundle {seq}; export everything again (without "next part") after fixing the cause.</source>
      <translation>HQ rejected bundle {seq}; export everything again (without "next part") after fixing the cause.</translation>
    </message>
    <message>
      <source>No trusted HQ key is set; import HQ's public key first (init --hq-key or Settings).</source>
      <translation>No trusted HQ key is set; import HQ's public key first (init --hq-key or Settings).</translation>
    </message>
    <message>
      <source>Not enough free space in {folder}: the bundle needs about {need:.0f} MB, {free:.0f} MB are free. Nothing was written.</source>
      <translation>Not enough free space in {folder}: the bundle needs about {need:.0f} MB, {free:.0f} MB are free. Nothing was written.</translation>
    </message>
    <message>
      <source>Nothing left to send: every change is already in a bundle for HQ. No bundle was written.</source>
      <translation>Nothing left to send: every change is already in a bundle for HQ. No bundle was written.</translation>
    </message>
    <message>
      <source>The acknowledgement's signature does not match the trusted HQ key; nothing was changed.</source>
      <translation>The acknowledgement's signature does not match the trusted HQ key; nothing was changed.</translation>
    </message>
    <message>
      <source>This acknowledgement is for a bundle this device did not export.</source>
      <translation>This acknowledgement is for a bundle this device did not export.</translation>
    </message>
    <message>
      <source>This acknowledgement is for another device ({id}); nothing was changed.</source>
      <translation>This acknowledgement is for another device ({id}); nothing was changed.</translation>
    </message>
    <message>
      <source>This bundle holds a single visit (or group of changes) that is larger than HQ accepts by default; ask HQ to raise its limits.</source>
      <translation>This bundle holds a single visit (or group of changes) that is larger than HQ accepts by default; ask HQ to raise its limits.</translation>
    </message>
    <message>
      <source>This conflict was already resolved.</source>
      <translation>This conflict was already resolved.</translation>
    </message>
    <message>
      <source>a SHA-256 in hex</source>
      <translation>a SHA-256 in hex</translation>
    </message>
    <message>
      <source>a UUID</source>
      <translation>a UUID</translation>
    </message>
    <message>
      <source>a date YYYY-MM-DD</source>
      <translation>a date YYYY-MM-DD</translation>
    </message>
    <message>
      <source>a date and time with its UTC offset (RFC 3339)</source>
      <translation>a date and time with its UTC offset (RFC 3339)</translation>
    </message>
    <message>
      <source>a month YYYY-MM</source>
      <translation>a month YYYY-MM</translation>
    </message>
    <message>
      <source>belongs to an unknown record type</source>
      <translation>belongs to an unknown record type</translation>
    </message>
    <message>
      <source>blob {name} does not match its hash</source>
      <translation>blob {name} does not match its hash</translation>
    </message>
    <message>
      <source>bundle {id} was already imported with different content</source>
      <translation>bundle {id} was already imported with different content</translation>
    </message>
    <message>
      <source>cannot read the file: {error}</source>
      <translation>cannot read the file: {error}</translation>
    </message>
    <message>
      <source>damaged bundle ({error})</source>
      <translation>damaged bundle ({error})</translation>
    </message>
    <message>
      <source>dev_record {id}: the sealed phone number does not open</source>
      <translation>dev_record {id}: the sealed phone number does not open</translation>
    </message>
    <message>
      <source>dev_record {id}: the sealed value is not a phone number</source>
      <translation>dev_record {id}: the sealed value is not a phone number</translation>
    </message>
    <message>
      <source>device {id} is revoked</source>
      <translation>device {id} is revoked</translation>
    </message>
    <message>
      <source>duplicate entry {name}</source>
      <translation>duplicate entry {name}</translation>
    </message>
    <message>
      <source>entries {a} and {b} overlap</source>
      <translation>entries {a} and {b} overlap</translation>
    </message>
    <message>
      <source>entry {name} differs from the manifest (size or SHA-256)</source>
      <translation>entry {name} differs from the manifest (size or SHA-256)</translation>
    </message>
    <message>
      <source>entry {name} expands more than {ratio}:1 (zip bomb)</source>
      <translation>entry {name} expands more than {ratio}:1 (zip bomb)</translation>
    </message>
    <message>
      <source>entry {name} has a damaged header</source>
      <translation>entry {name} has a damaged header</translation>
    </message>
    <message>
      <source>entry {name} is a symbolic link</source>
      <translation>entry {name} is a symbolic link</translation>
    </message>
    <message>
      <source>entry {name} is encrypted</source>
      <translation>entry {name} is encrypted</translation>
    </message>
    <message>
      <source>entry {name} is larger than allowed</source>
      <translation>entry {name} is larger than allowed</translation>
    </message>
    <message>
      <source>entry {name} is not listed in the manifest</source>
      <translation>entry {name} is not listed in the manifest</translation>
    </message>
    <message>
      <source>entry {name} uses an unsupported compression</source>
      <translation>entry {name} uses an unsupported compression</translation>
    </message>
    <message>
      <source>grade_request {id}: only HQ decides a grade change request</source>
      <translation>grade_request {id}: only HQ decides a grade change request</translation>
    </message>
    <message>
      <source>holds a control character or invalid text</source>
      <translation>holds a control character or invalid text</translation>
    </message>
    <message>
      <source>is longer than {n} characters ({length})</source>
      <translation>is longer than {n} characters ({length})</translation>
    </message>
    <message>
      <source>is missing</source>
      <translation>is missing</translation>
    </message>
    <message>
      <source>is not a JSON object</source>
      <translation>is not a JSON object</translation>
    </message>
    <message>
      <source>is not a field of this record type</source>
      <translation>is not a field of this record type</translation>
    </message>
    <message>
      <source>its development records carry no envelope for their phones</source>
      <translation>its development records carry no envelope for their phones</translation>
    </message>
    <message>
      <source>listed entry {name} is absent</source>
      <translation>listed entry {name} is absent</translation>
    </message>
    <message>
      <source>manifest.json is larger than allowed</source>
      <translation>manifest.json is larger than allowed</translation>
    </message>
    <message>
      <source>manifest.json is missing</source>
      <translation>manifest.json is missing</translation>
    </message>
    <message>
      <source>manifest.json is not a JSON object</source>
      <translation>manifest.json is not a JSON object</translation>
    </message>
    <message>
      <source>manifest.json is not valid JSON ({error})</source>
      <translation>manifest.json is not valid JSON ({error})</translation>
    </message>
    <message>
      <source>must be a JSON list (got {value})</source>
      <translation>must be a JSON list (got {value})</translation>
    </message>
    <message>
      <source>must be a JSON object (got {value})</source>
      <translation>must be a JSON object (got {value})</translation>
    </message>
    <message>
      <source>must be a list of at most {n} short texts</source>
      <translation>must be a list of at most {n} short texts</translation>
    </message>
    <message>
      <source>must be a number (got {value})</source>
      <translation>must be a number (got {value})</translation>
    </message>
    <message>
      <source>must be a whole number (got {value})</source>
      <translation>must be a whole number (got {value})</translation>
    </message>
    <message>
      <source>must be one of {allowed} (got {value})</source>
      <translation>must be one of {allowed} (got {value})</translation>
    </message>
    <message>
      <source>must be text (got {value})</source>
      <translation>must be text (got {value})</translation>
    </message>
    <message>
      <source>must be true or false (got {value})</source>
      <translation>must be true or false (got {value})</translation>
    </message>
    <message>
      <source>must be {what} (got {value})</source>
      <translation>must be {what} (got {value})</translation>
    </message>
    <message>
      <source>must lie between {low} and {high} (got {value})</source>
      <translation>must lie between {low} and {high} (got {value})</translation>
    </message>
    <message>
      <source>must map field names to HLCs</source>
      <translation>must map field names to HLCs</translation>
    </message>
    <message>
      <source>must not be null</source>
      <translation>must not be null</translation>
    </message>
    <message>
      <source>not a ChannelDesk bundle (not a ZIP file, or truncated)</source>
      <translation>not a ChannelDesk bundle (not a ZIP file, or truncated)</translation>
    </message>
    <message>
      <source>not a ChannelDesk bundle of a known format version</source>
      <translation>not a ChannelDesk bundle of a known format version</translation>
    </message>
    <message>
      <source>partner {code} lies outside the device's territory</source>
      <translation>partner {code} lies outside the device's territory</translation>
    </message>
    <message>
      <source>partner {id}: the code is missing</source>
      <translation>partner {id}: the code is missing</translation>
    </message>
    <message>
      <source>seq {seq} of this device was already imported with different content (replay)</source>
      <translation>seq {seq} of this device was already imported with different content (replay)</translation>
    </message>
    <message>
      <source>target {id} is HQ's published target; only HQ changes it</source>
      <translation>target {id} is HQ's published target; only HQ changes it</translation>
    </message>
    <message>
      <source>target {id} is marked as HQ's; only HQ publishes those</source>
      <translation>target {id} is marked as HQ's; only HQ publishes those</translation>
    </message>
    <message>
      <source>target {id}: field period must be YYYY, YYYY-Qn or YYYY-MM (got {value})</source>
      <translation>target {id}: field period must be YYYY, YYYY-Qn or YYYY-MM (got {value})</translation>
    </message>
    <message>
      <source>the body is malformed</source>
      <translation>the body is malformed</translation>
    </message>
    <message>
      <source>the bundle comes from a newer ChannelDesk (schema {version}); update ChannelDesk</source>
      <translation>the bundle comes from a newer ChannelDesk (schema {version}); update ChannelDesk</translation>
    </message>
    <message>
      <source>the bundle expands to more than allowed</source>
      <translation>the bundle expands to more than allowed</translation>
    </message>
    <message>
      <source>the customers' phone numbers are sealed to another key of this device; export its key file again (device export-key) and have HQ register it</source>
      <translation>the customers' phone numbers are sealed to another key of this device; export its key file again (device export-key) and have HQ register it</translation>
    </message>
    <message>
      <source>the envelope of the customers' phone numbers is damaged</source>
      <translation>the envelope of the customers' phone numbers is damaged</translation>
    </message>
    <message>
      <source>the file is larger than the {cap} byte limit</source>
      <translation>the file is larger than the {cap} byte limit</translation>
    </message>
    <message>
      <source>the file is truncated</source>
      <translation>the file is truncated</translation>
    </message>
    <message>
      <source>the manifest has no schema version</source>
      <translation>the manifest has no schema version</translation>
    </message>
    <message>
      <source>the manifest lists an entry twice</source>
      <translation>the manifest lists an entry twice</translation>
    </message>
    <message>
      <source>the manifest's base_ack_seq is not a whole number from 0 to {max}</source>
      <translation>the manifest's base_ack_seq is not a whole number from 0 to {max}</translation>
    </message>
    <message>
      <source>the manifest's entry {name} has a size or record count out of range</source>
      <translation>the manifest's entry {name} has a size or record count out of range</translation>
    </message>
    <message>
      <source>the manifest's file list is malformed</source>
      <translation>the manifest's file list is malformed</translation>
    </message>
    <message>
      <source>the manifest's seq is not a whole number from 1 to {max}</source>
      <translation>the manifest's seq is not a whole number from 1 to {max}</translation>
    </message>
    <message>
      <source>the manifest's {key} is not a UUID</source>
      <translation>the manifest's {key} is not a UUID</translation>
    </message>
    <message>
      <source>the signature (manifest.sig) is missing</source>
      <translation>the signature (manifest.sig) is missing</translation>
    </message>
    <message>
      <source>the signature is not valid</source>
      <translation>the signature is not valid</translation>
    </message>
    <message>
      <source>this HQ bundle is for another device</source>
      <translation>this HQ bundle is for another device</translation>
    </message>
    <message>
      <source>this device has no encryption key for the customers' phone numbers; export its key file (device export-key) and have HQ register it</source>
      <translation>this device has no encryption key for the customers' phone numbers; export its key file (device export-key) and have HQ register it</translation>
    </message>
    <message>
      <source>too many entries ({count})</source>
      <translation>too many entries ({count})</translation>
    </message>
    <message>
      <source>unexpected entry {name}</source>
      <translation>unexpected entry {name}</translation>
    </message>
    <message>
      <source>unknown device {id}; register it with 'hq register-device'</source>
      <translation>unknown device {id}; register it with 'hq register-device'</translation>
    </message>
    <message>
      <source>unknown record type {entity}</source>
      <translation>unknown record type {entity}</translation>
    </message>
    <message>
      <source>unsafe entry name {name}</source>
      <translation>unsafe entry name {name}</translation>
    </message>
    <message>
      <source>visit {id} is not submitted</source>
      <translation>visit {id} is not submitted</translation>
    </message>
    <message>
      <source>wrong bundle kind {kind}</source>
      <translation>wrong bundle kind {kind}</translation>
    </message>
    <message>
      <source>{count} changes did not fit in this bundle (HQ's size limits): export the next part now with 'sync export --next' to hand both over together, or export again after HQ has acknowledged this one.</source>
      <translation>{count} changes did not fit in this bundle (HQ's size limits): export the next part now with 'sync export --next' to hand both over together, or export again after HQ has acknowledged this one.</translation>
    </message>
    <message>
      <source>{entity} {id} is sealed and arrived with different content</source>
      <translation>{entity} {id} is sealed and arrived with different content</translation>
    </message>
    <message>
      <source>{entity} {id} refers to a photo that is not in the bundle</source>
      <translation>{entity} {id} refers to a photo that is not in the bundle</translation>
    </message>
    <message>
      <source>{entity} {id} refers to an unknown {parent} {ref}</source>
      <translation>{entity} {id} refers to an unknown {parent} {ref}</translation>
    </message>
    <message>
      <source>{entity} {id}: base_hlc is malformed</source>
      <translation>{entity} {id}: base_hlc is malformed</translation>
    </message>
    <message>
      <source>{entity} {id}: field {field} {rule}</source>
      <translation>{entity} {id}: field {field} {rule}</translation>
    </message>
    <message>
      <source>{entity} {id}: field_hlc is malformed</source>
      <translation>{entity} {id}: field_hlc is malformed</translation>
    </message>
    <message>
      <source>{entity} {id}: op or data is malformed</source>
      <translation>{entity} {id}: op or data is malformed</translation>
    </message>
    <message>
      <source>{entity} {id}: the HLC is malformed</source>
      <translation>{entity} {id}: the HLC is malformed</translation>
    </message>
    <message>
      <source>{entity} {id}: the HLC is not from this device</source>
      <translation>{entity} {id}: the HLC is not from this device</translation>
    </message>
    <message>
      <source>{entity}: a record has missing or extra keys</source>
      <translation>{entity}: a record has missing or extra keys</translation>
    </message>
    <message>
      <source>{entity}: record id is not a UUID</source>
      <translation>{entity}: record id is not a UUID</translation>
    </message>
    <message>
      <source>{file} is not an HQ acknowledgement (not a JSON document); nothing was changed.</source>
      <translation>{file} is not an HQ acknowledgement (not a JSON document); nothing was changed.</translation>
    </message>
    <message>
      <source>{file} is not an HQ acknowledgement (not a text file); nothing was changed.</source>
      <translation>{file} is not an HQ acknowledgement (not a text file); nothing was changed.</translation>
    </message>
    <message>
      <source>{name} line {line}: not valid JSON</source>
      <translation>{name} line {line}: not valid JSON</translation>
    </message>
    <message>
      <source>{name}: record count differs from the manifest</source>
      <translation>{name}: record count differs from the manifest</translation>
    </message>
  </context>
  <context>
    <name>targets</name>
    <message>
      <source>A target cannot be negative.</source>
      <translation>A target cannot be negative.</translation>
    </message>
    <message>
      <source>Give the month as YYYY-MM (got {value}).</source>
      <translation>Give the month as YYYY-MM (got {value}).</translation>
    </message>
    <message>
      <source>Give the period as YYYY, YYYY-Qn or YYYY-MM (got {value}).</source>
      <translation>Give the period as YYYY, YYYY-Qn or YYYY-MM (got {value}).</translation>
    </message>
    <message>
      <source>Give the year as YYYY (got {value}).</source>
      <translation>Give the year as YYYY (got {value}).</translation>
    </message>
    <message>
      <source>Not a region code (2, 4 or 6 digits): {value}.</source>
      <translation>Not a region code (2, 4 or 6 digits): {value}.</translation>
    </message>
    <message>
      <source>The monthly overrides do not fit the annual target ({error}).</source>
      <translation>The monthly overrides do not fit the annual target ({error}).</translation>
    </message>
    <message>
      <source>The overridden cells of {period} add up to more than the month's target.</source>
      <translation>The overridden cells of {period} add up to more than the month's target.</translation>
    </message>
    <message>
      <source>The overridden months do not fit the annual target: together they must not exceed it, and when all twelve are set they must add up to it.</source>
      <translation>The overridden months do not fit the annual target: together they must not exceed it, and when all twelve are set they must add up to it.</translation>
    </message>
    <message>
      <source>The scope must be a partner or a region (got {value}).</source>
      <translation>The scope must be a partner or a region (got {value}).</translation>
    </message>
    <message>
      <source>The target must be a non-negative amount with at most {d} decimals (got {value}).</source>
      <translation>The target must be a non-negative amount with at most {d} decimals (got {value}).</translation>
    </message>
    <message>
      <source>The {metric} target for {scope} in {period} was published by HQ and cannot be changed here.</source>
      <translation>The {metric} target for {scope} in {period} was published by HQ and cannot be changed here.</translation>
    </message>
    <message>
      <source>Unknown decomposition basis {basis}.</source>
      <translation>Unknown decomposition basis {basis}.</translation>
    </message>
    <message>
      <source>Unknown metric {metric}.</source>
      <translation>Unknown metric {metric}.</translation>
    </message>
    <message>
      <source>Unknown partner {code}.</source>
      <translation>Unknown partner {code}.</translation>
    </message>
    <message>
      <source>Unknown region code {value}: no such province, city or district.</source>
      <translation>Unknown region code {value}: no such province, city or district.</translation>
    </message>
    <message>
      <source>duplicate row (also row {first})</source>
      <translation>duplicate row (also row {first})</translation>
    </message>
    <message>
      <source>give the month as YYYY-MM (got {value})</source>
      <translation>give the month as YYYY-MM (got {value})</translation>
    </message>
    <message>
      <source>give the period as YYYY, YYYY-Qn or YYYY-MM (got {value})</source>
      <translation>give the period as YYYY, YYYY-Qn or YYYY-MM (got {value})</translation>
    </message>
    <message>
      <source>not a non-negative amount with at most {d} decimals: {value}</source>
      <translation>not a non-negative amount with at most {d} decimals: {value}</translation>
    </message>
    <message>
      <source>not a region code (2, 4 or 6 digits): {value}</source>
      <translation>not a region code (2, 4 or 6 digits): {value}</translation>
    </message>
    <message>
      <source>scope_kind must be partner or region (got {value})</source>
      <translation>scope_kind must be partner or region (got {value})</translation>
    </message>
    <message>
      <source>the {metric} target for {scope} in {period} was published by HQ and cannot be changed here</source>
      <translation>the {metric} target for {scope} in {period} was published by HQ and cannot be changed here</translation>
    </message>
    <message>
      <source>unknown metric {metric}; use one of {known}</source>
      <translation>unknown metric {metric}; use one of {known}</translation>
    </message>
    <message>
      <source>unknown partner {code}</source>
      <translation>unknown partner {code}</translation>
    </message>
    <message>
      <source>unknown region code {value}: no such province, city or district</source>
      <translation>unknown region code {value}: no such province, city or district</translation>
    </message>
  </context>
  <context>
    <name>training</name>
    <message>
      <source>Give the promotion's name.</source>
      <translation>Give the promotion's name.</translation>
    </message>
    <message>
      <source>Give the training's topic.</source>
      <translation>Give the training's topic.</translation>
    </message>
    <message>
      <source>Name at least one attendee.</source>
      <translation>Name at least one attendee.</translation>
    </message>
    <message>
      <source>Name at least one partner taking part.</source>
      <translation>Name at least one partner taking part.</translation>
    </message>
    <message>
      <source>No partner with code {code}.</source>
      <translation>No partner with code {code}.</translation>
    </message>
    <message>
      <source>No training {id}.</source>
      <translation>No training {id}.</translation>
    </message>
    <message>
      <source>The promotion ends before it starts.</source>
      <translation>The promotion ends before it starts.</translation>
    </message>
  </context>
  <context>
    <name>visits</name>
    <message>
      <source>A count cannot be negative.</source>
      <translation>A count cannot be negative.</translation>
    </message>
    <message>
      <source>A rectification order that is {current} cannot become {target}.</source>
      <translation>A rectification order that is {current} cannot become {target}.</translation>
    </message>
    <message>
      <source>After-photo: {description}</source>
      <translation>After-photo: {description}</translation>
    </message>
    <message>
      <source>An amendment needs a reason.</source>
      <translation>An amendment needs a reason.</translation>
    </message>
    <message>
      <source>Answer at least one rectification order with passed or failed.</source>
      <translation>Answer at least one rectification order with passed or failed.</translation>
    </message>
    <message>
      <source>Describe the finding.</source>
      <translation>Describe the finding.</translation>
    </message>
    <message>
      <source>Failed at re-inspection: not rectified yet.</source>
      <translation>Failed at re-inspection: not rectified yet.</translation>
    </message>
    <message>
      <source>Give at least one ITEM=VALUE to amend.</source>
      <translation>Give at least one ITEM=VALUE to amend.</translation>
    </message>
    <message>
      <source>Give the month as YYYY-MM, e.g. 2026-03 (got {value}).</source>
      <translation>Give the month as YYYY-MM, e.g. 2026-03 (got {value}).</translation>
    </message>
    <message>
      <source>Give the name of the promotion material.</source>
      <translation>Give the name of the promotion material.</translation>
    </message>
    <message>
      <source>No checklist template named {name}.</source>
      <translation>No checklist template named {name}.</translation>
    </message>
    <message>
      <source>No partner with code {code}.</source>
      <translation>No partner with code {code}.</translation>
    </message>
    <message>
      <source>No rectification order {id}.</source>
      <translation>No rectification order {id}.</translation>
    </message>
    <message>
      <source>No visit with id {id}.</source>
      <translation>No visit with id {id}.</translation>
    </message>
    <message>
      <source>Note: {description}</source>
      <translation>Note: {description}</translation>
    </message>
    <message>
      <source>Only submitted visits are amended; edit the draft instead.</source>
      <translation>Only submitted visits are amended; edit the draft instead.</translation>
    </message>
    <message>
      <source>Open rectification orders</source>
      <translation>Open rectification orders</translation>
    </message>
    <message>
      <source>Partner {code} ({status}) cannot be visited.</source>
      <translation>Partner {code} ({status}) cannot be visited.</translation>
    </message>
    <message>
      <source>Partner {code} is suspended: only a re-inspection of its rectification orders is possible (template reinspection).</source>
      <translation>Partner {code} is suspended: only a re-inspection of its rectification orders is possible (template reinspection).</translation>
    </message>
    <message>
      <source>Passed at re-inspection.</source>
      <translation>Passed at re-inspection.</translation>
    </message>
    <message>
      <source>Promotion material {item}</source>
      <translation>Promotion material {item}</translation>
    </message>
    <message>
      <source>Promotion material {item}: book {book}, counted {counted}.</source>
      <translation>Promotion material {item}: book {book}, counted {counted}.</translation>
    </message>
    <message>
      <source>Required items are unanswered: {keys}.</source>
      <translation>Required items are unanswered: {keys}.</translation>
    </message>
    <message>
      <source>Running promotions</source>
      <translation>Running promotions</translation>
    </message>
    <message>
      <source>The checklist has no item {key}.</source>
      <translation>The checklist has no item {key}.</translation>
    </message>
    <message>
      <source>The material name is too long (at most {max} characters).</source>
      <translation>The material name is too long (at most {max} characters).</translation>
    </message>
    <message>
      <source>Verifying a rectification needs an after-photo.</source>
      <translation>Verifying a rectification needs an after-photo.</translation>
    </message>
    <message>
      <source>Visit {id} is already checked in.</source>
      <translation>Visit {id} is already checked in.</translation>
    </message>
    <message>
      <source>Visit {id} is already submitted.</source>
      <translation>Visit {id} is already submitted.</translation>
    </message>
    <message>
      <source>Visit {id} is only planned; check in first.</source>
      <translation>Visit {id} is only planned; check in first.</translation>
    </message>
    <message>
      <source>Visit {id} is submitted and sealed; record a change as an amendment.</source>
      <translation>Visit {id} is submitted and sealed; record a change as an amendment.</translation>
    </message>
    <message>
      <source>Withdrawn: the amended answer no longer fails.</source>
      <translation>Withdrawn: the amended answer no longer fails.</translation>
    </message>
    <message>
      <source>{description} (due {deadline})</source>
      <translation>{description} (due {deadline})</translation>
    </message>
    <message>
      <source>{item}: a photo item cannot be amended; describe the correction in the reason.</source>
      <translation>{item}: a photo item cannot be amended; describe the correction in the reason.</translation>
    </message>
    <message>
      <source>{item}: a re-inspected order's outcome is not amended; re-inspect the order again.</source>
      <translation>{item}: a re-inspected order's outcome is not amended; re-inspect the order again.</translation>
    </message>
    <message>
      <source>{item}: answer a photo item with a photo file or its SHA-256.</source>
      <translation>{item}: answer a photo item with a photo file or its SHA-256.</translation>
    </message>
    <message>
      <source>{item}: answer yes, no or na.</source>
      <translation>{item}: answer yes, no or na.</translation>
    </message>
    <message>
      <source>{item}: choose one of {options}.</source>
      <translation>{item}: choose one of {options}.</translation>
    </message>
    <message>
      <source>{item}: give a number from {min} to {max}.</source>
      <translation>{item}: give a number from {min} to {max}.</translation>
    </message>
    <message>
      <source>{item}: give a number.</source>
      <translation>{item}: give a number.</translation>
    </message>
    <message>
      <source>{item}: give a whole number from 0 to {max}.</source>
      <translation>{item}: give a whole number from 0 to {max}.</translation>
    </message>
    <message>
      <source>{item}: no photo with SHA-256 {sha} is attached to this visit.</source>
      <translation>{item}: no photo with SHA-256 {sha} is attached to this visit.</translation>
    </message>
    <message>
      <source>{item}: the text is longer than 5000 characters.</source>
      <translation>{item}: the text is longer than 5000 characters.</translation>
    </message>
    <message>
      <source>{item}: {value} is neither an attached photo's SHA-256 nor a photo file.</source>
      <translation>{item}: {value} is neither an attached photo's SHA-256 nor a photo file.</translation>
    </message>
    <message>
      <source>{promotion}: {material} shown</source>
      <translation>{promotion}: {material} shown</translation>
    </message>
  </context>
</TS>
