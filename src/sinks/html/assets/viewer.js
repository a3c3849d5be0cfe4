/* forumkg offline graph viewer. Runs in the browser on the data embedded in #graph-data.
 * Every name, alias, quote and title comes from transcripts: it is only ever set as text
 * (textContent or text nodes), never parsed as HTML. */
(function () {
  'use strict';

  /* Milliseconds since navigation: the libraries parsed (start), the data read, the drawing made, the first layout done. */
  var timings = { start: Math.round(performance.now()) };
  var data = JSON.parse(document.getElementById('graph-data').textContent);
  timings.data = Math.round(performance.now());
  cytoscape.use(cytoscapeFcose);

  /* Same as normalizeName in src/util/text.ts: NFKC, lower case, white space, punctuation and symbols removed. */
  function normalizeName(text) {
    return text.normalize('NFKC').toLowerCase().replace(/[\s\p{P}\p{S}]/gu, '');
  }

  var HEADINGS = {
    PARTNERS_WITH: { out: 'Partners', in: 'Partners' },
    AFFILIATED_WITH: { out: 'Works for', in: 'People' },
    DEVELOPS: { out: 'Models', in: 'Developed by' },
    OFFERS: { out: 'Products', in: 'Offered by' },
    PARTY_TO: { out: 'Party to signings', in: 'Parties' },
    SIGNED: { out: 'Signed', in: 'Signatories' },
    HELD_AT: { out: 'Held at', in: 'Signings held here' },
    SPOKE_AT: { out: 'Spoke at', in: 'Speakers' },
    ORGANIZED: { out: 'Organised', in: 'Organisers' },
    MENTIONED_IN: { out: 'Mentioned in', in: 'Entities mentioned' },
  };
  var LIST_LIMIT = 50;
  var SVG = 'http://www.w3.org/2000/svg';

  var labelStyle = {};
  data.labels.forEach(function (l) { labelStyle[l.label] = l; });
  var typeStyle = {};
  data.types.forEach(function (t) { typeStyle[t.type] = t; });
  var forumTitle = {};
  data.forums.forEach(function (f) { forumTitle[f.id] = f.title; });

  var nodeById = new Map();
  var incident = new Map();
  data.nodes.forEach(function (n) {
    n.forumSet = new Set(n.forums);
    n.nameKey = normalizeName(n.name);
    nodeById.set(n.id, n);
    incident.set(n.id, []);
  });
  var edgeById = new Map();
  data.edges.forEach(function (e) {
    e.forumSet = new Set(e.forums);
    edgeById.set(e.id, e);
    incident.get(e.source).push({ edge: e, other: e.target, direction: 'out' });
    incident.get(e.target).push({ edge: e, other: e.source, direction: 'in' });
  });

  var state = {
    labels: new Set(data.labels.map(function (l) { return l.label; })),
    types: new Set(data.types.filter(function (t) { return t.shown; }).map(function (t) { return t.type; })),
    forum: '',
    partnerships: false,
  };

  /* ---------- small DOM helpers (text only) ---------- */

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function swatch(shape, color) {
    var svg = document.createElementNS(SVG, 'svg');
    svg.setAttribute('width', '14');
    svg.setAttribute('height', '14');
    svg.setAttribute('viewBox', '0 0 14 14');
    svg.setAttribute('class', 'swatch');
    var mark;
    if (shape === 'ellipse') {
      mark = document.createElementNS(SVG, 'circle');
      mark.setAttribute('cx', '7'); mark.setAttribute('cy', '7'); mark.setAttribute('r', '6');
    } else if (shape === 'rectangle' || shape === 'round-rectangle') {
      mark = document.createElementNS(SVG, 'rect');
      mark.setAttribute('x', '1'); mark.setAttribute('y', shape === 'rectangle' ? '3' : '1');
      mark.setAttribute('width', '12'); mark.setAttribute('height', shape === 'rectangle' ? '8' : '12');
      if (shape === 'round-rectangle') mark.setAttribute('rx', '3');
    } else {
      var points = {
        diamond: '7,0 14,7 7,14 0,7',
        hexagon: '3.5,1 10.5,1 14,7 10.5,13 3.5,13 0,7',
        star: '7,0 8.8,5 14,5 9.8,8.2 11.4,13.5 7,10.3 2.6,13.5 4.2,8.2 0,5 5.2,5',
      }[shape] || '0,0 14,0 14,14 0,14';
      mark = document.createElementNS(SVG, 'polygon');
      mark.setAttribute('points', points);
    }
    mark.setAttribute('fill', color);
    svg.appendChild(mark);
    return svg;
  }

  function badge(text, color) {
    var b = el('span', 'badge', text);
    b.style.background = color;
    return b;
  }

  function linkButton(text, onClick, className) {
    var b = el('button', 'link' + (className ? ' ' + className : ''), text);
    b.type = 'button';
    b.addEventListener('click', onClick);
    return b;
  }

  /* A quote with the mention text marked, built from text nodes. */
  function quoteBlock(quote, marked) {
    var block = el('blockquote');
    var at = marked ? quote.indexOf(marked) : -1;
    if (at < 0) {
      block.textContent = quote;
    } else {
      block.appendChild(document.createTextNode(quote.slice(0, at)));
      block.appendChild(el('mark', '', marked));
      block.appendChild(document.createTextNode(quote.slice(at + marked.length)));
    }
    return block;
  }

  /* A list that shows its first LIST_LIMIT items and a button for the rest. */
  function limitedList(items, render) {
    var list = el('ul');
    var shown = 0;
    function more(count) {
      items.slice(shown, shown + count).forEach(function (item) { list.appendChild(render(item)); });
      shown = Math.min(items.length, shown + count);
    }
    more(LIST_LIMIT);
    var wrap = el('div');
    wrap.appendChild(list);
    if (items.length > shown) {
      var button = linkButton('show all ' + items.length, function () { more(items.length); button.remove(); }, 'more');
      wrap.appendChild(button);
    }
    return wrap;
  }

  /* ---------- the drawing ---------- */

  function nodeSize(n) { return Math.min(60, 14 + 5 * Math.sqrt(n.degree)); }

  var elements = [];
  data.nodes.forEach(function (n) {
    var s = labelStyle[n.label];
    elements.push({
      group: 'nodes',
      data: { id: n.id, name: n.name, label: n.label, color: s.color, shape: s.shape, size: nodeSize(n), font: Math.min(22, 9 + 1.5 * Math.sqrt(n.degree)) },
    });
  });
  data.edges.forEach(function (e) {
    var s = typeStyle[e.type];
    elements.push({
      group: 'edges',
      data: { id: e.id, source: e.source, target: e.target, type: e.type, color: s.color, width: s.width },
      // hidden from the start where the filters will hide it, so the style is computed once
      classes: (s.directed ? 'directed' : '') + (s.shown ? '' : ' hidden'),
    });
  });

  var large = data.nodes.length > 1000;
  var cy = cytoscape({
    container: document.getElementById('graph'),
    elements: elements,
    layout: { name: 'preset' },
    minZoom: 0.02,
    maxZoom: 4,
    boxSelectionEnabled: false,
    selectionType: 'single',
    hideEdgesOnViewport: large,
    textureOnViewport: false,
    motionBlur: false,
    style: [
      { selector: 'node', style: {
        'background-color': 'data(color)', shape: 'data(shape)', width: 'data(size)', height: 'data(size)',
        label: 'data(name)', 'font-size': 'data(font)', 'min-zoomed-font-size': 7, color: '#222',
        'text-valign': 'bottom', 'text-margin-y': 2, 'text-max-width': '140px', 'text-wrap': 'ellipsis',
        'text-outline-color': '#fff', 'text-outline-width': 2,
      } },
      { selector: 'node[label = "Forum"]', style: { width: 44, height: 26 } },
      { selector: 'edge', style: { 'line-color': 'data(color)', width: 'data(width)', 'curve-style': 'straight', opacity: 0.75 } },
      { selector: 'edge.directed', style: { 'target-arrow-shape': 'triangle', 'target-arrow-color': 'data(color)', 'arrow-scale': 0.7 } },
      { selector: '.hidden', style: { display: 'none' } },
      { selector: '.faded', style: { opacity: 0.12, 'text-opacity': 0 } },
      { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#111', 'min-zoomed-font-size': 0, 'z-index': 10 } },
      { selector: 'node.neighbour', style: { 'min-zoomed-font-size': 0, 'z-index': 9 } },
      { selector: 'edge:selected', style: { 'line-color': '#111', 'target-arrow-color': '#111', width: 4, opacity: 1 } },
    ],
  });

  timings.drawn = Math.round(performance.now());

  /* ---------- filters ---------- */

  function partneredOrganizations() {
    var ids = new Set();
    data.edges.forEach(function (e) {
      if (e.type === 'PARTNERS_WITH' && (!state.forum || e.forumSet.has(state.forum))) { ids.add(e.source); ids.add(e.target); }
    });
    return ids;
  }

  function applyFilters() {
    var partnered = state.partnerships ? partneredOrganizations() : null;
    cy.batch(function () {
      cy.nodes().forEach(function (node) {
        var n = nodeById.get(node.id());
        var visible = state.labels.has(n.label) && (!state.forum || n.forumSet.has(state.forum)) &&
          (!partnered || (n.label === 'Organization' && partnered.has(n.id)));
        if (node.hasClass('hidden') === visible) node.toggleClass('hidden', !visible);
      });
      cy.edges().forEach(function (edge) {
        var e = edgeById.get(edge.id());
        var visible = (state.partnerships ? e.type === 'PARTNERS_WITH' : state.types.has(e.type)) &&
          (!state.forum || e.forumSet.has(state.forum));
        if (edge.hasClass('hidden') === visible) edge.toggleClass('hidden', !visible);
      });
    });
    summarize();
  }

  var lastLayoutMs = null;

  function summarize() {
    var nodes = cy.nodes(':visible').length;
    var edges = cy.edges(':visible').length;
    var text = nodes + ' of ' + data.nodes.length + ' nodes, ' + edges + ' of ' + data.edges.length + ' relationships shown';
    if (state.partnerships) text += ' · partnership view';
    if (lastLayoutMs !== null) text += ' · laid out in ' + lastLayoutMs + ' ms';
    document.getElementById('summary').textContent = text;
  }

  /* Connected nodes by fCoSE (a draft, spectral layout past 1,500 of them); lone nodes in a block to their right. */
  function arrange(done) {
    var started = performance.now();
    var nodes = cy.nodes(':visible');
    var connected = nodes.filter(function (n) { return n.connectedEdges(':visible').length > 0; });
    var lone = nodes.difference(connected).sort(function (a, b) {
      return a.data('label').localeCompare(b.data('label')) || b.data('size') - a.data('size') || a.data('name').localeCompare(b.data('name'));
    });
    function placeLone() {
      var box = connected.length ? connected.boundingBox() : { x2: 0, y1: 0 };
      var cell = { w: 70, h: 45 };
      var columns = Math.max(1, Math.ceil(Math.sqrt(lone.length * cell.h / cell.w)));
      var x0 = box.x2 + (connected.length ? 150 : 0);
      cy.batch(function () {
        lone.forEach(function (node, i) {
          node.position({ x: x0 + (i % columns) * cell.w, y: box.y1 + Math.floor(i / columns) * cell.h });
        });
      });
      cy.fit(nodes, 24);
      lastLayoutMs = Math.round(performance.now() - started);
      summarize();
      if (done) done();
    }
    if (connected.length === 0) { placeLone(); return; }
    var layout = connected.union(connected.connectedEdges(':visible')).layout({
      name: 'fcose',
      quality: connected.length > 1500 ? 'draft' : 'default',
      randomize: true,
      animate: false,
      fit: false,
      packComponents: false,
      nodeDimensionsIncludeLabels: false,
      idealEdgeLength: 70,
      nodeRepulsion: 6000,
      nodeSeparation: 60,
    });
    layout.one('layoutstop', placeLone);
    layout.run();
  }

  /* ---------- details panel ---------- */

  var details = document.getElementById('details');

  function clearDetails() {
    details.replaceChildren(el('p', 'hint', 'Search for an entity or click a node or an edge.'));
  }

  function factList(facts) {
    var dl = el('dl');
    facts.forEach(function (f) {
      dl.appendChild(el('dt', '', f[0]));
      dl.appendChild(el('dd', '', f[1]));
    });
    return dl;
  }

  function relationNote(edge) {
    return edge.facts.filter(function (f) { return f[0] !== 'forums' && f[0] !== 'lines' && f[1]; })
      .map(function (f) { return f[1]; }).join(' · ');
  }

  function showNode(id) {
    var n = nodeById.get(id);
    var style = labelStyle[n.label];
    var parts = [badge(style.title, style.color), el('h2', 'name', n.name), el('div', 'id', n.id)];
    var facts = n.facts.slice();
    if (n.aliases.length) facts.push(['also', n.aliases.join('、')]);
    parts.push(factList(facts));

    var groups = new Map();
    data.types.forEach(function (t) { groups.set(t.type + ':out', []); groups.set(t.type + ':in', []); });
    incident.get(id).forEach(function (r) {
      var key = r.edge.type === 'PARTNERS_WITH' ? 'PARTNERS_WITH:out' : r.edge.type + ':' + r.direction;
      groups.get(key).push(r);
    });
    groups.forEach(function (items, key) {
      if (!items.length) return;
      var type = key.split(':')[0];
      var section = el('section');
      section.dataset.type = type;
      section.appendChild(el('h3', '', HEADINGS[type][key.split(':')[1]] + ' (' + items.length + ')'));
      items.sort(function (a, b) { return nodeById.get(a.other).name.localeCompare(nodeById.get(b.other).name, 'zh'); });
      section.appendChild(limitedList(items, function (r) {
        var li = el('li');
        li.appendChild(linkButton(nodeById.get(r.other).name, function () { select(r.other); }, 'name'));
        var note = relationNote(r.edge);
        if (note) li.appendChild(el('span', 'rel-note', ' ' + note));
        li.appendChild(document.createTextNode(' '));
        li.appendChild(linkButton('evidence', function () { select(r.edge.id); }, 'evidence'));
        return li;
      }));
      parts.push(section);
    });

    parts.push(citedSection('mentions', 'Mentions', n.mentions, function (m, li) {
      li.appendChild(document.createTextNode(' ' + m.text));
      if (m.quote) li.appendChild(quoteBlock(m.quote, m.text));
    }));
    details.replaceChildren.apply(details, parts);
    details.scrollTop = 0;
  }

  /** A section listing items cited by source:line, each completed by `fill`. */
  function citedSection(type, title, items, fill) {
    var section = el('section');
    section.dataset.type = type;
    section.appendChild(el('h3', '', title + ' (' + items.length + ')'));
    section.appendChild(limitedList(items, function (item) {
      var li = el('li');
      li.appendChild(el('span', 'where', item.source + ':' + item.line));
      fill(item, li);
      return li;
    }));
    return section;
  }

  function showEdge(id) {
    var e = edgeById.get(id);
    var heading = el('h2', 'name');
    heading.appendChild(linkButton(nodeById.get(e.source).name, function () { select(e.source); }));
    heading.appendChild(document.createTextNode(typeStyle[e.type].directed ? ' → ' : ' — '));
    heading.appendChild(linkButton(nodeById.get(e.target).name, function () { select(e.target); }));
    var parts = [badge(e.type, typeStyle[e.type].color), heading, factList(e.facts)];
    var evidence = citedSection('evidence', 'Evidence', e.evidence, function (ev, li) {
      li.appendChild(quoteBlock(ev.quote));
    });
    parts.push(evidence);
    details.replaceChildren.apply(details, parts);
    details.scrollTop = 0;
  }

  /* ---------- selection ---------- */

  function highlight(element) {
    var near = element.isNode() ? element.closedNeighborhood() : element.union(element.connectedNodes());
    cy.batch(function () {
      cy.elements().removeClass('faded neighbour');
      cy.elements().not(near).addClass('faded');
      near.nodes().addClass('neighbour');
    });
    return near;
  }

  function resetFilters() {
    state.labels = new Set(data.labels.map(function (l) { return l.label; }));
    state.forum = '';
    state.partnerships = false;
    syncControls();
    applyFilters();
  }

  /* Selects a node or an edge by id: shows it (clearing filters that hide it), highlights its neighbourhood, shows its details. */
  function select(id, options) {
    var element = cy.getElementById(id);
    if (element.empty()) return;
    if (element.hasClass('hidden') || (element.isEdge() && element.connectedNodes('.hidden').length)) {
      resetFilters();
      if (element.isEdge()) { state.types.add(edgeById.get(id).type); syncControls(); applyFilters(); }
    }
    cy.elements().unselect();
    element.select();
    var near = highlight(element);
    if (!options || options.center !== false) {
      cy.stop();
      cy.animate({ fit: { eles: near.filter(':visible'), padding: 80 }, duration: 250 });
    }
    if (element.isNode()) showNode(id); else showEdge(id);
  }

  function clearSelection() {
    cy.elements().unselect().removeClass('faded neighbour');
    clearDetails();
  }

  cy.on('tap', 'node', function (event) { select(event.target.id(), { center: false }); });
  cy.on('tap', 'edge', function (event) { select(event.target.id(), { center: false }); });
  cy.on('tap', function (event) { if (event.target === cy) clearSelection(); });

  /* ---------- search ---------- */

  var searchBox = document.getElementById('search');
  var resultList = document.getElementById('results');
  var hits = [];
  var active = -1;

  /* Entities whose name, alias or mention text equals, starts with or contains the query (normalised), best first. */
  function search(query) {
    var key = normalizeName(query);
    if (!key) return [];
    var found = [];
    data.nodes.forEach(function (n) {
      var rank;
      if (n.nameKey === key) rank = 0;
      else if (n.keys.indexOf(key) >= 0) rank = 1;
      else if (n.nameKey.indexOf(key) === 0) rank = 2;
      else if (n.keys.some(function (k) { return k.indexOf(key) === 0; })) rank = 3;
      else if (n.nameKey.indexOf(key) > 0) rank = 4;
      else if (n.keys.some(function (k) { return k.indexOf(key) > 0; })) rank = 5;
      else return;
      found.push({ node: n, rank: rank });
    });
    found.sort(function (a, b) {
      return a.rank - b.rank || b.node.mentions.length - a.node.mentions.length || a.node.name.length - b.node.name.length;
    });
    return found.slice(0, 15).map(function (hit) {
      var also = '';
      if (hit.rank % 2 === 1) {
        var forms = hit.node.aliases.concat(hit.node.mentions.map(function (m) { return m.text; }));
        also = forms.find(function (f) { return normalizeName(f).indexOf(key) >= 0; }) || '';
      }
      return { node: hit.node, also: also };
    });
  }

  function renderResults() {
    resultList.replaceChildren();
    if (!searchBox.value.trim()) { resultList.hidden = true; return; }
    if (!hits.length) {
      resultList.appendChild(el('li', 'empty', 'no entity has this name'));
    }
    hits.forEach(function (hit, i) {
      var style = labelStyle[hit.node.label];
      var li = el('li');
      li.setAttribute('role', 'option');
      li.setAttribute('aria-selected', i === active ? 'true' : 'false');
      li.appendChild(swatch(style.shape, style.color));
      li.appendChild(el('span', 'hit-name', hit.node.name));
      if (hit.also) li.appendChild(el('span', 'also', 'also ' + (hit.also.length > 40 ? hit.also.slice(0, 39) + '…' : hit.also)));
      li.addEventListener('mousedown', function (event) { event.preventDefault(); choose(i); });
      resultList.appendChild(li);
    });
    resultList.hidden = false;
  }

  function choose(i) {
    var hit = hits[i];
    if (!hit) return;
    searchBox.value = hit.node.name;
    resultList.hidden = true;
    select(hit.node.id);
  }

  searchBox.addEventListener('input', function () {
    hits = search(searchBox.value);
    active = hits.length ? 0 : -1;
    renderResults();
  });
  searchBox.addEventListener('keydown', function (event) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (!hits.length) return;
      active = (active + (event.key === 'ArrowDown' ? 1 : hits.length - 1)) % hits.length;
      renderResults();
      event.preventDefault();
    } else if (event.key === 'Enter') {
      if (resultList.hidden) { hits = search(searchBox.value); active = hits.length ? 0 : -1; }
      choose(Math.max(active, 0));
      event.preventDefault();
    } else if (event.key === 'Escape') {
      resultList.hidden = true;
    }
  });
  searchBox.addEventListener('blur', function () { resultList.hidden = true; });
  searchBox.addEventListener('focus', function () { if (searchBox.value.trim()) renderResults(); });

  /* ---------- controls ---------- */

  var labelBoxes = new Map();
  var typeBoxes = new Map();
  var forumSelect = document.getElementById('forum');
  var partnershipButton = document.getElementById('partnerships');

  function countBy(items, key) {
    var counts = {};
    items.forEach(function (item) { counts[item[key]] = (counts[item[key]] || 0) + 1; });
    return counts;
  }

  function checkboxRow(mark, text, count, checked, onChange) {
    var row = el('label');
    var box = el('input');
    box.type = 'checkbox';
    box.checked = checked;
    box.addEventListener('change', function () { onChange(box.checked); });
    row.appendChild(box);
    row.appendChild(mark);
    row.appendChild(el('span', '', text));
    row.appendChild(el('span', 'count', String(count)));
    return { row: row, box: box };
  }

  var labelCounts = countBy(data.nodes, 'label');
  var legend = document.getElementById('legend');
  data.labels.forEach(function (l) {
    var item = checkboxRow(swatch(l.shape, l.color), l.title, labelCounts[l.label] || 0, true, function (on) {
      if (on) state.labels.add(l.label); else state.labels.delete(l.label);
      applyFilters();
    });
    item.row.dataset.label = l.label;
    labelBoxes.set(l.label, item.box);
    legend.appendChild(item.row);
  });

  var typeCounts = countBy(data.edges, 'type');
  var typeList = document.getElementById('types');
  data.types.forEach(function (t) {
    var line = el('span', 'line-swatch');
    line.style.borderTopColor = t.color;
    line.style.borderTopWidth = Math.max(1, t.width) + 'px';
    var item = checkboxRow(line, t.type, typeCounts[t.type] || 0, t.shown, function (on) {
      if (on) state.types.add(t.type); else state.types.delete(t.type);
      applyFilters();
    });
    typeBoxes.set(t.type, item.box);
    typeList.appendChild(item.row);
  });

  data.forums.forEach(function (f) {
    var option = el('option', '', (f.date ? f.date + ' ' : '') + f.title);
    option.value = f.id;
    forumSelect.appendChild(option);
  });
  forumSelect.addEventListener('change', function () {
    state.forum = forumSelect.value;
    applyFilters();
    arrange();
  });

  partnershipButton.addEventListener('click', function () {
    state.partnerships = !state.partnerships;
    syncControls();
    applyFilters();
    arrange();
  });
  document.getElementById('relayout').addEventListener('click', function () { arrange(); });
  document.getElementById('fit').addEventListener('click', function () { cy.fit(cy.nodes(':visible'), 24); });

  function syncControls() {
    labelBoxes.forEach(function (box, label) { box.checked = state.labels.has(label); box.disabled = state.partnerships; });
    typeBoxes.forEach(function (box, type) { box.checked = state.types.has(type); box.disabled = state.partnerships; });
    forumSelect.value = state.forum;
    partnershipButton.setAttribute('aria-pressed', String(state.partnerships));
  }

  /* ---------- start ---------- */

  var view = { cy: cy, ready: false, layoutMs: null, timings: timings, select: select, search: search };
  window.forumkgView = view;
  applyFilters();
  timings.filtered = Math.round(performance.now());
  arrange(function () {
    view.layoutMs = lastLayoutMs;
    timings.ready = Math.round(performance.now());
    view.ready = true;
  });
})();
