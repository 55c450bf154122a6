package com.consumer360.rfm.ui;

import com.consumer360.ui.chart.ApexChart;

/**
 * Makes the RFM heatmap usable from the keyboard: every cell is focusable (Tab, in reading order), announces
 * its R, F and value, and Enter or Space opens it like a click. ApexCharts redraws the cells on every option
 * change, so an observer marks each new drawing. Runs in the page, not in the chart's bundled module, so the
 * front-end bundles need no rebuild.
 */
final class HeatmapKeyboard {

    private static final String SCRIPT = """
            const host = this;
            if (host.__c360Keyboard) { return; }
            host.__c360Keyboard = true;
            const mark = () => host.querySelectorAll('.apexcharts-heatmap-rect:not([tabindex])').forEach(rect => {
              const r = Number(rect.getAttribute('i')) + 1;
              const f = Number(rect.getAttribute('j')) + 1;
              rect.setAttribute('tabindex', '0');
              rect.setAttribute('role', 'button');
              rect.setAttribute('aria-label', 'R ' + r + ', F ' + f + ': ' + rect.getAttribute('val')
                  + '. Press Enter to list its customers.');
            });
            new MutationObserver(mark).observe(host, { childList: true, subtree: true });
            mark();
            host.addEventListener('keydown', event => {
              const rect = event.target.closest ? event.target.closest('.apexcharts-heatmap-rect') : null;
              if (!rect || (event.key !== 'Enter' && event.key !== ' ')) { return; }
              event.preventDefault();
              host.dispatchEvent(new CustomEvent('data-point-click', { detail: {
                seriesIndex: Number(rect.getAttribute('i')), dataPointIndex: Number(rect.getAttribute('j')) } }));
            });
            """;

    private HeatmapKeyboard() {
    }

    static void enable(ApexChart heatmap) {
        heatmap.addAttachListener(event -> heatmap.getElement().executeJs(SCRIPT));
    }
}
