// Report page: draws the two charts from the data-chart attribute (CSP forbids inline scripts),
// and reloads the period list when the year changes.
(function () {
  'use strict';
  var COLORS = ['#0d6efd', '#198754', '#dc3545', '#fd7e14', '#6f42c1', '#20c997', '#0dcaf0', '#6c757d'];

  document.addEventListener('change', function (event) {
    if (event.target.hasAttribute && event.target.hasAttribute('data-autosubmit')) {
      var form = event.target.form;
      var period = form.querySelector('[name=period]');
      if (period) { period.disabled = true; }
      form.submit();
    }
  });

  // a target's name on lines of at most max letters, so a long name is not cut at the chart's edge
  function wrap(text, max) {
    var lines = [];
    var line = '';
    String(text).split(' ').forEach(function (word) {
      if (line && (line + ' ' + word).length > max) { lines.push(line); line = word; } else { line = line ? line + ' ' + word : word; }
    });
    if (line) { lines.push(line); }
    return lines;
  }

  document.addEventListener('DOMContentLoaded', function () {
    var box = document.getElementById('charts');
    if (!box || typeof Chart === 'undefined') { return; }
    var data = JSON.parse(box.getAttribute('data-chart'));

    new Chart(document.getElementById('chart-months'), {
      type: 'bar',
      data: {
        labels: data.months,
        datasets: data.topics.map(function (t, i) {
          return { label: t.label, data: t.data, backgroundColor: COLORS[i % COLORS.length], stack: 'airings' };
        })
      },
      options: {
        maintainAspectRatio: false,
        scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, title: { display: true, text: data.labels.airings } } }
      }
    });

    var targetsBox = document.getElementById('chart-targets').parentNode;
    targetsBox.style.height = Math.max(280, 60 + data.targets.length * 56) + 'px';
    new Chart(document.getElementById('chart-targets'), {
      type: 'bar',
      data: {
        labels: data.targets.map(function (t) { return t.name; }),
        datasets: [
          { label: data.labels.planned, data: data.targets.map(function (t) { return t.planned; }), backgroundColor: '#adb5bd' },
          { label: data.labels.done, data: data.targets.map(function (t) { return t.done; }), backgroundColor: '#198754' }
        ]
      },
      options: {
        indexAxis: 'y', maintainAspectRatio: false,
        scales: { x: { beginAtZero: true }, y: { ticks: { autoSkip: false, callback: function (value) {
          return wrap(this.getLabelForValue(value), window.innerWidth < 576 ? 18 : 32);
        } } } }
      }
    });
  });
})();
