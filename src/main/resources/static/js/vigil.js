/*
 * Vigil's page behaviour, in one static file (the content security policy allows no inline script):
 * the CSRF header on htmx requests, failed htmx requests shown in the page's message area, charts
 * drawn from data attributes, dialogs, and running timers.
 */
(function () {
  'use strict';

  function csrf() {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    return token && header ? { header: header.content, token: token.content } : null;
  }

  function flash(message, kind) {
    var area = document.getElementById('flash');
    if (!area) { return; }
    area.textContent = '';
    var p = document.createElement('p');
    p.className = kind || 'problem';
    p.setAttribute('role', kind === 'notice' ? 'status' : 'alert');
    p.textContent = message;
    area.appendChild(p);
  }

  /* The text of an error answer: the server sends a fragment with one message (fragments :: flash). */
  function messageOf(xhr) {
    if (!xhr || !xhr.responseText) { return 'The request failed (' + (xhr ? xhr.status : '?') + ').'; }
    var doc = new DOMParser().parseFromString(xhr.responseText, 'text/html');
    var text = (doc.body ? doc.body.textContent : '').trim();
    return text || ('The request failed (' + xhr.status + ').');
  }

  document.addEventListener('htmx:configRequest', function (event) {
    var c = csrf();
    if (c) { event.detail.headers[c.header] = c.token; }
  });
  document.addEventListener('htmx:responseError', function (event) {
    var xhr = event.detail.xhr;
    var target = event.detail.elt && event.detail.elt.closest('[data-errors]');
    var place = target ? document.getElementById(target.getAttribute('data-errors')) : null;
    if (place) {
      place.textContent = messageOf(xhr);
      place.hidden = false;
    } else {
      flash(messageOf(xhr));
    }
  });
  document.addEventListener('htmx:sendError', function () {
    flash('Vigil could not be reached. Check the connection and try again.');
  });
  /* A server answer can ask for a notice to be shown: HX-Trigger: {"vigil:notice": "text"}. */
  document.addEventListener('vigil:notice', function (event) {
    flash(event.detail && event.detail.value ? event.detail.value : String(event.detail), 'notice');
  });

  /* ---- dialogs: <button data-open-dialog="id">, <button data-close-dialog> ---- */
  document.addEventListener('click', function (event) {
    var opener = event.target.closest('[data-open-dialog]');
    if (opener) {
      var dialog = document.getElementById(opener.getAttribute('data-open-dialog'));
      if (dialog && dialog.showModal) { dialog.showModal(); }
      return;
    }
    var closer = event.target.closest('[data-close-dialog]');
    if (closer) {
      var open = closer.closest('dialog');
      if (open) { open.close(); }
    }
  });
  /* A form in a dialog that succeeded closes its dialog. */
  document.addEventListener('htmx:afterRequest', function (event) {
    var dialog = event.detail.elt && event.detail.elt.closest && event.detail.elt.closest('dialog');
    if (dialog && event.detail.successful && dialog.open) { dialog.close(); }
  });

  /* ---- running timers: <span data-timer-since="2026-11-25T10:00:00Z"> shows mm:ss ---- */
  function tick() {
    document.querySelectorAll('[data-timer-since]').forEach(function (el) {
      var since = Date.parse(el.getAttribute('data-timer-since'));
      if (isNaN(since)) { return; }
      var s = Math.max(0, Math.floor((Date.now() - since) / 1000));
      var h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), sec = s % 60;
      el.textContent = (h > 0 ? h + ':' + String(m).padStart(2, '0') : String(m)) + ':' + String(sec).padStart(2, '0');
    });
  }
  setInterval(tick, 1000);

  /* ---- charts: <canvas data-chart='{"unit":..,"series":[{"label":..,"points":[[epochMs, value],..]}],
   *      "bands":[{"from":..,"to":..,"kind":"normal"|"alert"}]}'> ---- */
  var bandsPlugin = {
    id: 'vigilBands',
    beforeDatasetsDraw: function (chart, args, options) {
      var bands = options && options.bands;
      if (!bands || !bands.length) { return; }
      var y = chart.scales.y, area = chart.chartArea, ctx = chart.ctx;
      ctx.save();
      bands.forEach(function (band) {
        var top = y.getPixelForValue(band.to == null ? y.max : band.to);
        var bottom = y.getPixelForValue(band.from == null ? y.min : band.from);
        top = Math.max(area.top, Math.min(area.bottom, top));
        bottom = Math.max(area.top, Math.min(area.bottom, bottom));
        ctx.fillStyle = band.kind === 'alert' ? 'rgba(196, 30, 58, 0.10)' : 'rgba(24, 128, 56, 0.10)';
        ctx.fillRect(area.left, top, area.right - area.left, bottom - top);
      });
      ctx.restore();
    }
  };
  var palette = ['#123c69', '#b5462f', '#2f7d32', '#6a3d9a', '#b8860b'];

  function drawCharts(root) {
    if (typeof Chart === 'undefined') { return; }
    (root || document).querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
      if (canvas.dataset.drawn) { return; }
      var spec;
      try { spec = JSON.parse(canvas.getAttribute('data-chart')); } catch (e) { return; }
      canvas.dataset.drawn = 'true';
      var datasets = (spec.series || []).map(function (series, i) {
        return {
          label: series.label,
          data: series.points.map(function (p) { return { x: p[0], y: p[1] }; }),
          borderColor: palette[i % palette.length],
          backgroundColor: palette[i % palette.length],
          pointRadius: 2,
          borderWidth: 1.5,
          tension: 0.2
        };
      });
      new Chart(canvas, {
        type: 'line',
        data: { datasets: datasets },
        options: {
          animation: false,
          responsive: true,
          maintainAspectRatio: false,
          parsing: false,
          scales: {
            x: {
              type: 'linear',
              ticks: {
                maxTicksLimit: 8,
                callback: function (value) { return new Date(value).toLocaleDateString(undefined, { month: 'short', day: 'numeric' }); }
              }
            },
            y: { title: { display: !!spec.unit, text: spec.unit || '' }, suggestedMin: spec.yMin, suggestedMax: spec.yMax }
          },
          plugins: {
            vigilBands: { bands: spec.bands || [] },
            legend: { display: datasets.length > 1 },
            tooltip: {
              callbacks: {
                title: function (items) { return items.length ? new Date(items[0].parsed.x).toLocaleString() : ''; }
              }
            }
          }
        },
        plugins: [bandsPlugin]
      });
    });
  }

  /* ---- <input type="file" data-data-url-into="id">: the chosen file becomes that field's data: URL
   *      (the file itself is never uploaded; the server validates the URL like any other) ---- */
  document.addEventListener('change', function (event) {
    var input = event.target;
    if (!input.matches || !input.matches('input[type="file"][data-data-url-into]') || !input.files || !input.files[0]) { return; }
    var target = document.getElementById(input.getAttribute('data-data-url-into'));
    var reader = new FileReader();
    reader.onload = function () { if (target) { target.value = reader.result; } };
    reader.readAsDataURL(input.files[0]);
  });

  document.addEventListener('DOMContentLoaded', function () { drawCharts(document); tick(); });
  document.addEventListener('htmx:afterSettle', function (event) { drawCharts(event.detail.elt); tick(); });
  /* ==== dashboard and triage ==== */

  /* Field errors: an htmx answer (422) listing <li data-field="name">message</li> puts each message
   * into the sent form's [data-error-for="name"] element instead of one message for the form.
   * Runs in the capture phase, before the general handler above, and stops it when it placed all. */
  document.addEventListener('htmx:responseError', function (event) {
    var xhr = event.detail.xhr, elt = event.detail.elt;
    var form = elt && (elt.tagName === 'FORM' ? elt : elt.closest && elt.closest('form'));
    if (!form || !xhr || !xhr.responseText || xhr.responseText.indexOf('data-field') < 0) { return; }
    var doc = new DOMParser().parseFromString(xhr.responseText, 'text/html');
    var items = doc.querySelectorAll('[data-field]');
    if (!items.length) { return; }
    form.querySelectorAll('[data-error-for]').forEach(function (place) { place.textContent = ''; place.hidden = true; });
    var unplaced = [];
    items.forEach(function (item) {
      var place = form.querySelector('[data-error-for="' + item.getAttribute('data-field') + '"]');
      if (place) {
        place.textContent = item.textContent;
        place.hidden = false;
      } else {
        unplaced.push(item.textContent);
      }
    });
    if (!unplaced.length) {
      event.stopImmediatePropagation();
      var first = form.querySelector('[data-error-for]:not([hidden])');
      var field = first && first.id ? form.querySelector('[aria-describedby~="' + first.id + '"]') : null;
      if (field) { field.focus(); }
    }
  }, true);
  /* A form that was sent again starts without its old field errors. */
  document.addEventListener('htmx:beforeRequest', function (event) {
    var form = event.detail.elt;
    if (form && form.tagName === 'FORM') {
      form.querySelectorAll('[data-error-for]').forEach(function (place) { place.textContent = ''; place.hidden = true; });
      var general = form.getAttribute('data-errors') && document.getElementById(form.getAttribute('data-errors'));
      if (general) { general.textContent = ''; general.hidden = true; }
    }
  });

  /* Selected rows: inside [data-selectable], the row of the [data-select-id] element clicked is
   * marked selected (the id is kept in data-selected), and stays marked when the container's
   * content is refreshed. */
  function markSelection(box) {
    var id = box.getAttribute('data-selected');
    box.querySelectorAll('[data-select-id]').forEach(function (el) {
      var row = el.closest('tr') || el;
      row.classList.toggle('selected', !!id && el.getAttribute('data-select-id') === id);
    });
  }
  document.addEventListener('click', function (event) {
    var el = event.target.closest && event.target.closest('[data-select-id]');
    var box = el && el.closest('[data-selectable]');
    if (box) {
      box.setAttribute('data-selected', el.getAttribute('data-select-id'));
      markSelection(box);
    }
  });
  document.addEventListener('htmx:afterSettle', function () {
    document.querySelectorAll('[data-selectable]').forEach(markSelection);
  });

  /* A form with data-clear-ticks="form-id" that succeeded unticks the checkboxes of that form
   * (the triage queue's bulk actions: the ticked rows are kept ticked across refreshes otherwise). */
  document.addEventListener('htmx:afterRequest', function (event) {
    var form = event.detail.elt;
    if (!form || !event.detail.successful || !form.hasAttribute || !form.hasAttribute('data-clear-ticks')) { return; }
    document.querySelectorAll('input[type="checkbox"][form="' + form.getAttribute('data-clear-ticks') + '"]')
      .forEach(function (box) { box.checked = false; });
  });

  /* A live stream that fails (hx-ext="sse" reconnects by itself) may have failed because the session
   * ended: an EventSource cannot see the answer's status, so ask the same URL as htmx would. Signed
   * out, the server answers 401 with HX-Redirect (the sign-in page) and the page goes there; refused
   * (403: the member lost the permission), the page is reloaded to show why; otherwise the probe is
   * aborted as soon as its headers arrive (it would be a second live stream). */
  var probing = false;
  document.addEventListener('htmx:sseError', function (event) {
    var source = event.detail && event.detail.source;
    if (probing || !source || !source.url || !window.fetch || !window.AbortController) { return; }
    probing = true;
    var abort = new AbortController();
    fetch(source.url, { headers: { 'HX-Request': 'true' }, credentials: 'same-origin', redirect: 'manual',
                        signal: abort.signal })
      .then(function (response) {
        abort.abort();
        if (response.status === 401) {
          source.close();
          window.location.assign(response.headers.get('HX-Redirect') || '/login');
        } else if (response.status === 403) {
          source.close();
          window.location.reload();
        } else {
          probing = false;
        }
      })
      .catch(function () { probing = false; });
  });

  window.vigil = { drawCharts: drawCharts, flash: flash };
})();
