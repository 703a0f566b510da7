/*
 * Draws the dashboard's charts from its tables, so that chart and table can never disagree. A chart box names its
 * table (data-chart); the table's header cells with data-series ("bar" or "line") become series, data-axis="1" puts
 * one on a second value axis; each body row is a category (its row header) and each cell carries data-value
 * (none: a gap).
 * data-percent shows shares (0–1) as per cent, data-stacked stacks the bars. Everything stays readable without
 * JavaScript: the tables are the figures.
 */
(function () {
  'use strict';
  if (typeof echarts === 'undefined') {
    return;
  }
  var palette = ['#b5121b', '#e07b39', '#1a4f8b', '#6b7785', '#2e8b57', '#8e44ad'];

  function draw(box) {
    var table = document.getElementById(box.getAttribute('data-chart'));
    if (!table || !table.tHead || !table.tBodies.length) {
      return;
    }
    var percent = box.hasAttribute('data-percent');
    var stacked = box.hasAttribute('data-stacked');
    var heads = Array.prototype.slice.call(table.tHead.rows[0].cells, 1);
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var categories = rows.map(function (row) { return row.cells[0].textContent.trim(); });
    var twoAxes = false;
    var series = [];
    heads.forEach(function (head, i) {
      var type = head.getAttribute('data-series');
      if (!type) {
        return;
      }
      var axis = Number(head.getAttribute('data-axis') || 0);
      twoAxes = twoAxes || axis === 1;
      series.push({
        name: head.textContent.trim(),
        type: type,
        yAxisIndex: axis,
        stack: stacked && type === 'bar' ? 'total' : undefined,
        data: rows.map(function (row) {
          var raw = row.cells[i + 1].getAttribute('data-value');
          if (raw === null || raw === '') {
            return null; // not yet known: a gap, not a zero
          }
          var value = Number(raw);
          return percent ? Math.round(value * 1000) / 10 : value;
        })
      });
    });
    var valueAxis = percent
      ? { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } }
      : { type: 'value', minInterval: 1 };
    var chart = echarts.init(box);
    chart.setOption({
      animation: false,
      color: palette,
      // Rich-text tooltips are drawn on the canvas: HTML ones would need inline styles, which the CSP forbids.
      tooltip: { trigger: 'axis', renderMode: 'richText', valueFormatter: percent ? function (v) { return v + '%'; } : undefined },
      legend: { top: 0, type: 'scroll' },
      grid: { top: 40, left: 10, right: 10, bottom: 10, containLabel: true },
      xAxis: { type: 'category', data: categories, axisLabel: { interval: 0, rotate: categories.length > 8 ? 40 : 0 } },
      yAxis: twoAxes ? [valueAxis, { type: 'value', minInterval: 1, splitLine: { show: false } }] : valueAxis,
      series: series
    });
    window.addEventListener('resize', function () { chart.resize(); });
  }

  Array.prototype.forEach.call(document.querySelectorAll('[data-chart]'), draw);
})();
