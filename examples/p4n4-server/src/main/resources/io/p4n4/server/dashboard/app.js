// p4n4 dashboard: vanilla JavaScript (ES2020), no framework, no build step, no network beyond this server.
// The API is docs/server.md. Every piece of data reaches the page through textContent, never innerHTML.
'use strict';

(() => {
  const TOKEN_KEY = 'p4n4.token';
  const LOG_LINE_CAP = 1000;

  // ---- small DOM helpers ----------------------------------------------------------------------------------

  const $ = (id) => document.getElementById(id);

  /** An element with optional attributes and children (strings become text nodes). */
  function el(tag, attrs = {}, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs)) {
      if (value === undefined || value === null || value === false) continue;
      if (name === 'class') node.className = value;
      else if (name === 'text') node.textContent = value;
      else node.setAttribute(name, value === true ? '' : String(value));
    }
    for (const child of children) {
      if (child === undefined || child === null) continue;
      node.append(typeof child === 'string' ? document.createTextNode(child) : child);
    }
    return node;
  }

  const lower = (value) => (value === undefined || value === null || value === '' ? '' : String(value).toLowerCase());

  function clock(time) {
    if (!time) return '';
    const date = new Date(time);
    return Number.isNaN(date.getTime()) ? String(time) : date.toLocaleTimeString();
  }

  function parseJson(text) {
    try {
      return JSON.parse(text);
    } catch (e) {
      return null;
    }
  }

  // ---- the token: from the fragment into sessionStorage, out of the address bar ---------------------------

  function takeTokenFromFragment() {
    const fragment = new URLSearchParams(location.hash.replace(/^#/, ''));
    const token = fragment.get('token');
    if (token) {
      sessionStorage.setItem(TOKEN_KEY, token);
      fragment.delete('token');
      const rest = fragment.toString();
      history.replaceState(history.state, '', location.pathname + location.search + (rest ? '#' + rest : ''));
    } else if (location.hash.startsWith('#token=')) {
      // '#token=' with nothing after it: drop it from the address bar all the same
      history.replaceState(history.state, '', location.pathname + location.search);
    }
  }

  const token = () => sessionStorage.getItem(TOKEN_KEY);

  function showAuthMessage(text) {
    $('auth-message').textContent = text;
    $('auth').hidden = false;
  }

  /** The token typed into the form is kept for this tab only, like one taken from the address. */
  function listenForTypedToken() {
    $('token-form').addEventListener('submit', (event) => {
      event.preventDefault();
      const typed = $('token-input').value.trim();
      if (!typed) return;
      sessionStorage.setItem(TOKEN_KEY, typed);
      $('token-input').value = '';
      $('auth').hidden = true;
    });
  }

  const NO_TOKEN = 'No token: reading works, but starting and stopping stacks needs one. Paste '
    + 'P4N4_SERVER_TOKEN from the project\'s .env, or open the address `p4n4 serve --print-token-url` prints.';
  const BAD_TOKEN = 'The server refused the token (401). Paste P4N4_SERVER_TOKEN from the project\'s .env '
    + 'again; if it was changed there, restart the server first.';

  // ---- HTTP -----------------------------------------------------------------------------------------------

  class ApiError extends Error {
    constructor(status, problem) {
      super((problem && (problem.detail || problem.title)) || `HTTP ${status}`);
      this.status = status;
      this.code = problem && problem.code;
    }
  }

  async function problemOf(response) {
    const text = await response.text().catch(() => '');
    const problem = parseJson(text);
    return problem && typeof problem === 'object'
      ? problem : { title: response.statusText, detail: text.trim() || null };
  }

  /** fetch with the bearer token on every mutating call; resolves to the JSON body, rejects with ApiError. */
  async function api(method, path, body) {
    const headers = { Accept: 'application/json' };
    if (method !== 'GET') {
      const bearer = token();
      if (!bearer) {
        showAuthMessage(NO_TOKEN);
        throw new ApiError(401, { detail: NO_TOKEN, code: 'USER' });
      }
      headers.Authorization = `Bearer ${bearer}`;
    }
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let response;
    try {
      response = await fetch(path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        cache: 'no-store',
      });
    } catch (e) {
      throw new ApiError(0, { detail: `The server did not answer (${e.message}).`, code: 'NETWORK' });
    }
    if (response.status === 401) {
      showAuthMessage(BAD_TOKEN);
      throw new ApiError(401, await problemOf(response));
    }
    if (!response.ok) throw new ApiError(response.status, await problemOf(response));
    const text = await response.text();
    return text ? parseJson(text) : null;
  }

  // ---- Stacks: one EventSource on /api/v1/status/events, no polling ----------------------------------------

  let latestStatus = null;
  const busyStacks = new Set(); // stacks with an operation running: their buttons stay disabled
  const stackCards = new Map(); // stack name -> {card, tbody, buttons}

  function connectStatus() {
    const source = new EventSource('/api/v1/status/events');
    const connection = $('connection');
    source.addEventListener('open', () => {
      connection.textContent = 'live';
      connection.dataset.state = 'live';
    });
    source.addEventListener('status', (event) => {
      const status = parseJson(event.data);
      if (status && typeof status === 'object') renderStatus(status);
    });
    source.addEventListener('error', () => {
      if (source.readyState === EventSource.CLOSED) {
        // the server refused the stream (not an event stream, or an error status): try again in a while
        connection.textContent = 'disconnected, retrying';
        connection.dataset.state = 'down';
        source.close();
        setTimeout(connectStatus, 5000);
      } else {
        connection.textContent = 'reconnecting';
        connection.dataset.state = 'reconnecting';
      }
    });
  }

  function renderStatus(status) {
    latestStatus = status;
    const stacks = status.stacks && typeof status.stacks === 'object' ? status.stacks : {};
    const names = Object.keys(stacks);
    $('status-meta').textContent =
      `${status.engine ? 'engine ' + status.engine + ' · ' : ''}updated ${clock(status.at) || 'now'}`
      + (status.sequence !== undefined ? ` · #${status.sequence}` : '');
    $('stacks-empty').hidden = names.length > 0;
    $('stacks-empty').textContent = 'No stacks in this project.';

    const list = $('stack-list');
    for (const [name, entry] of stackCards) {
      if (!(name in stacks)) {
        entry.card.remove();
        stackCards.delete(name);
      }
    }
    for (const name of names) {
      const entry = stackCards.get(name) || createStackCard(name);
      list.append(entry.card); // keeps the server's order
      renderStackRows(entry, name, Array.isArray(stacks[name]) ? stacks[name] : []);
    }
    refreshLogSelectors();
  }

  function createStackCard(name) {
    const button = (action) => {
      const b = el('button', { type: 'button', class: `action ${action}`, 'data-action': action, 'data-stack': name },
        action);
      b.addEventListener('click', () => runOperation(name, action));
      return b;
    };
    const buttons = [button('up'), button('down')];
    const tbody = el('tbody');
    const card = el('article', { class: 'stack', 'data-stack': name },
      el('header', {}, el('h3', { text: name }), el('span', { class: 'summary dim' }), el('div', { class: 'buttons' },
        ...buttons)),
      el('table', {},
        el('thead', {}, el('tr', {},
          ...['service', 'container', 'image', 'state', 'health', 'ports'].map((h) => el('th', { text: h })))),
        tbody));
    const entry = { card, tbody, buttons, summary: card.querySelector('.summary') };
    stackCards.set(name, entry);
    applyBusy(name);
    return entry;
  }

  function formatPort(port) {
    if (!port || typeof port !== 'object') return '';
    const proto = port.protocol && lower(port.protocol) !== 'tcp' ? `/${lower(port.protocol)}` : '';
    if (!port.host_port) return `${port.container_port}${proto}`;
    const host = port.host_ip && port.host_ip !== '0.0.0.0' ? `${port.host_ip}:` : '';
    return `${host}${port.host_port}→${port.container_port}${proto}`;
  }

  function renderStackRows(entry, stack, services) {
    const rows = [];
    if (services.length === 0) {
      rows.push(el('tr', { class: 'empty', 'data-stack': stack }, el('td', { colspan: 6, text: 'not running' })));
    }
    for (const s of services) {
      const state = lower(s.state);
      const health = lower(s.health);
      const ports = Array.isArray(s.ports) ? s.ports.map(formatPort).filter(Boolean).join(', ') : '';
      rows.push(el('tr', { 'data-stack': stack, 'data-service': s.service ?? '', 'data-state': state,
        'data-health': health },
      el('td', { class: 'service', text: s.service ?? '' }),
      el('td', { class: 'container', text: s.container ?? '' }),
      el('td', { class: 'image', text: s.image ?? '' }),
      el('td', { class: 'state', text: state }),
      el('td', { class: 'health', text: health }),
      el('td', { class: 'ports', text: ports })));
    }
    entry.tbody.replaceChildren(...rows);
    const running = services.filter((s) => lower(s.state) === 'running').length;
    entry.summary.textContent = services.length === 0 ? 'not running' : `${running}/${services.length} running`;
    entry.card.dataset.state = services.length === 0 ? 'empty' : (running === services.length ? 'running' : 'partial');
  }

  function applyBusy(stack) {
    const entry = stackCards.get(stack);
    if (!entry) return;
    for (const b of entry.buttons) b.disabled = busyStacks.has(stack);
    entry.card.classList.toggle('busy', busyStacks.has(stack));
  }

  // ---- Up / down with progress ----------------------------------------------------------------------------

  let currentOperation = 0; // only the latest operation writes into #operation

  function operationView(state, summary) {
    const box = $('operation');
    box.dataset.state = state;
    $('operation-summary').textContent = summary;
    $('operation-summary').classList.toggle('dim', state === 'idle');
  }

  function addOperationLine(text, kind) {
    $('operation-lines').append(el('li', { class: kind || 'progress', text }));
  }

  function progressLine(p) {
    if (!p || typeof p !== 'object') return String(p);
    const amount = p.total ? `${p.current ?? 0}/${p.total}` : null; // a layer being pulled
    return [clock(p.time), p.step, p.subject, p.detail, p.layer, amount]
      .filter((part) => part !== undefined && part !== null && part !== '').join('  ');
  }

  function resultSummary(result) {
    if (result === null || result === undefined) return '';
    const text = typeof result === 'string' ? result : JSON.stringify(result);
    return text.length > 400 ? text.slice(0, 400) + '…' : text;
  }

  async function runOperation(stack, action) {
    const ticket = ++currentOperation;
    busyStacks.add(stack);
    applyBusy(stack);
    $('operation-lines').replaceChildren();
    operationView('starting', `${action} ${stack}: starting…`);
    let operation;
    try {
      operation = await api('POST', `/api/v1/stacks/${encodeURIComponent(stack)}/${action}`,
        action === 'up' ? { wait: true } : { volumes: false });
    } catch (e) {
      busyStacks.delete(stack);
      applyBusy(stack);
      if (ticket === currentOperation) {
        operationView('failed', `${action} ${stack} failed${e.code ? ' (' + e.code + ')' : ''}: ${e.message}`);
      }
      return;
    }
    if (ticket === currentOperation) {
      operationView('running', `${action} ${stack}: running (operation ${operation && operation.id})`);
    }
    followOperation(ticket, stack, action, operation || {});
  }

  function followOperation(ticket, stack, action, operation) {
    const events = operation.events || `/api/v1/operations/${encodeURIComponent(operation.id)}/events`;
    const source = new EventSource(events);
    const mine = () => ticket === currentOperation;
    const finish = (state, summary, detail) => {
      source.close();
      busyStacks.delete(stack);
      applyBusy(stack);
      if (!mine()) return;
      if (detail) addOperationLine(detail, state);
      operationView(state, summary);
    };
    // the stream replays every progress event from the start: after a reconnect, start the list again
    source.addEventListener('open', () => {
      if (mine()) $('operation-lines').replaceChildren();
    });
    source.addEventListener('progress', (event) => {
      if (mine()) addOperationLine(progressLine(parseJson(event.data) ?? event.data));
    });
    source.addEventListener('done', (event) => {
      const result = parseJson(event.data) ?? event.data;
      finish('succeeded', `${action} ${stack}: succeeded`, resultSummary(result) || null);
    });
    source.addEventListener('failed', (event) => {
      const problem = parseJson(event.data) || {};
      const code = problem.code ? ` (${problem.code})` : '';
      finish('failed', `${action} ${stack} failed${code}: ${problem.message || problem.detail || event.data}`);
    });
    source.addEventListener('error', () => {
      if (source.readyState === EventSource.CLOSED) {
        finish('failed', `${action} ${stack}: lost the operation's event stream (${events})`);
      }
    });
  }

  // ---- Logs -----------------------------------------------------------------------------------------------

  let logSource = null;

  function fillSelect(select, values) {
    const previous = select.value;
    const same = select.options.length === values.length
      && values.every((v, i) => select.options[i].value === v);
    if (!same) {
      select.replaceChildren(...values.map((v) => el('option', { value: v, text: v })));
    }
    if (values.includes(previous)) select.value = previous;
  }

  function refreshLogSelectors() {
    const stacks = latestStatus && latestStatus.stacks ? latestStatus.stacks : {};
    fillSelect($('log-stack'), Object.keys(stacks));
    refreshLogServices();
  }

  function refreshLogServices() {
    const stacks = latestStatus && latestStatus.stacks ? latestStatus.stacks : {};
    const services = Array.isArray(stacks[$('log-stack').value]) ? stacks[$('log-stack').value] : [];
    fillSelect($('log-service'), [...new Set(services.map((s) => s.service).filter(Boolean))]);
    $('log-follow').disabled = !$('log-service').value;
  }

  function stopLogs(reason) {
    if (logSource) {
      logSource.close();
      logSource = null;
    }
    $('log-state').textContent = reason;
    $('logs').dataset.state = 'stopped';
  }

  // lines arrive in bursts (the tail, then whatever the service prints): they are added in batches, 20 a second
  let pendingLines = [];
  let flushTimer = null;

  function appendLogLine(text) {
    pendingLines.push(text);
    if (pendingLines.length > LOG_LINE_CAP) pendingLines.splice(0, pendingLines.length - LOG_LINE_CAP);
    if (flushTimer === null) flushTimer = setTimeout(flushLogLines, 50);
  }

  function flushLogLines() {
    flushTimer = null;
    const pre = $('log-lines');
    const atBottom = pre.scrollTop + pre.clientHeight >= pre.scrollHeight - 4;
    const batch = document.createDocumentFragment();
    for (const text of pendingLines) batch.append(document.createTextNode(text + '\n'));
    pendingLines = [];
    pre.append(batch);
    for (let excess = pre.childNodes.length - LOG_LINE_CAP; excess > 0; excess--) pre.firstChild.remove();
    if (atBottom) pre.scrollTop = pre.scrollHeight;
  }

  function clearLogLines() {
    clearTimeout(flushTimer);
    flushTimer = null;
    pendingLines = [];
    $('log-lines').replaceChildren();
  }

  function followLogs() {
    const stack = $('log-stack').value;
    const service = $('log-service').value;
    if (!stack || !service) return;
    stopLogs('');
    clearLogLines();
    const url = `/api/v1/stacks/${encodeURIComponent(stack)}/services/${encodeURIComponent(service)}/logs?tail=100`;
    const source = new EventSource(url);
    logSource = source;
    $('log-state').textContent = `connecting to ${stack}/${service}…`;
    $('logs').dataset.state = 'connecting';
    source.addEventListener('open', () => {
      if (logSource !== source) return;
      $('log-state').textContent = `following ${stack}/${service}`;
      $('logs').dataset.state = 'following';
    });
    source.addEventListener('log', (event) => {
      if (logSource !== source) return;
      const line = parseJson(event.data);
      appendLogLine(line && typeof line === 'object' ? String(line.text ?? '') : event.data);
    });
    // the server says when the log ends (the container stopped, or follow=false)
    source.addEventListener('end', () => {
      if (logSource === source) {
        stopLogs(`log of ${stack}/${service} ended (the container stopped): press Follow to start again`);
      }
    });
    // no automatic reconnect: it would replay the last 100 lines again; press Follow to start over
    source.addEventListener('error', () => {
      if (logSource === source) stopLogs(`stream of ${stack}/${service} ended: press Follow to start again`);
    });
  }

  // ---- Devices --------------------------------------------------------------------------------------------

  function describeDesired(desired) {
    if (!desired) return '—';
    const parts = [];
    if (desired.revision !== undefined && desired.revision !== null) parts.push(`rev ${desired.revision}`);
    if (desired.type) parts.push(desired.type);
    if (desired.generation !== undefined && desired.generation !== null) parts.push(`gen ${desired.generation}`);
    if (desired.hash) parts.push(String(desired.hash).slice(0, 12));
    return parts.join(' · ') || '—';
  }

  function describeReported(reported) {
    if (!reported) return 'nothing reported';
    const parts = [];
    if (reported.state) parts.push(lower(reported.state));
    if (reported.revision !== undefined && reported.revision !== null) parts.push(`rev ${reported.revision}`);
    if (reported.message) parts.push(reported.message);
    return parts.join(' · ') || '—';
  }

  function inSync(deployment) {
    const { desired, reported } = deployment;
    if (!desired && !reported) return ['—', 'unknown'];
    if (!desired) return ['deleted, still reported', 'drift'];
    if (!reported) return ['waiting for the agent', 'pending'];
    if (String(reported.revision) !== String(desired.revision)) return ['no', 'drift'];
    const state = lower(reported.state);
    if (state.includes('fail') || state.includes('error')) return ['failed', 'failed'];
    return ['yes', 'ok'];
  }

  function renderDevices(answer) {
    const message = $('devices-message');
    const table = $('devices-table');
    if (!answer || answer.configured === false) {
      message.textContent = 'no NATS configured (p4n4 serve --nats URL)';
      message.hidden = false;
      table.hidden = true;
      return;
    }
    const devices = Array.isArray(answer.devices) ? answer.devices : [];
    if (devices.length === 0) {
      message.textContent = 'No devices yet: publish a Score or start an agent.';
      message.hidden = false;
      table.hidden = true;
      return;
    }
    const rows = [];
    for (const device of devices) {
      const agent = device.reported
        ? [lower(device.reported.state), clock(device.reported.time)].filter(Boolean).join(' · ')
        : 'never reported';
      const deployments = Array.isArray(device.deployments) && device.deployments.length > 0
        ? device.deployments : [null];
      deployments.forEach((d, i) => {
        const cells = [];
        if (i === 0) {
          cells.push(el('td', { class: 'device', rowspan: deployments.length, text: device.device ?? '' }));
          cells.push(el('td', { class: 'agent', rowspan: deployments.length, text: agent }));
        }
        if (d === null) {
          cells.push(el('td', { class: 'deployment dim', colspan: 4, text: 'no deployments' }));
        } else {
          const [sync, syncState] = inSync(d);
          cells.push(el('td', { class: 'deployment', text: d.deployment ?? '' }));
          cells.push(el('td', { class: 'desired', text: describeDesired(d.desired) }));
          cells.push(el('td', { class: 'reported', text: describeReported(d.reported) }));
          cells.push(el('td', { class: 'sync', 'data-sync': syncState, text: sync }));
        }
        rows.push(el('tr', { 'data-device': device.device ?? '', 'data-deployment': d ? d.deployment : null },
          ...cells));
      });
    }
    $('devices-body').replaceChildren(...rows);
    message.hidden = true;
    table.hidden = false;
  }

  async function refreshDevices() {
    const button = $('devices-refresh');
    button.disabled = true;
    $('devices-state').textContent = 'loading…';
    try {
      renderDevices(await api('GET', '/api/v1/devices'));
      $('devices-state').textContent = `as of ${new Date().toLocaleTimeString()}`;
    } catch (e) {
      $('devices-state').textContent = '';
      $('devices-message').textContent = e.status === 503 && e.code === 'NETWORK'
        ? `no NATS configured (p4n4 serve --nats URL): ${e.message}`
        : `Could not load the devices: ${e.message}`;
      $('devices-message').hidden = false;
      $('devices-table').hidden = true;
    } finally {
      button.disabled = false;
    }
  }

  // ---- start ----------------------------------------------------------------------------------------------

  function start() {
    takeTokenFromFragment();
    listenForTypedToken();
    if (!token()) showAuthMessage(NO_TOKEN);
    $('log-stack').addEventListener('change', () => {
      stopLogs('not following');
      refreshLogServices();
    });
    $('log-service').addEventListener('change', () => stopLogs('not following'));
    $('log-follow').addEventListener('click', followLogs);
    $('log-follow').disabled = true;
    $('devices-refresh').addEventListener('click', refreshDevices);
    connectStatus();
    refreshDevices();
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
