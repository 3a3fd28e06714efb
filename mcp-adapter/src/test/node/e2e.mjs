// End-to-end test of revops-mcp.jar driven by the official MCP TypeScript SDK client.
// Run by McpClientEndToEndIT, which starts the fake Clari and Salesforce endpoints and passes a JSON
// config file as the only argument. At two points the script asks the Java side to check what only it
// can see, by printing a line `PHASE <name>` and reading `ok` or `fail <reason>` from stdin:
//   zero-http   after the invalid-argument and dry-run calls: the fakes received no request at all;
//   cancelled   after cancelling a running forecast export: Clari received the job's cancel request.
// Prints `ok - <check>` / `not ok - <check>: <why>` per check and a closing `N passed, N failed` line;
// exits 1 when any check failed (see harness.mjs).
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { CALL, check, connect, finish, isObject, notOk, ok, text } from './harness.mjs';

const config = JSON.parse(readFileSync(process.argv[2], 'utf8'));

const stdinLines = createInterface({ input: process.stdin })[Symbol.asyncIterator]();
async function askJava(phase) {
  console.log(`PHASE ${phase}`);
  const { value } = await stdinLines.next();
  const answer = (value ?? 'fail no answer').trim();
  if (answer === 'ok') ok(`java: ${phase}`); else notOk(`java: ${phase}`, answer.replace(/^fail\s*/, ''));
}

// What every tool must declare, and one valid and one invalid call of each.
const HINTS = {
  read: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true },
  add_note: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
  update_field: { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: true },
};
const ids = config.ids;
const TOOLS = {
  get_forecast: {
    valid: { forecast_id: 'net_arr', time_period: '2026_Q2' },
    invalid: { time_period: 'FY26 Q2' },
    expect: r => (r.structuredContent.rows?.[0]?.user_name === 'Vera VP' && text(r).includes('| Person |'))
      || `no forecast table: ${JSON.stringify(r.structuredContent)}`,
  },
  get_deal_risk: {
    valid: { opp_ids: [ids.opportunity] },
    invalid: { opp_ids: [ids.account] },
    expect: r => r.structuredContent.deals?.[0]?.score === 71 || 'no Clari score',
  },
  get_admin_limits: {
    valid: {},
    invalid: { verbose: true },
    expect: r => r.structuredContent.available_monthly_quota === 96 || 'wrong quota',
  },
  get_pipeline_changes: {
    valid: { start_date: '2026-05-01', end_date: '2026-05-07' },
    invalid: { start_date: '2026-05-07', end_date: '2026-05-01' },
    expect: r => r.structuredContent.changes?.[0]?.new_value === 'Commit' || 'no stage change',
  },
  get_account: {
    valid: { account_id: ids.account },
    invalid: { account_id: ids.opportunity },
    expect: r => r.structuredContent.fields?.Name === 'Acme Corp' || 'no account name',
  },
  get_opportunity: {
    valid: { opp_id: ids.opportunity },
    invalid: { opp_id: ids.opportunity.slice(0, 15) + 'AAB' },
    expect: r => r.structuredContent.owner?.email === 'dana@acme.example' || 'no owner email',
  },
  get_contact: {
    valid: { contact_id: ids.contact },
    invalid: {},
    expect: r => r.structuredContent.fields?.Title === 'CFO' || 'no title',
  },
  get_lead: {
    valid: { lead_id: ids.lead },
    invalid: { lead_id: 42 },
    expect: r => r.structuredContent.fields?.Company === 'Globex' || 'no company',
  },
  query: {
    valid: { soql: 'SELECT Id, Name FROM Account' },
    invalid: { soql: "DELETE FROM Account WHERE Name = 'x'" },
    expect: r => (r.structuredContent.records?.length === 2 && r.structuredContent.soql?.endsWith('LIMIT 200'))
      || 'rows or guard rewrite missing',
    invalidText: 'SOQL guard',
  },
  pipeline_by_stage: {
    valid: { close_date_window_days: 90 },
    invalid: { close_date_window_days: 0 },
    expect: r => (r.structuredContent.total?.count === 5 && text(r).includes('| Stage |')) || 'no stage table',
  },
  stale_opps: {
    valid: { days_in_stage_threshold: 30 },
    invalid: { days_in_stage_threshold: 'thirty' },
    expect: r => r.structuredContent.opportunities?.[0]?.days_in_stage > 1000 || 'no stale deal',
  },
  at_risk_commits: {
    valid: { quarter_end_date: '2026-06-30' },
    invalid: { quarter_end_date: '2026-02-30' },
    expect: r => r.structuredContent.deals?.[0]?.rules?.includes('NO_RECENT_ACTIVITY') || 'no flagged deal',
  },
  add_note: {
    hints: 'add_note',
    valid: { object_type: 'Opportunity', object_id: ids.opportunity, body: 'Call with the CFO\nPricing agreed.' },
    invalid: { object_type: 'Account', object_id: ids.opportunity, body: 'x' },
    expect: r => r.structuredContent.outcome === 'ADDED' || 'note not added',
  },
  update_field: {
    hints: 'update_field',
    valid: { object_type: 'Opportunity', object_id: ids.opportunity, field_name: 'NextStep',
      new_value: 'Legal review', justification: 'Agreed in the forecast call today' },
    invalid: { object_type: 'Opportunity', object_id: ids.opportunity, field_name: 'NextStep',
      new_value: 'Legal review', justification: 'because' },
    expect: r => (r.structuredContent.outcome === 'APPLIED' && typeof r.structuredContent.audit_record_id === 'string')
      || 'not applied',
  },
};

function describedEverywhere(schema, path) {
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    if (!property.description) return `${path}.${name} has no description`;
    if (property.items && !property.items.description) return `${path}.${name}[] has no description`;
  }
  return true;
}

async function main() {
  const client = await connect(config, { stderrFile: config.stderrFile });

  await check('initialize: server info and instructions', () => {
    const info = client.getServerVersion();
    const instructions = client.getInstructions() ?? '';
    return (info?.name === 'revops-mcp' && instructions.includes('get_forecast') && instructions.includes('query'))
      || `got ${JSON.stringify(info)} / ${instructions}`;
  });

  const { tools } = await client.listTools();
  const byName = Object.fromEntries(tools.map(t => [t.name, t]));
  await check(`tools/list shows all ${Object.keys(TOOLS).length} tools`, () =>
    (tools.length === Object.keys(TOOLS).length && Object.keys(TOOLS).every(n => byName[n]))
      || `got ${tools.map(t => t.name).join(', ')}`);
  for (const [name, spec] of Object.entries(TOOLS)) {
    await check(`tools/list: ${name} has title, annotations and schemas`, () => {
      const tool = byName[name];
      if (!tool) return 'missing';
      const expected = HINTS[spec.hints ?? 'read'];
      for (const [hint, value] of Object.entries(expected)) {
        if (tool.annotations?.[hint] !== value) return `${hint} is ${tool.annotations?.[hint]}, expected ${value}`;
      }
      if (!tool.title || !tool.description) return 'no title or description';
      if (tool.inputSchema?.type !== 'object' || tool.inputSchema.additionalProperties !== false) {
        return 'input schema is not a closed object';
      }
      if (!tool.inputSchema.properties?.dry_run) return 'no dry_run argument';
      if (tool.outputSchema?.type !== 'object') return 'no output schema';
      return describedEverywhere(tool.inputSchema, name);
    });
  }

  // Phase 1: nothing here may reach Clari or Salesforce.
  for (const [name, spec] of Object.entries(TOOLS)) {
    await check(`${name}: invalid arguments give isError with a fix`, async () => {
      const result = await client.callTool({ name, arguments: spec.invalid }, undefined, CALL);
      const message = text(result);
      if (result.isError !== true) return `not an error: ${message}`;
      const expected = spec.invalidText ?? 'Invalid argument';
      return message.includes(expected) || `message lacks '${expected}': ${message}`;
    });
    await check(`${name}: dry_run returns the request plan`, async () => {
      const result = await client.callTool({ name, arguments: { ...spec.valid, dry_run: true } }, undefined, CALL);
      if (result.isError) return `error: ${text(result)}`;
      const plan = result.structuredContent?.dry_run_plan;
      return (isObject(plan) && Array.isArray(plan.requests) && text(result).startsWith('Dry run of'))
        || `no plan: ${JSON.stringify(result.structuredContent)}`;
    });
  }
  await askJava('zero-http');

  // Phase 2: one successful call per tool.
  for (const [name, spec] of Object.entries(TOOLS)) {
    await check(`${name}: a valid call succeeds with structured content and text`, async () => {
      const result = await client.callTool({ name, arguments: spec.valid }, undefined, CALL);
      if (result.isError) return `error: ${text(result)}`;
      if (!isObject(result.structuredContent)) return 'no structuredContent';
      if (!text(result)) return 'no text content';
      return spec.expect(result);
    });
  }

  await check('get_forecast: progress notifications arrive while a slow export job runs', async () => {
    const progress = [];
    const result = await client.callTool(
      { name: 'get_forecast', arguments: { forecast_id: config.slowTab, time_period: '2026_Q2' } }, undefined,
      { ...CALL, onprogress: p => progress.push(p), resetTimeoutOnProgress: true });
    if (result.isError) return `error: ${text(result)}`;
    if (progress.length < 2) return `only ${progress.length} progress notification(s)`;
    const increasing = progress.every((p, i) => i === 0 || p.progress > progress[i - 1].progress);
    if (!increasing) return `progress not increasing: ${progress.map(p => p.progress)}`;
    return progress.some(p => /job-slow: STARTED, \d+ s elapsed/.test(p.message ?? ''))
      || `messages: ${progress.map(p => p.message).join(' | ')}`;
  });

  await check('get_forecast: cancelling the request is accepted by the client', async () => {
    const controller = new AbortController();
    try {
      await client.callTool(
        { name: 'get_forecast', arguments: { forecast_id: config.stuckTab, time_period: '2026_Q2' } }, undefined,
        { ...CALL, signal: controller.signal, onprogress: () => controller.abort('the user stopped it') });
      return 'the call finished although it was cancelled';
    } catch (e) {
      return controller.signal.aborted || `failed otherwise: ${e}`;
    }
  });
  await askJava('cancelled');

  await check('unknown tool is a protocol error, not a crash', async () => {
    try {
      await client.callTool({ name: 'drop_database', arguments: {} }, undefined, CALL);
      return 'no error';
    } catch (e) {
      return e?.code === -32602 || `code ${e?.code}`;
    }
  });
  await client.close();

  // Read-only mode: the write tools disappear.
  const readOnly = await connect(config,
    { env: { REVOPS_READ_ONLY: 'true' }, stderrFile: config.readOnlyStderrFile });
  await check('read-only mode hides add_note and update_field', async () => {
    const names = (await readOnly.listTools()).tools.map(t => t.name);
    return (names.length === Object.keys(TOOLS).length - 2 && !names.includes('add_note')
      && !names.includes('update_field')) || `got ${names.join(', ')}`;
  });
  await readOnly.close();

  await check('stderr: one JSON line per tool call, no credentials', () => {
    const log = readFileSync(config.stderrFile, 'utf8');
    for (const secret of config.secrets) {
      if (log.includes(secret)) return 'a credential appears on stderr';
    }
    const calls = log.split('\n').filter(l => l.startsWith('{"ts":')).map(l => JSON.parse(l));
    // Three calls per tool, the slow forecast, and the cancelled one (whose line may still be on its way
    // when the client closes the server).
    const expectedCalls = Object.keys(TOOLS).length * 3 + 2;
    if (calls.length < expectedCalls - 1 || calls.length > expectedCalls) {
      return `${calls.length} call lines, expected ${expectedCalls}`;
    }
    for (const name of Object.keys(TOOLS)) {
      if (calls.filter(c => c.tool === name).length < 3) return `fewer than 3 lines for ${name}`;
    }
    const bad = calls.find(c => !c.tool || !/^[0-9a-f]{64}$/.test(c.args_sha256) || typeof c.duration_ms !== 'number'
      || !Array.isArray(c.http) || !['ok', 'error', 'dry_run'].includes(c.outcome));
    return !bad || `malformed line ${JSON.stringify(bad)}`;
  });
}

await finish(main);
