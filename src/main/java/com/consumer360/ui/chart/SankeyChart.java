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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Sankey (flow) diagram: nodes joined by links as wide as their value, laid out by the npm d3-sankey package and drawn
 * as SVG in the browser. ApexCharts, our other chart component, has no Sankey. Clicking a link fires a
 * {@link LinkClickEvent} with the link.
 */
@Tag("c360-sankey")
@NpmPackage(value = "d3-sankey", version = "0.12.3")
@JsModule("./src/c360-sankey.js")
public class SankeyChart extends Component implements HasSize {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A node: {@code id} unique in the diagram, {@code name} what links report, {@code label} what is written beside
     * it, {@code color} a CSS colour, {@code title} its tooltip. */
    public record Node(String id, String name, String label, String color, String title) {
    }

    /** A link from one node id to another, as wide as {@code value}, with its tooltip. */
    public record Link(String source, String target, long value, String title) {
    }

    private List<Node> nodes = List.of();
    private List<Link> links = List.of();
    private String label = "";

    /** An empty diagram, as wide as its container, {@code height} pixels high. */
    public SankeyChart(int height) {
        setWidthFull();
        setHeight(height + "px");
        getElement().setProperty("config", json(height));
    }

    /** Shows these nodes and links; every link's source and target must be one of the nodes. */
    public void setData(List<Node> nodes, List<Link> links) {
        List<String> ids = nodes.stream().map(Node::id).toList();
        for (Link link : links) {
            if (!ids.contains(link.source()) || !ids.contains(link.target())) {
                throw new IllegalArgumentException("link " + link + " joins a node that is not in the diagram");
            }
        }
        this.nodes = List.copyOf(nodes);
        this.links = List.copyOf(links);
        getElement().setProperty("config", json(height()));
    }

    /** Names the diagram for screen readers (the SVG's aria-label); each link is read out as its tooltip. */
    public void setLabel(String label) {
        this.label = label == null ? "" : label;
        getElement().setProperty("config", json(height()));
    }

    /** The links shown, in the order the link-click event's index refers to. */
    public List<Link> links() {
        return links;
    }

    /** The nodes shown. */
    public List<Node> nodes() {
        return nodes;
    }

    private int height() {
        return Integer.parseInt(getHeight().replace("px", ""));
    }

    private String json(int height) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("height", height);
        config.put("label", label);
        config.put("nodes", nodes);
        config.put("links", links);
        return JSON.writeValueAsString(config);
    }

    /** Listens for clicks on a link. */
    public Registration addLinkClickListener(ComponentEventListener<LinkClickEvent> listener) {
        return addListener(LinkClickEvent.class, listener);
    }

    /** A click on a link of the diagram. */
    @DomEvent("link-click")
    public static class LinkClickEvent extends ComponentEvent<SankeyChart> {

        private final int index;

        public LinkClickEvent(SankeyChart source, boolean fromClient, @EventData("event.detail.index") int index) {
            super(source, fromClient);
            this.index = index;
        }

        /** The clicked link; a client sending an index that is not a link gets an exception, not a link. */
        public Link link() {
            List<Link> shown = getSource().links();
            if (index < 0 || index >= shown.size()) {
                throw new IllegalArgumentException("no link " + index);
            }
            return shown.get(index);
        }
    }
}
