// End-to-end test of `revops-mcp.jar --sandbox` driven by the official MCP TypeScript SDK client.
// Run by SandboxEndToEndIT, which computes from the sandbox's seeded data, in Java, each tool's arguments
// and expected answer (config.expected.<tool> = { args, expect }) and passes a JSON config file as the
// only argument. The script calls every tool once, projects its structured result to the shape of the
// expectation, and compares; then it checks that add_note and update_field are seen by the next reads
// (with the audit row), and that read-only mode hides the write tools.
// Prints `ok - <check>` / `not ok - <check>: <why>` per check and a closing `N passed, N failed` line;
// exits 1 when any check failed.
import { readFileSync } from 'node:fs';
import { CALL, check, connect, finish, text } from './harness.mjs';

const config = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const x = config.expected;
const SANDBOX = { args: ['--sandbox'], stderrFile: config.stderrFile };

/** Sorts a list of rows (arrays) by their JSON, for lists whose order the tool does not promise. */
const sorted = rows => [...rows].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

/** true when equal (numbers by value, objects by their keys), else the first difference's path and values. */
function same(actual, expected, path = '') {
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return `${path || 'value'}: expected a list, got ${JSON.stringify(actual)}`;
    if (actual.length !== expected.length) {
      return `${path || 'list'}: ${actual.length} item(s), expected ${expected.length}:`
        + ` got ${JSON.stringify(actual).slice(0, 600)}, expected ${JSON.stringify(expected).slice(0, 600)}`;
    }
    for (let i = 0; i < expected.length; i++) {
      const why = same(actual[i], expected[i], `${path}[${i}]`);
      if (why !== true) return why;
    }
    return true;
  }
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object') return `${path}: expected an object, got ${JSON.stringify(actual)}`;
    const keys = new Set([...Object.keys(actual), ...Object.keys(expected)]);
    for (const key of keys) {
      if (!(key in expected)) return `${path}.${key}: not expected, got ${JSON.stringify(actual[key])}`;
      if (!(key in actual)) return `${path}.${key}: missing, expected ${JSON.stringify(expected[key])}`;
      const why = same(actual[key], expected[key], `${path}.${key}`);
      if (why !== true) return why;
    }
    return true;
  }
  return actual === expected || `${path || 'value'}: got ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`;
}

/** Each tool's structured result, reduced to what SandboxExpectations computes. */
const PROJECT = {
  get_forecast: r => ({ forecast_id: r.forecast_id, period: r.period?.id,
    rows: sorted((r.rows ?? []).map(w => [w.user_name, w.field, w.value, w.quota])) }),
  get_deal_risk: r => ({ deals: sorted((r.deals ?? []).map(d => [d.opportunity_id, d.score, d.score_message])),
    failures: (r.failures ?? []).length }),
  get_admin_limits: r => ({ concurrent_limit: r.concurrent_limit, available_concurrent_slots: r.available_concurrent_slots,
    monthly_quota: r.monthly_quota, available_monthly_quota: r.available_monthly_quota }),
  get_pipeline_changes: r => ({ source: r.source, notes: r.notes,
    changes: sorted((r.changes ?? []).map(c => [c.opportunity_id, c.field, c.changed_at])) }),
  get_account: r => ({ fields: r.fields }),
  get_opportunity: r => ({ fields: r.fields, owner: r.owner }),
  get_contact: r => ({ fields: r.fields }),
  get_lead: r => ({ fields: r.fields }),
  query: r => ({ soql: r.soql, total_size: r.total_size,
    rows: sorted((r.records ?? []).map(w => [w.Id, w.Name, w.Amount, w.Owner?.Name])) }),
  pipeline_by_stage: r => ({ from: r.close_date_from, to: r.close_date_to,
    stages: (r.stages ?? []).map(s => [s.stage, s.count, s.amount]),
    total: [r.total?.count, r.total?.amount], overdue: [r.overdue?.count, r.overdue?.amount] }),
  stale_opps: r => ({ total_count: r.total_count,
    opportunities: sorted((r.opportunities ?? []).map(o => [o.id, o.days_in_stage])) }),
  at_risk_commits: r => ({ as_of: r.as_of,
    deals: sorted((r.deals ?? []).map(d => [d.id, [...(d.rules ?? [])].sort(), d.clari_score?.score])) }),
};

/** Expectations list some rows in the tools' documented order and others as sets: sort the sets alike. */
const CANONICAL = {
  get_forecast: e => ({ ...e, rows: sorted(e.rows) }),
  get_deal_risk: e => ({ ...e, deals: sorted(e.deals) }),
  get_pipeline_changes: e => ({ ...e, changes: sorted(e.changes) }),
  query: e => ({ ...e, rows: sorted(e.rows) }),
  stale_opps: e => ({ ...e, opportunities: sorted(e.opportunities) }),
  at_risk_commits: e => ({ ...e, deals: sorted(e.deals) }),
};

let client;

/** Calls a tool; a tool error, or a result cut for size, fails the calling check. */
async function call(name, args) {
  const result = await client.callTool({ name, arguments: args }, undefined, CALL);
  if (result.isError) throw new Error(`${name} answered isError: ${text(result)}`);
  const structured = result.structuredContent;
  if (structured?.cut_for_size) throw new Error(`${name}'s result was cut for size: ${JSON.stringify(structured.cut_for_size)}`);
  for (const secret of config.secrets) {
    if (JSON.stringify(result).includes(secret)) throw new Error(`${name}'s result shows a credential`);
  }
  return structured;
}

async function main() {
  client = await connect(config, SANDBOX);

  await check('initialize: the server introduces itself', () =>
    client.getServerVersion()?.name === 'revops-mcp' || `got ${JSON.stringify(client.getServerVersion())}`);

  await check(`tools/list: all ${x.tools.length} tools, writes included`, async () =>
    same((await client.listTools()).tools.map(t => t.name), x.tools));

  for (const [name, project] of Object.entries(PROJECT)) {
    await check(`${name}: answers with the seeded data`, async () => {
      const expected = (CANONICAL[name] ?? (e => e))(x[name].expect);
      return same(project(await call(name, x[name].args)), expected);
    });
  }

  const note = x.add_note;
  await check('add_note: the note is added and linked to the opportunity', async () => {
    const added = await call('add_note', note.args);
    if (added.outcome !== 'ADDED' || added.title !== note.expect.title) return `got ${JSON.stringify(added)}`;
    const links = await call('query', { soql: note.expect.links_soql });
    const linked = links.records.find(l => l.ContentDocumentId === added.note_id);
    return (links.total_size === note.expect.links_after && linked?.ContentDocument?.Title === note.expect.title)
      || `links after the note: ${JSON.stringify(links.records)}, expected ${note.expect.links_after} with ${added.note_id}`;
  });

  const update = x.update_field;
  await check('update_field: applied, seen by the next read, audited', async () => {
    const applied = await call('update_field', update.args);
    if (applied.outcome !== 'APPLIED' || typeof applied.audit_record_id !== 'string') {
      return `got ${JSON.stringify(applied)}`;
    }
    const read = await call('get_opportunity', { opp_id: update.args.object_id });
    if (read.fields?.NextStep !== update.args.new_value) {
      return `get_opportunity shows NextStep ${JSON.stringify(read.fields?.NextStep)}`;
    }
    const audits = await call('query', { soql: update.expect.audit_soql });
    const row = audits.records.find(a => a.Id === applied.audit_record_id);
    if (audits.total_size !== update.expect.audits_after || !row) {
      return `audit rows: ${JSON.stringify(audits.records)}, expected ${update.expect.audits_after} with`
        + ` ${applied.audit_record_id}`;
    }
    return same(row, { Id: applied.audit_record_id, Object_Name__c: 'Opportunity', Field_Name__c: 'NextStep',
      Old_Value__c: update.expect.old_value, New_Value__c: update.args.new_value,
      Justification__c: update.args.justification });
  });
  await client.close();

  const readOnly = await connect(config, { args: ['--sandbox'], env: { REVOPS_READ_ONLY: 'true' },
    stderrFile: config.readOnlyStderrFile });
  await check('--sandbox with REVOPS_READ_ONLY=true hides add_note and update_field', async () =>
    same((await readOnly.listTools()).tools.map(t => t.name),
      x.tools.filter(n => n !== 'add_note' && n !== 'update_field')));
  await readOnly.close();
}

await finish(main);
