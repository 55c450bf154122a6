package com.consumer360.ui.chart;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import com.vaadin.flow.shared.Registration;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * A chart drawn by ApexCharts in the browser. Options are ApexCharts' own option object
 * (https://apexcharts.com/docs/options/), built with {@link ChartOptions}.
 */
@Tag("c360-apex-chart")
@NpmPackage(value = "apexcharts", version = "4.7.0")
@JsModule("./src/c360-apex-chart.js")
public class ApexChart extends Component implements HasSize {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A chart with the given options. */
    public ApexChart(Map<String, Object> options) {
        setOptions(options);
        setWidthFull();
    }

    /** Replaces the chart's options and redraws it. */
    public void setOptions(Map<String, Object> options) {
        getElement().setProperty("config", JSON.writeValueAsString(options));
    }

    /** Listens for clicks on a data point (bar, cell, marker). */
    public Registration addDataPointClickListener(ComponentEventListener<DataPointClickEvent> listener) {
        return addListener(DataPointClickEvent.class, listener);
    }

    /** A click on a data point: which series and which point. */
    @DomEvent("data-point-click")
    public static class DataPointClickEvent extends ComponentEvent<ApexChart> {

        private final int seriesIndex;
        private final int dataPointIndex;

        public DataPointClickEvent(ApexChart source, boolean fromClient,
                                   @EventData("event.detail.seriesIndex") int seriesIndex,
                                   @EventData("event.detail.dataPointIndex") int dataPointIndex) {
            super(source, fromClient);
            this.seriesIndex = seriesIndex;
            this.dataPointIndex = dataPointIndex;
        }

        public int seriesIndex() {
            return seriesIndex;
        }

        public int dataPointIndex() {
            return dataPointIndex;
        }
    }
}
