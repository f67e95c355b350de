// The official MCP TypeScript SDK client (@modelcontextprotocol/sdk, pinned in package-lock.json) against the
// CRM and the legacy login, through the SDK's own OAuth flow: 401 -> RFC 9728 -> RFC 8414 -> RFC 7591 ->
// authorization code + PKCE S256 with the RFC 8707 resource -> tool calls. Only the "browser" is ours: it opens
// the authorization URL, fills in the sign-in form like a person would and hands the code back to the SDK.
//
//   node sdk-client.mjs <mcp-url> full|readonly|inspector      (env SDK_USER, SDK_PASSWORD, SDK_TENANT)
//
// Prints one JSON object per line (what happened); SdkClientFlowTest asserts on them. Exit 0 when the scenario
// ran to its end, 1 when something the scenario did not expect failed.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { UnauthorizedError } from '@modelcontextprotocol/sdk/client/auth.js';

const [mcpUrl, scenario] = process.argv.slice(2);
const user = process.env.SDK_USER;
const password = process.env.SDK_PASSWORD;
const tenant = process.env.SDK_TENANT ?? 'acme';
const emit = (event, fields = {}) => console.log(JSON.stringify({ event, ...fields }));

// How each scenario's client registers (RFC 7591), as real clients do.
const REGISTRATIONS = {
  // the SDK's own OAuth example client: confidential, secret in the form, refresh tokens
  full: { client_name: 'SDK example client', redirect_uris: ['http://localhost:8090/callback'],
    grant_types: ['authorization_code', 'refresh_token'], response_types: ['code'], token_endpoint_auth_method: 'client_secret_post' },
  // a minimal registration: no auth method named, so RFC 7591's default (client_secret_basic) applies
  readonly: { client_name: 'minimal client', redirect_uris: ['http://127.0.0.1:33418/callback'],
    grant_types: ['authorization_code', 'refresh_token'], response_types: ['code'] },
  // MCP Inspector's registration: a public client asking for refresh tokens on its loopback callback
  inspector: { client_name: 'MCP Inspector', client_uri: 'https://github.com/modelcontextprotocol/inspector',
    redirect_uris: ['http://localhost:6274/oauth/callback'], grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'], token_endpoint_auth_method: 'none' },
};

/** An in-memory OAuthClientProvider whose "browser" signs in through the login's form. */
class FormSigningProvider {
  constructor(metadata) {
    this.metadata = metadata;
    this.signIns = 0;
    this.tokenSaves = [];
    this.pendingCode = undefined;
    this._state = undefined;
  }
  get redirectUrl() { return this.metadata.redirect_uris[0]; }
  get clientMetadata() { return this.metadata; }
  state() { this._state = crypto.randomUUID(); return this._state; }
  clientInformation() { return this.info; }
  saveClientInformation(info) {
    this.info = info;
    emit('registered', { client_id: info.client_id, token_endpoint_auth_method: info.token_endpoint_auth_method,
      grant_types: info.grant_types, has_secret: typeof info.client_secret === 'string' });
  }
  tokens() { return this.current; }
  saveTokens(tokens) {
    this.current = tokens;
    this.tokenSaves.push(tokens);
    emit('tokens', { scope: tokens.scope, has_refresh_token: typeof tokens.refresh_token === 'string', saves: this.tokenSaves.length });
  }
  saveCodeVerifier(v) { this.verifier = v; }
  codeVerifier() { return this.verifier; }

  /** The person in the browser: open the URL, fill in the form, follow the answer back to the redirect URI. */
  async redirectToAuthorization(url) {
    this.signIns++;
    const params = Object.fromEntries(url.searchParams);
    emit('authorize', { n: this.signIns, scope: params.scope ?? null, resource: params.resource ?? null,
      code_challenge_method: params.code_challenge_method, has_state: !!params.state });
    const page = await fetch(url, { redirect: 'manual' });
    const html = await page.text();
    if (page.status !== 200) throw new Error(`authorization page answered ${page.status}: ${html.slice(0, 200)}`);
    const form = new URLSearchParams();
    for (const m of html.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g)) form.set(unescape(m[1]), unescape(m[2]));
    form.set('username', user);
    form.set('password', password);
    form.set('tenant', tenant);
    const answer = await fetch(new URL('/authorize', url), { method: 'POST', redirect: 'manual', body: form,
      headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    const location = answer.headers.get('location');
    if (answer.status !== 302 || !location) throw new Error(`sign-in answered ${answer.status}`);
    const back = new URL(location);
    if (back.searchParams.get('state') !== this._state) throw new Error('state mismatch');
    if (back.searchParams.get('error')) throw new Error(`authorization error ${back.searchParams.get('error')}: ${back.searchParams.get('error_description')}`);
    this.pendingCode = back.searchParams.get('code');
  }
}

function unescape(s) {
  return s.replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');
}

async function connect(provider) {
  const client = new Client({ name: `tokencontract-${scenario}`, version: '1.0.0' });
  let transport = new StreamableHTTPClientTransport(new URL(mcpUrl), { authProvider: provider });
  try {
    await client.connect(transport);
  } catch (e) {
    if (!(e instanceof UnauthorizedError) || !provider.pendingCode) throw e;
    await transport.finishAuth(provider.pendingCode); // the SDK exchanges the code (PKCE verifier, resource)
    provider.pendingCode = undefined;
    transport = new StreamableHTTPClientTransport(new URL(mcpUrl), { authProvider: provider });
    await client.connect(transport);
  }
  emit('connected', { session: typeof transport.sessionId === 'string' });
  return client;
}

async function call(client, name, args) {
  try {
    const result = await client.callTool({ name, arguments: args });
    const text = result.content?.[0]?.text ?? '';
    emit('call', { tool: name, outcome: result.isError ? 'tool_error' : 'ok', text });
  } catch (e) {
    emit('call', { tool: name, outcome: 'error', code: e.code ?? null, message: String(e.message ?? e) });
  }
}

async function main() {
  const provider = new FormSigningProvider(REGISTRATIONS[scenario]);
  if (!provider.metadata) throw new Error(`unknown scenario ${scenario}`);
  const client = await connect(provider);
  const tools = await client.listTools();
  emit('tools', { names: tools.tools.map(t => t.name) });
  if (scenario === 'full') {
    await call(client, 'getCustomer', { customerId: 'c-100' });
    await call(client, 'updateAccountStatus', { customerId: 'c-100', status: 'active' });
    await call(client, 'lookupEmployee', { employeeId: 'e-1' });
    await call(client, 'toggleFeature', { feature: 'beta-dashboard', enabled: true });
    await call(client, 'deleteEverything', {});
  } else if (scenario === 'readonly') {
    await call(client, 'getCustomer', { customerId: 'c-100' });
    await call(client, 'updateAccountStatus', { customerId: 'c-100', status: 'closed' });
    await call(client, 'getCustomer', { customerId: 'c-101' });
  } else if (scenario === 'inspector') {
    await call(client, 'getCustomer', { customerId: 'c-100' });
    // the access token runs out (here: it is spoiled): the next call gets 401 and the SDK refreshes, no sign-in
    provider.current = { ...provider.current, access_token: 'expired.' + provider.current.access_token.slice(8) };
    await call(client, 'getCustomer', { customerId: 'c-101' });
  }
  emit('done', { sign_ins: provider.signIns, token_saves: provider.tokenSaves.length,
    refresh_rotated: provider.tokenSaves.length > 1
      && provider.tokenSaves[0].refresh_token !== provider.tokenSaves[provider.tokenSaves.length - 1].refresh_token });
  await client.close();
}

main().catch(e => {
  emit('failed', { message: String(e?.message ?? e) });
  process.exit(1);
});
