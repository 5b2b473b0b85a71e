/*
 * « Tableau de bord des appels à projets » : a Cockpit plugin (Camunda 7 front-end plugin format,
 * plugin point cockpit.dashboard), loaded by Cockpit 7.24 as shipped through `customScripts` in
 * ./config.js. Plain JavaScript, no library: tables, a bar chart and a histogram in inline SVG.
 *
 * It reads GET /api/statistics and links to GET /api/exports/… with the Cockpit session of the
 * logged-in user (config.SecurityConfig: read-only GETs of these two paths accept the webapps'
 * session, with the user's own groups): a supervisor sees the figures, nobody gets more rights.
 */

const API = '/api';

const STEP_ORDER = ['COMPLETENESS', 'ELIGIBILITY', 'DECISION', 'SIGNATURE', 'ADVANCE', 'BALANCE'];

const euros = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' });
const integer = new Intl.NumberFormat('fr-FR');
const days = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });

function escapeHtml(value) {
  return String(value == null ? '' : value)
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

function money(value) {
  return value == null ? '—' : euros.format(Number(value));
}

function duration(value) {
  return value == null ? '—' : days.format(Number(value)) + ' j';
}

/** A horizontal bar chart: one bar per row, labels on the left, values on the right. */
function barChart(rows, valueOf, format, title) {
  const width = 640;
  const labelWidth = 260;
  const valueWidth = 130;
  const barHeight = 22;
  const gap = 8;
  const height = Math.max(1, rows.length) * (barHeight + gap) + 10;
  const max = Math.max(0, ...rows.map(valueOf));
  const usable = width - labelWidth - valueWidth;
  const bars = rows.map((row, i) => {
    const y = 5 + i * (barHeight + gap);
    const value = valueOf(row);
    const w = max > 0 ? Math.max(value > 0 ? 2 : 0, Math.round((value / max) * usable)) : 0;
    return '<text x="' + (labelWidth - 8) + '" y="' + (y + 15) + '" text-anchor="end" font-size="12">'
      + escapeHtml(row.label) + '</text>'
      + '<rect x="' + labelWidth + '" y="' + y + '" width="' + w + '" height="' + barHeight
      + '" fill="#2f6fad"><title>' + escapeHtml(row.label + ' : ' + format(value)) + '</title></rect>'
      + '<text x="' + (labelWidth + w + 6) + '" y="' + (y + 15) + '" font-size="12">' + escapeHtml(format(value)) + '</text>';
  }).join('');
  return '<svg role="img" aria-label="' + escapeHtml(title) + '" width="100%" viewBox="0 0 ' + width + ' ' + height
    + '" style="max-width:' + width + 'px">' + bars + '</svg>';
}

/** A histogram: one column per class of days. */
function histogram(buckets, title) {
  const width = 640;
  const height = 220;
  const bottom = 40;
  const top = 20;
  const n = buckets.length;
  const slot = (width - 20) / Math.max(1, n);
  const max = Math.max(0, ...buckets.map(b => b.dossiers));
  const columns = buckets.map((b, i) => {
    const h = max > 0 ? Math.round((b.dossiers / max) * (height - bottom - top)) : 0;
    const x = 10 + i * slot + 4;
    const y = height - bottom - h;
    return '<rect x="' + x + '" y="' + y + '" width="' + (slot - 8) + '" height="' + h + '" fill="#7a9e3b">'
      + '<title>' + escapeHtml(b.label + ' : ' + b.dossiers + ' dossier(s)') + '</title></rect>'
      + '<text x="' + (x + (slot - 8) / 2) + '" y="' + (y - 4) + '" text-anchor="middle" font-size="12">'
      + (b.dossiers || '') + '</text>'
      + '<text x="' + (x + (slot - 8) / 2) + '" y="' + (height - bottom + 16) + '" text-anchor="middle" font-size="11">'
      + escapeHtml(b.label) + '</text>';
  }).join('');
  return '<svg role="img" aria-label="' + escapeHtml(title) + '" width="100%" viewBox="0 0 ' + width + ' ' + height
    + '" style="max-width:' + width + 'px"><line x1="10" y1="' + (height - bottom) + '" x2="' + (width - 10) + '" y2="'
    + (height - bottom) + '" stroke="#999"/>' + columns + '</svg>';
}

function exportLinks(call) {
  const query = call ? 'call=' + encodeURIComponent(call) + '&' : '';
  const link = (what, format, label) => '<a class="aap-export" href="' + API + '/exports/' + what + '?' + query
    + 'format=' + format + '" download>' + label + '</a>';
  return '<p class="aap-exports">Exporter : '
    + link('dossiers', 'csv', 'dossiers (CSV)') + ' · ' + link('dossiers', 'xlsx', 'dossiers (XLSX)') + ' · '
    + link('conventions', 'csv', 'conventions et paiements (CSV)') + ' · '
    + link('conventions', 'xlsx', 'conventions et paiements (XLSX)') + '</p>';
}

function breakdownTable(title, rows) {
  if (!rows || rows.length === 0) {
    return '';
  }
  return '<h4>' + escapeHtml(title) + '</h4><table class="cam-table aap-table"><thead><tr><th></th>'
    + '<th class="aap-num">Dossiers</th><th class="aap-num">Conventions</th><th class="aap-num">Accordé</th>'
    + '<th class="aap-num">Versé</th><th class="aap-num">Recouvré</th></tr></thead><tbody>'
    + rows.map(r => '<tr><td>' + escapeHtml(r.label) + '</td><td class="aap-num">' + integer.format(r.dossiers)
      + '</td><td class="aap-num">' + integer.format(r.conventions) + '</td><td class="aap-num">' + money(r.granted)
      + '</td><td class="aap-num">' + money(r.paid) + '</td><td class="aap-num">' + money(r.recovered) + '</td></tr>').join('')
    + '</tbody></table>';
}

function figuresHtml(figures, step) {
  const states = figures.dossiersByState || [];
  const times = (figures.processingTimes || []).slice()
    .sort((a, b) => STEP_ORDER.indexOf(a.step) - STEP_ORDER.indexOf(b.step));
  const chosen = times.find(t => t.step === step) || times[0];
  const reg = figures.regularisations || {};
  let html = '<div class="aap-cards">'
    + card('Dossiers déposés', integer.format(figures.dossiers))
    + card('Montant accordé', money(figures.amounts.granted))
    + card('Montant versé', money(figures.amounts.paid))
    + card('Montant recouvré', money(figures.amounts.recovered))
    + card('Bilans en retard', integer.format(figures.reports.late) + ' sur ' + integer.format(figures.reports.expected))
    + card('Régularisations', integer.format(reg.rounds || 0) + ' demande(s), '
      + integer.format(reg.dossiers || 0) + ' dossier(s)')
    + '</div>';

  html += '<h4>Dossiers par état</h4><table class="cam-table aap-table"><thead><tr><th>État</th>'
    + '<th class="aap-num">Dossiers</th><th class="aap-num">Montant demandé</th><th class="aap-num">Montant accordé</th>'
    + '</tr></thead><tbody>'
    + (states.length === 0 ? '<tr><td colspan="4">Aucun dossier.</td></tr>' : states.map(s => '<tr><td>'
      + escapeHtml(s.label) + '</td><td class="aap-num">' + integer.format(s.dossiers) + '</td><td class="aap-num">'
      + money(s.requested) + '</td><td class="aap-num">' + money(s.granted) + '</td></tr>').join(''))
    + '</tbody></table>';

  if (states.length > 0) {
    html += '<h4>Montants demandés par état</h4>'
      + barChart(states.map(s => ({ label: s.label, value: Number(s.requested) })), r => r.value, money,
        'Montants demandés par état des dossiers');
  }

  html += '<h4>Délais de traitement</h4><table class="cam-table aap-table"><thead><tr><th>Étape</th>'
    + '<th class="aap-num">Dossiers</th><th class="aap-num">Médiane</th><th class="aap-num">90e centile</th></tr></thead><tbody>'
    + times.map(t => '<tr><td>' + escapeHtml(t.label) + '</td><td class="aap-num">' + integer.format(t.dossiers)
      + '</td><td class="aap-num">' + duration(t.medianDays) + '</td><td class="aap-num">' + duration(t.p90Days)
      + '</td></tr>').join('')
    + '</tbody></table>';

  if (chosen) {
    html += '<h4>Histogramme des délais : <select class="aap-step">'
      + times.map(t => '<option value="' + t.step + '"' + (t.step === chosen.step ? ' selected' : '') + '>'
        + escapeHtml(t.label) + '</option>').join('')
      + '</select></h4>' + histogram(chosen.histogram || [], 'Histogramme des délais : ' + chosen.label);
  }

  html += breakdownTable('Montants par lot', figures.byLot)
    + breakdownTable('Montants par territoire', figures.byTerritory)
    + breakdownTable('Montants par type de porteur', figures.byHolderType)
    + breakdownTable('Montants par financeur', figures.byFunder);
  return html;
}

function card(label, value) {
  return '<div class="aap-card"><div class="aap-card-label">' + escapeHtml(label) + '</div><div class="aap-card-value">'
    + escapeHtml(value) + '</div></div>';
}

const STYLE = '.aap-dashboard{padding:10px 0}.aap-dashboard h3{margin-top:0}'
  + '.aap-table{width:auto;min-width:50%;margin-bottom:14px}.aap-num{text-align:right;white-space:nowrap}'
  + '.aap-cards{display:flex;flex-wrap:wrap;gap:10px;margin:10px 0}'
  + '.aap-card{border:1px solid #ccc;border-radius:4px;padding:8px 12px;min-width:150px}'
  + '.aap-card-label{font-size:12px;color:#555}.aap-card-value{font-size:18px;font-weight:bold}'
  + '.aap-exports a{margin:0 2px}.aap-error{color:#b94a48}';

function render(node) {
  const state = { call: '', step: 'COMPLETENESS', data: null };
  node.innerHTML = '<style>' + STYLE + '</style><section class="aap-dashboard" lang="fr">'
    + '<h3>Tableau de bord des appels à projets</h3><div class="aap-body">Chargement des statistiques…</div></section>';
  const body = node.querySelector('.aap-body');

  function draw() {
    const data = state.data;
    const calls = data.calls || [];
    const selected = calls.find(c => c.reference === state.call);
    const figures = selected ? selected.figures : data.overall;
    body.innerHTML = '<p><label>Appel : <select class="aap-call"><option value="">Tous les appels ('
      + integer.format(calls.length) + ')</option>'
      + calls.map(c => '<option value="' + escapeHtml(c.reference) + '"' + (c.reference === state.call ? ' selected' : '')
        + '>' + escapeHtml(c.reference + ' — ' + c.title) + '</option>').join('')
      + '</select></label></p>'
      + (selected ? '<p>Financeur : ' + escapeHtml(selected.funder || '—') + '</p>' : '')
      + exportLinks(state.call)
      + figuresHtml(figures, state.step);
    body.querySelector('.aap-call').addEventListener('change', e => {
      state.call = e.target.value;
      draw();
    });
    const step = body.querySelector('.aap-step');
    if (step) {
      step.addEventListener('change', e => {
        state.step = e.target.value;
        draw();
      });
    }
  }

  fetch(API + '/statistics', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then(response => response.json().catch(() => ({})).then(json => ({ response, json })))
    .then(({ response, json }) => {
      if (!response.ok) {
        throw new Error(json.detail || ('Statistiques indisponibles (HTTP ' + response.status + ').'));
      }
      state.data = json;
      draw();
    })
    .catch(error => {
      body.innerHTML = '<p class="aap-error">' + escapeHtml(error.message) + '</p>';
    });
}

export default {
  id: 'aap.tableauDeBord',
  pluginPoint: 'cockpit.dashboard',
  priority: 20,
  render
};
