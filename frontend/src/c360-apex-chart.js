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

customElements.define('c360-apex-chart', C360ApexChart);
