// The dashboard's charts (issue 10), drawn with Apache ECharts from the tables printed below each chart, so a chart
// never shows a number its table does not. No inline script: the page's CSP allows only scripts served by the app.
(function () {
  'use strict';
  var palette = ['#1f6feb', '#2da44e', '#bf8700', '#cf222e', '#8250df', '#0a7ea4', '#57606a'];

  function cells(row) {
    return Array.prototype.slice.call(row.querySelectorAll('td'));
  }

  function value(td) {
    var v = td.getAttribute('data-value');
    return Number(v !== null ? v : td.textContent.replace(/[^0-9.\-]/g, '')) || 0;
  }

  function rows(table) {
    return Array.prototype.slice.call(table.querySelectorAll('tbody tr[data-label]'));
  }

  function option(kind, table, column) {
    var body = rows(table);
    var labels = body.map(function (r) { return r.getAttribute('data-label'); });
    if (kind === 'stacked') {
      var weeks = Array.prototype.slice.call(table.querySelectorAll('thead th')).slice(1).map(function (th) { return th.textContent; });
      return {
        color: palette, tooltip: { trigger: 'axis' }, legend: { type: 'scroll', top: 0 },
        grid: { left: 40, right: 10, top: 36, bottom: 40 },
        xAxis: { type: 'category', data: weeks, axisLabel: { rotate: 45 } }, yAxis: { type: 'value', minInterval: 1 },
        series: body.map(function (r, i) {
          return { name: labels[i], type: 'bar', stack: 'all', data: cells(r).map(value) };
        })
      };
    }
    var col = Number(column || 0);
    var data = body.map(function (r) { return value(cells(r)[col]); });
    return {
      color: palette, tooltip: { trigger: 'axis' }, grid: { left: 90, right: 16, top: 10, bottom: 24 },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: labels, inverse: true, axisLabel: { width: 80, overflow: 'truncate' } },
      series: [{ type: 'bar', data: data, label: { show: true, position: 'right' } }]
    };
  }

  function draw() {
    var charts = [];
    document.querySelectorAll('.chart[data-table]').forEach(function (el) {
      var table = document.getElementById(el.getAttribute('data-table'));
      if (!table || rows(table).length === 0) {
        el.classList.add('chart-empty');
        return;
      }
      var chart = window.echarts.init(el, null, { renderer: 'canvas' });
      chart.setOption(option(el.getAttribute('data-kind'), table, el.getAttribute('data-column')));
      el.setAttribute('data-rendered', 'true');
      charts.push(chart);
    });
    window.addEventListener('resize', function () {
      charts.forEach(function (c) { c.resize(); });
    });
    document.body.setAttribute('data-charts', String(charts.length));
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', draw);
  } else {
    draw();
  }
}());
