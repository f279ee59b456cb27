// Draws the /stats page's charts with Chart.js from the numbers in the page (#stats-data). Every
// chart repeats a table that is in the page already, so nothing is lost where this does not run.
// A number shown as "under 5" (null) is drawn as no bar; the tooltip says "under 5".
(function () {
  'use strict';
  var source = document.getElementById('stats-data');
  if (!source || typeof Chart === 'undefined') return;
  var data = JSON.parse(source.textContent);
  var view = data.view;

  // Colours told apart also by people with the common colour vision deficiencies (Okabe-Ito).
  var COLOURS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'];
  var TEXT = '#1a1a1a';
  Chart.defaults.color = TEXT;
  Chart.defaults.font.size = 13;
  Chart.defaults.animation = false;

  function tooltip(percent) {
    return {
      callbacks: {
        label: function (item) {
          var raw = item.raw;
          var value = raw === null || raw === undefined ? data.suppressed : raw + (percent ? ' %' : '');
          return (item.dataset.label ? item.dataset.label + ': ' : '') + value;
        },
      },
    };
  }

  // A long name on a bar chart's side is cut by Chart.js: break it into lines of about 18 characters.
  function lines(label) {
    var out = [];
    label.split(' ').forEach(function (word) {
      var last = out[out.length - 1];
      if (last !== undefined && (last + ' ' + word).length <= 18) out[out.length - 1] = last + ' ' + word;
      else out.push(word);
    });
    return out;
  }

  function draw(canvas) {
    var table = view[canvas.getAttribute('data-chart')];
    var kind = canvas.getAttribute('data-kind');
    var column = canvas.getAttribute('data-column');
    var labels;
    var datasets;
    var horizontal = kind === 'bars' || kind === 'stackedBars' || kind === 'percent';
    var stacked = kind === 'stackedDays' || kind === 'stackedBars';
    if (kind === 'stackedDays' || kind === 'days') {
      labels = table.columns;
      datasets = table.rows.map(function (row, i) {
        return { label: row.label, data: row.cells, backgroundColor: COLOURS[i % COLOURS.length] };
      });
    } else if (kind === 'stackedBars') {
      // The first two columns (yes, no) stacked; the share column stays in the table.
      labels = table.rows.map(function (r) {
        return r.label;
      });
      datasets = [0, 1].map(function (c) {
        return {
          label: table.columns[c],
          data: table.rows.map(function (r) {
            return r.cells[c];
          }),
          backgroundColor: COLOURS[c === 0 ? 2 : 5],
        };
      });
    } else {
      var c = column === null ? 0 : Number(column);
      labels = table.rows.map(function (r) {
        return r.label;
      });
      datasets = [
        {
          label: table.columns[c],
          data: table.rows.map(function (r) {
            return r.cells[c];
          }),
          backgroundColor: COLOURS[0],
        },
      ];
    }
    var valueAxis = { stacked: stacked, beginAtZero: true, ticks: { precision: 0 } };
    if (kind === 'percent') {
      valueAxis.max = 100;
      valueAxis.title = { display: true, text: datasets[0].label };
    }
    if (horizontal) labels = labels.map(lines);
    var categoryAxis = { stacked: stacked, ticks: { autoSkip: !horizontal } };
    new Chart(canvas, {
      type: 'bar',
      data: { labels: labels, datasets: datasets },
      options: {
        indexAxis: horizontal ? 'y' : 'x',
        responsive: true,
        maintainAspectRatio: false,
        scales: horizontal ? { x: valueAxis, y: categoryAxis } : { x: categoryAxis, y: valueAxis },
        plugins: {
          legend: { display: datasets.length > 1, position: 'bottom' },
          tooltip: tooltip(kind === 'percent'),
        },
      },
    });
  }

  var canvases = document.querySelectorAll('canvas[data-chart]');
  for (var i = 0; i < canvases.length; i++) draw(canvases[i]);
})();
