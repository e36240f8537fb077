import Foundation
import Hummingbird

/// The stylesheet and the small script, compiled into the binary and served under `/static/`.
enum StaticAssets {
    static func addRoutes(to router: Router<AppRequestContext>) {
        router.get("static/app.css") { _, _ in asset(css, type: "text/css; charset=utf-8") }
        router.get("static/app.js") { _, _ in asset(js, type: "text/javascript; charset=utf-8") }
        router.get("static/icon.svg") { _, _ in asset(icon, type: "image/svg+xml") }
        // Browsers ask for it whatever the page says; the page's own icon is the SVG above.
        router.get("favicon.ico") { _, _ in Response(status: .noContent, headers: [.cacheControl: "public, max-age=86400"]) }
    }

    static func asset(_ body: String, type: String) -> Response {
        Response(status: .ok, headers: [.contentType: type, .cacheControl: "public, max-age=3600"],
                 body: .init(byteBuffer: ByteBuffer(string: body)))
    }

    static let icon = """
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#0b6bcb"/>\
        <path d="M13 7h6v6h6v6h-6v6h-6v-6H7v-6h6z" fill="#fff"/></svg>
        """

    static let css = """
        :root { --ink: #1d2430; --muted: #5b6678; --line: #d8dee8; --accent: #0b6bcb; --bad: #b42318; --bg: #f6f8fb; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 16px/1.5 system-ui, sans-serif; color: var(--ink); background: var(--bg); }
        header.top { display: flex; flex-wrap: wrap; gap: .75rem 1.5rem; align-items: center; padding: .75rem 1rem;
          background: #fff; border-bottom: 1px solid var(--line); }
        .brand { font-weight: 700; color: var(--ink); text-decoration: none; }
        nav a, .langs a { margin-right: .75rem; }
        .tools { margin-left: auto; display: flex; gap: 1rem; align-items: center; flex-wrap: wrap; }
        .langs a[aria-current] { font-weight: 700; text-decoration: none; color: var(--ink); }
        .who { color: var(--muted); }
        main { max-width: 60rem; margin: 0 auto; padding: 1rem; }
        footer { max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: var(--muted); font-size: .9rem; }
        a { color: var(--accent); }
        a:focus, button:focus, input:focus, select:focus, textarea:focus { outline: 3px solid #f5a623; outline-offset: 2px; }
        .card { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 1rem 1.25rem; }
        .narrow { max-width: 24rem; margin: 2rem auto; }
        label { display: block; margin-top: .75rem; font-weight: 600; }
        input, select, textarea { width: 100%; padding: .5rem; border: 1px solid var(--line); border-radius: 6px; font: inherit; }
        button, .button { display: inline-block; margin-top: 1rem; padding: .5rem 1rem; border: 0; border-radius: 6px;
          background: var(--accent); color: #fff; font: inherit; text-decoration: none; cursor: pointer; }
        button.link { background: none; color: var(--accent); padding: 0; margin: 0; text-decoration: underline; }
        button.danger { background: var(--bad); }
        form.inline { display: inline; }
        .search { display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; }
        .search input { flex: 1 1 14rem; width: auto; }
        .search button, .search .button { margin-top: 0; }
        table { width: 100%; border-collapse: collapse; margin-top: 1rem; background: #fff; }
        th, td { text-align: left; padding: .5rem; border-bottom: 1px solid var(--line); }
        .error, .field-error { color: var(--bad); }
        .invalid input, .invalid select, .invalid textarea { border-color: var(--bad); }
        .flash { background: #e7f5ec; border: 1px solid #9ad0ae; padding: .5rem .75rem; border-radius: 6px; }
        .warning { background: #fff4e5; border: 1px solid #f5c27a; padding: .5rem .75rem; border-radius: 6px; }
        .empty { color: var(--muted); }
        .stat { font-size: 1.75rem; font-weight: 700; display: block; }
        ul.stats { display: flex; flex-wrap: wrap; gap: 1rem; list-style: none; padding: 0; margin: 1rem 0; }
        ul.stats li { flex: 1 1 10rem; background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: .75rem 1rem; color: var(--muted); }
        .note, .hint { color: var(--muted); }
        .hint { font-size: .9rem; margin: .25rem 0 0; }
        input:disabled { background: #f3f3f3; }
        .skip { position: absolute; left: -9999px; }
        .skip:focus { left: 1rem; top: .5rem; background: #fff; padding: .25rem .5rem; z-index: 2; }
        .langs button.link { margin-right: .75rem; }
        .langs [aria-current] { font-weight: 700; text-decoration: none; color: var(--ink); }
        nav.guides { display: flex; flex-wrap: wrap; gap: .5rem 1rem; margin-bottom: 1rem; }
        nav.guides [aria-current] { font-weight: 700; color: var(--ink); text-decoration: none; }
        section.card { margin-top: 1rem; }
        .one-time-code { font: 700 1.8rem/1.2 ui-monospace, "DejaVu Sans Mono", monospace; letter-spacing: .12em; }
        form.export { display: inline-block; margin-top: .5rem; }
        article h2 { font-size: 1.15rem; margin-top: 1.5rem; }
        code { font-family: ui-monospace, monospace; background: #eef2f7; padding: 0 .25rem; border-radius: 4px; overflow-wrap: anywhere; }
        dl.details { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; }
        dt { color: var(--muted); }
        dd { margin: 0; white-space: pre-wrap; }
        .hidden { position: absolute; left: -9999px; }
        @media (max-width: 600px) { th:nth-child(4), td:nth-child(4) { display: none; } dl.details { grid-template-columns: 1fr; }
          th, td { padding: .4rem .25rem; font-size: .9rem; overflow-wrap: anywhere; } main { padding: .75rem; } }
        .flag { margin-left: .5rem; font-weight: 600; }
        .flag.low, .flag.high, tr.low .flagcell, tr.high .flagcell, td.abnormal { color: #a15c00; }
        .flag.criticalLow, .flag.criticalHigh, .flag.bad, tr.critical_low .flagcell, tr.critical_high .flagcell { color: var(--bad); }
        tr.critical_low, tr.critical_high { font-weight: 700; }
        td.num { text-align: right; white-space: nowrap; }
        table.entry input.value { width: 7rem; }
        table.entry td.range { white-space: nowrap; }
        table.entry td.range input { width: 4.5rem; display: inline-block; }
        table.entry select { width: auto; }
        .row3 { display: flex; flex-wrap: wrap; gap: 0 1rem; align-items: end; }
        .row3 .field { flex: 1 1 12rem; }
        .field.check { display: flex; gap: .5rem; align-items: center; }
        .field.check input { width: auto; }
        .field.check label { margin-top: 0; }
        ul.panels { list-style: none; padding: 0; display: grid; gap: .5rem; }
        ul.panels .button { margin-top: 0; }
        .trends { display: flex; flex-wrap: wrap; gap: 1rem; }
        .trends figure { margin: 0; }
        .trends figcaption { font-weight: 600; }
        svg.trend { max-width: 100%; height: auto; }
        .report .clinic { color: var(--muted); margin: 0; }
        .report .patient-name { font-size: 1.2rem; font-weight: 700; margin: .25rem 0; }
        .disclaimer { color: var(--muted); font-style: italic; }
        .pre { white-space: pre-wrap; }
        @media (max-width: 600px) { table.entry td:nth-child(4), table.entry th:nth-child(4), table.entry td.range, table.entry th:nth-child(5) { display: none; }
          table.results th:nth-child(4), table.results td:nth-child(4) { display: table-cell; }
          table.results th:nth-child(6), table.results td:nth-child(6), table.results .note { display: none; }
          table.results td, table.results th, table.derived td { overflow-wrap: normal; hyphens: auto; } }
        @page { size: A4; margin: 15mm; }
        @media print { header.top, .search, .actions, form, .pages, nav.guides, .skip, .flash, footer p:last-child { display: none; }
          body { background: #fff; font-size: 11pt; } main { max-width: none; padding: 0; } .card { border: 0; }
          table { page-break-inside: auto; } tr { page-break-inside: avoid; } .trends figure { page-break-inside: avoid; } }
        """

    /// Search as you type (debounced, the same search as the API), confirmation before delete, the
    /// flag of each lab value while it is typed (the same rules as the server: unit factor, the lab's
    /// range or the reference range, critical limits), and the print button.
    static let js = """
        (function () {
          var input = document.querySelector('[data-live-search]');
          if (input) {
            var timer = null;
            input.addEventListener('input', function () {
              clearTimeout(timer);
              timer = setTimeout(function () {
                var url = '/patients?q=' + encodeURIComponent(input.value);
                fetch(url, { headers: { 'Accept': 'text/html' }, credentials: 'same-origin' })
                  .then(function (r) { return r.ok ? r.text() : null; })
                  .then(function (html) {
                    if (html === null) { return; }
                    var doc = new DOMParser().parseFromString(html, 'text/html');
                    var fresh = doc.getElementById('results');
                    var here = document.getElementById('results');
                    if (fresh && here) { here.replaceWith(fresh); history.replaceState(null, '', url); }
                  });
              }, 250);
            });
          }
          function num(s) {
            if (s === undefined || s === null) { return null; }
            s = String(s).trim().replace(',', '.');
            if (s === '') { return null; }
            var n = Number(s);
            return isFinite(n) ? n : NaN;
          }
          var flagAttribute = { normal: 'normal', low: 'low', high: 'high', criticalLow: 'critical-low', criticalHigh: 'critical-high' };
          document.querySelectorAll('form[data-flags]').forEach(function (form) {
            function update(row) {
              var out = row.querySelector('[data-flag]');
              var v = num(row.querySelector('[data-value]').value);
              if (v === null) { out.textContent = ''; out.className = 'flag'; return; }
              if (isNaN(v)) { out.textContent = '?'; out.className = 'flag bad'; return; }
              var unit = row.querySelector('[data-unit]');
              var factor = Number(unit.options[unit.selectedIndex].getAttribute('data-factor')) || 1;
              var c = v * factor;
              var low = num(row.querySelector('[data-low]').value), high = num(row.querySelector('[data-high]').value);
              if ((low !== null && !isNaN(low)) || (high !== null && !isNaN(high))) {
                low = low === null || isNaN(low) ? null : low * factor;
                high = high === null || isNaN(high) ? null : high * factor;
              } else {
                low = num(row.getAttribute('data-ref-low'));
                high = num(row.getAttribute('data-ref-high'));
              }
              var cl = num(row.getAttribute('data-crit-low')), ch = num(row.getAttribute('data-crit-high'));
              var key = 'normal';
              if (cl !== null && c < cl) { key = 'criticalLow'; }
              else if (ch !== null && c > ch) { key = 'criticalHigh'; }
              else if (low !== null && c < low) { key = 'low'; }
              else if (high !== null && c > high) { key = 'high'; }
              out.textContent = form.getAttribute('data-' + flagAttribute[key]);
              out.className = 'flag ' + key;
            }
            form.querySelectorAll('[data-row]').forEach(function (row) {
              row.addEventListener('input', function () { update(row); });
              row.addEventListener('change', function () { update(row); });
              update(row);
            });
          });
          document.querySelectorAll('[data-csv-file]').forEach(function (file) {
            file.addEventListener('change', function () {
              var target = document.getElementById(file.getAttribute('data-csv-file'));
              if (!file.files || !file.files[0] || !target) { return; }
              var reader = new FileReader();
              reader.onload = function () { target.value = String(reader.result); };
              reader.readAsText(file.files[0]);
            });
          });
          document.querySelectorAll('[data-print]').forEach(function (button) {
            button.addEventListener('click', function () { window.print(); });
          });
          document.querySelectorAll('form[data-confirm]').forEach(function (form) {
            form.addEventListener('submit', function (e) {
              if (!window.confirm(form.getAttribute('data-confirm'))) { e.preventDefault(); }
            });
          });
        })();
        """
}
