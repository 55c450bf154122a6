// <c360-apex-chart>: a thin custom element over the npm apexcharts package (MIT, pinned to 4.x).
// The server sets the `config` property to an ApexCharts options object as JSON; clicks on data points
// are sent back as a `data-point-click` event with the series and point indexes.
import ApexCharts from 'apexcharts';

class C360ApexChart extends HTMLElement {
  set config(value) {
    this._config = value;
    this._render();
  }

  get config() {
    return this._config;
  }

  connectedCallback() {
    this._render();
  }

  disconnectedCallback() {
    if (this._chart) {
      this._chart.destroy();
      this._chart = null;
    }
  }

  _render() {
    if (!this.isConnected || !this._config) {
      return;
    }
    const options = JSON.parse(this._config);
    if (options.c360NumberFormat === 'integer') {
      // Counts on an axis whose ticks the server chose as whole numbers: written in full, grouped (1,234).
      const whole = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
      const axes = Array.isArray(options.yaxis) ? options.yaxis : [options.yaxis = options.yaxis || {}];
      axes.forEach((axis) => {
        axis.labels = Object.assign({}, axis.labels, { formatter: (v) => whole.format(v) });
      });
      options.tooltip = Object.assign({}, options.tooltip, { y: { formatter: (v) => whole.format(v) } });
      delete options.c360NumberFormat;
    }
    if (options.c360NumberFormat === 'compact') {
      const compact = new Intl.NumberFormat(undefined, { notation: 'compact', maximumFractionDigits: 1 });
      const full = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });
      const horizontal = !!(options.plotOptions && options.plotOptions.bar && options.plotOptions.bar.horizontal);
      if (horizontal) {
        // Horizontal bars: values run along the x axis, category names along the y axis.
        options.xaxis = Object.assign({}, options.xaxis, { labels: { formatter: (v) => compact.format(v) } });
        options.yaxis = Object.assign({}, options.yaxis, { labels: { maxWidth: 220 } });
      } else {
        const axes = Array.isArray(options.yaxis) ? options.yaxis : [options.yaxis = options.yaxis || {}];
        axes.forEach((axis) => {
          axis.labels = Object.assign({}, axis.labels, { formatter: (v) => compact.format(v) });
        });
      }
      options.tooltip = Object.assign({}, options.tooltip, { y: { formatter: (v) => full.format(v) } });
      delete options.c360NumberFormat;
    }
    if (options.c360LogX) {
      C360ApexChart._logX(options);
      delete options.c360LogX;
    }
    options.chart = options.chart || {};
    options.chart.events = options.chart.events || {};
    options.chart.events.dataPointSelection = (event, context, cfg) => {
      this.dispatchEvent(new CustomEvent('data-point-click', {
        detail: { seriesIndex: cfg.seriesIndex, dataPointIndex: cfg.dataPointIndex }
      }));
    };
    if (this._chart) {
      this._chart.destroy();
    }
    if (!this._container) {
      this._container = document.createElement('div');
      this.appendChild(this._container);
    }
    this._chart = new ApexCharts(this._container, options);
    this._chart.render();
  }
}

// Not an ApexCharts option: `c360LogX: true` on a scatter of x values ≥ 1 draws x on a base-2 logarithmic axis
// (ApexCharts has logarithmic y axes only), with ticks on 1, 2, 4, 8, … Each point moves right by a fixed
// pseudo-random quarter step at most, so equal integer values (invoice counts) do not hide each other: a point
// belongs to the tick at its left. The tooltip shows the true value.
C360ApexChart._logX = (options) => {
  const original = [];
  let max = 1;
  options.series.forEach((series, s) => {
    original[s] = series.data.map((point) => point[0]);
    series.data = series.data.map((point, i) => {
      max = Math.max(max, point[0]);
      const jitter = (((i + 1) * 2654435761) % 1000) / 1000 * 0.25;
      return [Math.log2(Math.max(point[0], 1)) + jitter, point[1]];
    });
  });
  const steps = Math.max(1, Math.ceil(Math.log2(max) + 0.25));
  options.xaxis = Object.assign({}, options.xaxis, {
    type: 'numeric', min: 0, max: steps, tickAmount: steps,
    labels: { formatter: (v) => String(Math.round(Math.pow(2, v))) }
  });
  options.tooltip = Object.assign({}, options.tooltip, {
    x: { formatter: (v, ctx) => ctx && ctx.seriesIndex !== undefined && original[ctx.seriesIndex]
      ? 'F = ' + original[ctx.seriesIndex][ctx.dataPointIndex] : String(Math.round(Math.pow(2, v))) }
  });
};

customElements.define('c360-apex-chart', C360ApexChart);
