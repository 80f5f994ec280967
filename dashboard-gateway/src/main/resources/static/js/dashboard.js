// Flare's live dashboard: pick metrics, subscribe over RSocket (WebSocket), apply snapshots
// and diffs, and render series (uPlot), top-K leaderboards and counters with their freshness.
(function () {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const wsUrl = (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/rsocket';
  const panels = new Map();
  let connection = null;
  let metrics = [];
  let panelIds = 0;
  // what the gateway says the page starts with: a token (local platform only) and panels
  let startPanels = [];

  function setStatus(state, text) {
    $('status').dataset.state = state;
    $('status').textContent = text;
  }

  async function connect(token) {
    setStatus('connecting', 'connecting…');
    try {
      connection = await FlareRSocket.connect(wsUrl, token, (error) => {
        connection = null;
        setStatus('error', 'disconnected' + (error ? ': ' + error.message : '') + ' — reconnecting');
        setTimeout(() => connect(token), 2000);
      });
    } catch (error) {
      setStatus('error', 'rejected: ' + error.message);
      return;
    }
    setStatus('connected', 'connected');
    metrics = await listMetrics();
    showPicker();
    panels.forEach((panel) => subscribe(panel));
    openStartPanels();
  }

  // Once, on the first connection: the configured panels among the metrics this token reads,
  // leaving out those whose required parameters the configuration does not give.
  function openStartPanels() {
    const wanted = startPanels;
    startPanels = [];
    wanted.forEach((spec) => {
      const metric = metrics.find((m) => m.name === spec.metric);
      const params = Object.assign({}, spec.params || {});
      if (metric && Object.entries(metric.parameters).every(([name, value]) => value != null || params[name] != null)) {
        addPanel(metric.name, params);
      }
    });
  }

  async function start() {
    let config = {};
    try {
      const response = await fetch('page-config.json');
      config = response.ok ? await response.json() : {};
    } catch (error) {
      config = {};
    }
    startPanels = config.panels || [];
    if (config.token) {
      $('token').value = config.token;
      connect(config.token);
    } else {
      $('token').value = '';
      setStatus('disconnected', 'disconnected — enter a token');
    }
  }

  async function listMetrics() {
    try {
      return await connection.list();
    } catch (error) {
      setStatus('error', 'cannot list metrics: ' + error.message);
      return [];
    }
  }

  function showPicker() {
    const select = $('metric');
    select.replaceChildren(...metrics.map((m) => new Option(m.name + ' (' + m.measure + ', ' + m.window + ')', m.name)));
    select.onchange = showParams;
    showParams();
    $('picker').hidden = false;
  }

  function showParams() {
    const metric = metrics.find((m) => m.name === $('metric').value);
    $('metric-description').textContent = metric ? metric.description : '';
    $('params').replaceChildren(...Object.entries(metric ? metric.parameters : {}).map(([name, value]) => {
      const label = document.createElement('label');
      label.textContent = name + ' ';
      const input = document.createElement('input');
      input.name = name;
      input.value = value == null ? '' : value;
      input.placeholder = value == null ? 'required' : '';
      label.append(input);
      return label;
    }));
  }

  function addPanel(metric, params) {
    const element = document.createElement('article');
    element.className = 'panel';
    element.innerHTML = '<h2><span class="title"></span><button type="button">remove</button></h2>' +
      '<div class="freshness muted">waiting for the first result…</div><div class="body"></div><div class="error"></div>';
    const title = metric + (Object.keys(params).length ? ' ' + JSON.stringify(params) : '');
    element.querySelector('.title').textContent = title;
    $('panels').append(element);
    const panel = { id: ++panelIds, metric, params, element, result: null, seq: 0, cancel: null, chart: null };
    element.querySelector('button').onclick = () => {
      panel.cancel && panel.cancel();
      panel.chart && panel.chart.destroy();
      element.remove();
      panels.delete(panel.id);
    };
    panels.set(panel.id, panel);
    subscribe(panel);
  }

  function subscribe(panel) {
    if (!connection) {
      return;
    }
    panel.cancel && panel.cancel();
    panel.cancel = connection.subscribe(panel.metric, panel.params, {
      onNext: (update) => onUpdate(panel, update),
      onError: (error) => { panel.element.querySelector('.error').textContent = error.message; },
    });
  }

  function onUpdate(panel, update) {
    if (update.type === 'snapshot') {
      panel.result = update.result;
    } else if (!panel.result || update.baseSeq !== panel.seq) {
      subscribe(panel); // a gap: start again from a snapshot
      return;
    } else {
      panel.result = FlareDiff.apply(panel.result, update);
    }
    panel.seq = update.seq;
    panel.element.querySelector('.error').textContent = '';
    render(panel, update.type === 'diff' ? update.changes : null);
  }

  function render(panel, changes) {
    const result = panel.result;
    renderFreshness(panel.element.querySelector('.freshness'), result);
    const body = panel.element.querySelector('.body');
    const values = result.values || [];
    if (values.some((v) => v.rank != null)) {
      renderLeaderboard(body, values, changes);
    } else if (result.window && result.window.kind === 'tumbling') {
      renderSeries(panel, body, result);
    } else {
      renderCounters(body, values);
    }
  }

  const time = (ms) => (ms == null ? '—' : new Date(ms).toLocaleTimeString());

  function renderFreshness(element, result) {
    const buckets = result.buckets || [];
    const finals = buckets.filter((b) => b.final).length;
    const ingestion = result.ingestion || {};
    element.innerHTML = '';
    element.append(
      'as of ' + time(result.asOf) + ' · last ingest ' +
        (ingestion.lastIngestAgeMs == null ? '—' : (ingestion.lastIngestAgeMs / 1000).toFixed(1) + ' s ago') +
        (ingestion.recordsBehind == null ? '' : ' · ' + ingestion.recordsBehind + ' records behind') +
        ' · watermark ' + time(result.watermark) + ' · ');
    const final = document.createElement('span');
    final.className = 'final';
    final.textContent = finals + ' final';
    const provisional = document.createElement('span');
    provisional.className = 'provisional';
    provisional.textContent = (buckets.length - finals) + ' provisional';
    element.append(final, ' / ', provisional, ' buckets' + (result.complete ? ' · complete' : ''));
  }

  function groupName(group) {
    const values = Object.values(group || {});
    return values.length ? values.join(' · ') : 'all';
  }

  function renderLeaderboard(body, values, changes) {
    const entered = new Set(((changes && changes.entered) || []).map((g) => JSON.stringify(g)));
    const moves = new Map(((changes && changes.moved) || []).map((m) => [JSON.stringify(m.group), m]));
    const rows = [...values].sort((a, b) => a.rank - b.rank).map((v) => {
      const key = JSON.stringify(v.group);
      const move = moves.get(key);
      const arrow = move ? (move.to < move.from ? '<span class="up">▲' + (move.from - move.to) + '</span>'
        : '<span class="down">▼' + (move.to - move.from) + '</span>') : '';
      const row = document.createElement('tr');
      if (entered.has(key)) {
        row.className = 'entered';
      }
      row.innerHTML = '<td>' + v.rank + '</td><td class="name"></td><td>' + arrow + '</td><td class="value">' + format(v.value) + '</td>';
      row.querySelector('.name').textContent = groupName(v.group);
      return row;
    });
    const table = document.createElement('table');
    table.className = 'leaderboard';
    table.innerHTML = '<thead><tr><th>#</th><th>entity</th><th></th><th>value</th></tr></thead><tbody></tbody>';
    table.tBodies[0].append(...rows);
    body.replaceChildren(table);
  }

  function renderCounters(body, values) {
    body.replaceChildren(...(values.length ? values : [{ group: {}, value: 0 }]).map((v) => {
      const counter = document.createElement('div');
      counter.className = 'counter';
      counter.innerHTML = '<div class="value"></div><div class="label"></div>';
      counter.querySelector('.value').textContent = format(v.value);
      counter.querySelector('.label').textContent = groupName(v.group);
      return counter;
    }));
  }

  function renderSeries(panel, body, result) {
    const buckets = (result.buckets || []).map((b) => b.start);
    const groups = [...new Set((result.values || []).map((v) => JSON.stringify(v.group)))].sort();
    const index = new Map(buckets.map((b, i) => [b, i]));
    const data = [buckets.map((b) => b / 1000)].concat(groups.map((g) => {
      const series = buckets.map(() => null);
      result.values.filter((v) => JSON.stringify(v.group) === g).forEach((v) => { series[index.get(v.bucket)] = v.value; });
      return series;
    }));
    const key = groups.join('|');
    const provisional = (result.buckets || []).find((b) => !b.final);
    panel.provisionalFrom = provisional ? provisional.start : null;
    if (panel.chart && panel.chartKey === key) {
      panel.chart.setData(data);
      return;
    }
    panel.chart && panel.chart.destroy();
    panel.chartKey = key;
    const palette = ['#3366cc', '#dc3912', '#ff9900', '#109618', '#990099', '#0099c6', '#dd4477', '#66aa00'];
    const options = {
      width: Math.max(body.clientWidth, 520), height: 240,
      series: [{}].concat(groups.map((g, i) => ({ label: groupName(JSON.parse(g)), stroke: palette[i % palette.length], spanGaps: false }))),
      axes: [{}, { size: 60 }],
      hooks: { drawClear: [(u) => shadeProvisional(u, panel)] },
    };
    body.replaceChildren();
    const legend = document.createElement('div');
    legend.className = 'muted';
    legend.innerHTML = '<span class="legend-provisional"></span> provisional buckets (may still change)' +
      ' · click a bucket to see its raw events';
    body.append(legend);
    panel.chart = new uPlot(options, data, body);
    panel.chart.over.addEventListener('click', () => {
      const idx = panel.chart.cursor.idx;
      const buckets = (panel.result && panel.result.buckets) || [];
      if (idx != null && buckets[idx]) {
        drilldown(panel, buckets[idx].start, 0);
      }
    });
  }

  // The raw events behind one bucket, a page at a time, under the panel's chart.
  const DRILL_COLUMNS = ['eventTime', 'source', 'category', 'type', 'entityId', 'country', 'city', 'value', 'eventId'];
  const PAGE_SIZE = 20;

  async function drilldown(panel, bucket, page) {
    let drill = panel.element.querySelector('.drill');
    if (!drill) {
      drill = document.createElement('section');
      drill.className = 'drill';
      panel.element.append(drill);
    }
    drill.replaceChildren(Object.assign(document.createElement('div'), {
      className: 'muted', textContent: 'loading the raw events of ' + time(bucket) + '…' }));
    let answer;
    try {
      answer = await connection.drilldown(panel.metric, panel.params, bucket, page, PAGE_SIZE);
    } catch (error) {
      drill.replaceChildren(Object.assign(document.createElement('div'), {
        className: 'error', textContent: 'drill-down refused: ' + error.message }));
      return;
    }
    const columns = DRILL_COLUMNS.filter((c) => answer.columns.includes(c));
    const indexes = columns.map((c) => answer.columns.indexOf(c));
    const header = document.createElement('div');
    header.className = 'drill-header';
    header.append('raw events in the bucket of ' + time(bucket) + ', page ' + (page + 1) + ' (' + answer.rows.length + ' rows) ');
    const buttons = [['previous', page > 0, page - 1], ['next', answer.rows.length === PAGE_SIZE, page + 1]];
    buttons.forEach(([label, enabled, target]) => {
      const button = Object.assign(document.createElement('button'), { type: 'button', textContent: label, disabled: !enabled });
      button.onclick = () => drilldown(panel, bucket, target);
      header.append(button);
    });
    const close = Object.assign(document.createElement('button'), { type: 'button', textContent: 'close' });
    close.onclick = () => drill.remove();
    header.append(close);
    const table = document.createElement('table');
    table.className = 'drill-rows';
    const head = table.createTHead().insertRow();
    columns.forEach((c) => { head.insertCell().textContent = c; });
    const rows = table.createTBody();
    answer.rows.forEach((row) => {
      const tr = rows.insertRow();
      indexes.forEach((i, n) => {
        const cell = row[i];
        tr.insertCell().textContent = columns[n] === 'eventTime' ? new Date(cell).toISOString() : (cell == null ? '' : String(cell));
      });
    });
    drill.replaceChildren(header, table);
  }

  // Shades the provisional part of the x axis: from the first provisional bucket on.
  function shadeProvisional(u, panel) {
    if (panel.provisionalFrom == null || !u.data[0].length) {
      return;
    }
    const left = u.valToPos(panel.provisionalFrom / 1000, 'x', true);
    const ctx = u.ctx;
    ctx.save();
    ctx.fillStyle = 'rgba(255, 170, 0, 0.18)';
    ctx.fillRect(Math.max(left, u.bbox.left), u.bbox.top, u.bbox.left + u.bbox.width - Math.max(left, u.bbox.left), u.bbox.height);
    ctx.restore();
  }

  function format(value) {
    return value == null ? '—' : (Math.abs(value) >= 100 ? Math.round(value).toLocaleString() : (+value.toFixed(2)).toLocaleString());
  }

  $('connect').onsubmit = (event) => {
    event.preventDefault();
    connection && connection.close();
    connect($('token').value);
  };
  $('add').onsubmit = (event) => {
    event.preventDefault();
    const params = {};
    $('params').querySelectorAll('input').forEach((input) => { if (input.value !== '') { params[input.name] = input.value; } });
    addPanel($('metric').value, params);
  };
  window.FlareDashboard = { panels, addPanel, drilldown };
  start();
})();
