// <c360-sankey>: a Sankey (flow) diagram laid out by the npm d3-sankey package (BSD-3-Clause) and drawn as SVG in the
// element's own light DOM, beside <c360-apex-chart> (ApexCharts has no Sankey). The server sets the `config` property to
// JSON {nodes: [{id, name, label, color, title}], links: [{source, target, value, title}], height, label}: sources and
// targets are node ids, titles are the tooltips, label names the whole diagram for screen readers. A click on a link, or
// Enter / Space on a focused link (each link is a button in the tab order), is sent back as a `link-click` event with
// the link's index, and the link stays marked (class c360-sankey-selected) until the data changes.
// The width follows the element's (ResizeObserver); labels stand outside the two columns of nodes, in as much room as
// the longest label of each side needs (measured in the label's own style), at most MAX_LABEL_SHARE of the width each;
// a label longer than that is shortened with an ellipsis (its tooltip keeps the whole text).
import { sankey, sankeyLinkHorizontal } from 'd3-sankey';

const SVG = 'http://www.w3.org/2000/svg';
const LABEL_GAP = 6;
const MAX_LABEL_SHARE = 0.3;

class C360Sankey extends HTMLElement {
  set config(value) {
    this._config = value;
    this._selected = null;
    this._render();
  }

  get config() {
    return this._config;
  }

  connectedCallback() {
    this._resize = new ResizeObserver(() => {
      if (this.clientWidth !== this._drawnWidth) {
        this._render();
      }
    });
    this._resize.observe(this);
    this._render();
  }

  disconnectedCallback() {
    if (this._resize) {
      this._resize.disconnect();
      this._resize = null;
    }
  }

  _render() {
    const width = this.clientWidth;
    if (!this.isConnected || !this._config || width === 0) {
      return;
    }
    this._drawnWidth = width;
    const data = JSON.parse(this._config);
    const height = data.height || 460;
    const svg = document.createElementNS(SVG, 'svg');
    svg.setAttribute('width', width);
    svg.setAttribute('height', height);
    svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
    svg.setAttribute('role', 'group');
    if (data.label) {
      svg.setAttribute('aria-label', data.label);
    }
    this.replaceChildren(svg);
    if (data.nodes.length === 0 || data.links.length === 0) {
      return;
    }
    // Nodes that no link enters stand in the left column, their labels left of them; the others right.
    const targets = new Set(data.links.map((link) => link.target));
    const probe = document.createElementNS(SVG, 'text');
    probe.setAttribute('class', 'c360-sankey-label');
    svg.appendChild(probe);
    const textWidth = (text) => {
      probe.textContent = text;
      return probe.getComputedTextLength();
    };
    const maxSpace = Math.floor(width * MAX_LABEL_SHARE);
    const space = (left) => Math.min(maxSpace, Math.ceil(Math.max(0, ...data.nodes
      .filter((node) => targets.has(node.id) !== left).map((node) => textWidth(node.label)))) + 2 * LABEL_GAP);
    const leftSpace = space(true);
    const rightSpace = space(false);
    const fitted = (text, room) => {
      if (textWidth(text) <= room) {
        return text;
      }
      let cut = text.length;
      while (cut > 1 && textWidth(text.slice(0, cut) + '…') > room) {
        cut--;
      }
      return text.slice(0, cut) + '…';
    };
    const layout = sankey()
      .nodeId((node) => node.id)
      .nodeWidth(14)
      .nodePadding(14)
      .nodeSort(null)
      .extent([[leftSpace, 6], [width - rightSpace, height - 6]]);
    const graph = layout({
      nodes: data.nodes.map((node) => Object.assign({}, node)),
      links: data.links.map((link, index) => Object.assign({ index }, link))
    });

    const links = document.createElementNS(SVG, 'g');
    links.setAttribute('class', 'c360-sankey-links');
    const path = sankeyLinkHorizontal();
    graph.links.forEach((link) => {
      const line = document.createElementNS(SVG, 'path');
      line.setAttribute('d', path(link));
      line.setAttribute('class', 'c360-sankey-link');
      line.setAttribute('stroke', link.source.color);
      line.setAttribute('stroke-width', Math.max(1, link.width));
      line.setAttribute('fill', 'none');
      line.setAttribute('data-index', link.index);
      line.setAttribute('data-source', link.source.name);
      line.setAttribute('data-target', link.target.name);
      line.setAttribute('data-value', link.value);
      const title = document.createElementNS(SVG, 'title');
      title.textContent = link.title;
      line.appendChild(title);
      line.setAttribute('role', 'button');
      line.setAttribute('tabindex', '0');
      line.setAttribute('aria-label', link.title);
      if (link.index === this._selected) {
        line.classList.add('c360-sankey-selected');
      }
      const select = () => {
        this._selected = link.index;
        links.querySelectorAll('.c360-sankey-selected').forEach((other) => other.classList.remove('c360-sankey-selected'));
        line.classList.add('c360-sankey-selected');
        this.dispatchEvent(new CustomEvent('link-click', { detail: { index: link.index } }));
      };
      line.addEventListener('click', select);
      line.addEventListener('keydown', (event) => {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          select();
        }
      });
      links.appendChild(line);
    });

    const nodes = document.createElementNS(SVG, 'g');
    nodes.setAttribute('class', 'c360-sankey-nodes');
    graph.nodes.forEach((node) => {
      const box = document.createElementNS(SVG, 'rect');
      box.setAttribute('x', node.x0);
      box.setAttribute('y', node.y0);
      box.setAttribute('width', node.x1 - node.x0);
      box.setAttribute('height', Math.max(1, node.y1 - node.y0));
      box.setAttribute('fill', node.color);
      box.setAttribute('aria-hidden', 'true');
      const title = document.createElementNS(SVG, 'title');
      title.textContent = node.title;
      box.appendChild(title);
      nodes.appendChild(box);
      const left = !targets.has(node.id);
      const label = document.createElementNS(SVG, 'text');
      label.setAttribute('x', left ? node.x0 - LABEL_GAP : node.x1 + LABEL_GAP);
      label.setAttribute('y', (node.y0 + node.y1) / 2);
      label.setAttribute('dy', '0.35em');
      label.setAttribute('text-anchor', left ? 'end' : 'start');
      label.setAttribute('class', 'c360-sankey-label');
      label.setAttribute('aria-hidden', 'true');
      label.textContent = fitted(node.label, (left ? leftSpace : rightSpace) - 2 * LABEL_GAP);
      const labelTitle = document.createElementNS(SVG, 'title');
      labelTitle.textContent = node.title;
      label.appendChild(labelTitle);
      nodes.appendChild(label);
    });
    svg.removeChild(probe);
    svg.appendChild(links);
    svg.appendChild(nodes);
  }
}

customElements.define('c360-sankey', C360Sankey);
