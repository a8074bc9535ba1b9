/* orgspec chart page: collapse, expand, zoom, pan, fit, search and focus on the inlined SVG chart.
   The layout below is orgspec.render.layout's, step for step, over the units currently shown. */
(function () {
  'use strict';
  var app = document.getElementById('app');
  var stage = document.getElementById('stage');
  var svg = document.getElementById('chart');
  var NS = svg.namespaceURI;
  var vp = document.getElementById('vp');
  var K = JSON.parse(app.getAttribute('data-geom'));
  var FOLD = JSON.parse(app.getAttribute('data-fold'));
  var DEPTH = parseInt(app.getAttribute('data-depth'), 10) || 1;

  function fold(s) {
    var t = (s || '').normalize('NFKC').toLowerCase().replace(/\s+/g, '');
    var out = '';
    for (var i = 0; i < t.length; i += 1) { out += FOLD[t[i]] || t[i]; }
    return out;
  }
  function r2(v) { return Math.round(v * 100) / 100; }
  function sum(a) { var s = 0; for (var i = 0; i < a.length; i += 1) { s += a[i]; } return s; }
  function max(a, d) { var m = d; for (var i = 0; i < a.length; i += 1) { if (m === undefined || a[i] > m) { m = a[i]; } } return m; }
  function min(a) { var m = a[0]; for (var i = 1; i < a.length; i += 1) { if (a[i] < m) { m = a[i]; } } return m; }

  // ---- the units -------------------------------------------------------------------------
  var nodes = [], byId = Object.create(null), roots = [];
  Array.prototype.forEach.call(svg.querySelectorAll('g.box'), function (g) {
    var rect = g.querySelector('rect');
    var n = {
      id: g.id, g: g, rect: rect, parent: g.getAttribute('data-p'),
      w: parseFloat(g.getAttribute('data-w')), h: parseFloat(rect.getAttribute('height')),
      ox: parseFloat(rect.getAttribute('x')), oy: parseFloat(rect.getAttribute('y')),
      ow: parseFloat(rect.getAttribute('width')), attached: g.hasAttribute('data-a'),
      external: g.classList.contains('kind-external'), level: parseInt(g.getAttribute('data-d'), 10),
      names: (g.getAttribute('data-names') || '').split('\n'), kids: [], open: true, shown: true, box: null,
      curw: 0, tog: null
    };
    n.curw = n.ow;
    n.key = fold(n.names.join('\n'));
    nodes.push(n);
    byId[n.id] = n;
  });
  nodes.forEach(function (n) {
    if (n.parent && byId[n.parent]) { byId[n.parent].kids.push(n); } else { roots.push(n); }
  });
  var uid = Object.create(null);
  nodes.forEach(function (n) { var u = n.g.getAttribute('data-uid'); if (u && !(u in uid)) { uid[u] = n; } });

  // ---- the layout (orgspec.render.layout) ---------------------------------------------------
  function build(n) {
    var s = { n: n, w: n.w, h: n.h, kids: [], stacked: false, bands: null, grid: null, rest: null, cols: 1,
      colw: 0, tw: 0, th: 0 };
    if (n.open) { s.kids = n.kids.map(build); }
    size(s);
    return s;
  }
  function rowW(kids) { return sum(kids.map(function (k) { return k.tw; })) + K.GAP_X * (kids.length - 1); }
  function gridSize(tops, rows, colw) {
    var n = tops.length - 1, cols = Math.ceil(n / rows), tallest = -Infinity;
    for (var c = 0; c < cols; c += 1) { tallest = Math.max(tallest, tops[Math.min((c + 1) * rows, n)] - tops[c * rows]); }
    return [cols * (K.SPINE + colw) + (cols - 1) * K.GAP_X, tallest + (rows - 1) * (K.GAP_Y / 3)];
  }
  function grid(kids, cols, colw) {
    var rows = Math.ceil(kids.length / cols);
    cols = Math.ceil(kids.length / rows);
    var heights = [];
    for (var c = 0; c < cols; c += 1) {
      heights.push(sum(kids.slice(c * rows, (c + 1) * rows).map(function (k) { return k.h; })));
    }
    return [cols * (K.SPINE + colw) + (cols - 1) * K.GAP_X, max(heights) + (rows - 1) * (K.GAP_Y / 3)];
  }
  function size(s) {
    var kids = s.kids;
    if (!kids.length) { s.tw = s.w; s.th = s.h; return; }
    var leaves = kids.filter(function (k) { return !k.kids.length; });
    if (leaves.length > K.STACK_MIN) {
      s.stacked = true;
      s.grid = leaves;
      s.rest = kids.filter(function (k) { return k.kids.length; });
      s.colw = max(leaves.map(function (k) { return k.w; }));
      var restW = sum(s.rest.map(function (k) { return k.tw + K.GAP_X; }));
      var restH = max(s.rest.map(function (k) { return k.th; }), 0);
      var n = leaves.length, tops = [0], best = null, cols = 1;
      for (var i = 0; i < n; i += 1) { tops.push(tops[i] + leaves[i].h); }
      while (cols <= n) {
        var rows = Math.ceil(n / cols);
        var gs = gridSize(tops, rows, s.colw);
        var w = Math.max(s.w, gs[0] + restW), h = s.h + K.GAP_Y + Math.max(gs[1], restH);
        var score = Math.max(w / K.ASPECT, h);
        if (best === null || score < best[0] - 0.5) { best = [score, cols]; }
        cols = rows === 1 ? n + 1 : Math.ceil(n / (rows - 1));
      }
      s.cols = best[1];
      var g = grid(leaves, s.cols, s.colw);
      s.tw = Math.max(s.w, g[0] + restW);
      s.th = s.h + K.GAP_Y + Math.max(g[1], restH);
      return;
    }
    var blockW = rowW(kids);
    if (blockW > K.MAX_ROW && kids.length > 1) {
      s.bands = bands(kids);
      s.tw = Math.max(s.w, K.SPINE + max(s.bands.map(rowW)));
      s.th = s.h + sum(s.bands.map(function (b) { return K.GAP_Y + max(b.map(function (k) { return k.th; })); }));
      return;
    }
    s.tw = Math.max(s.w, blockW);
    s.th = s.h + K.GAP_Y + max(kids.map(function (k) { return k.th; }));
  }
  function bands(kids) {
    var limit = Math.max(K.MAX_ROW, max(kids.map(function (k) { return k.tw; })));
    var out = [[]];
    kids.forEach(function (kid) {
      var last = out[out.length - 1];
      if (last.length && rowW(last.concat([kid])) > limit) { out.push([]); }
      out[out.length - 1].push(kid);
    });
    return out;
  }

  function Placer() { this.boxes = Object.create(null); this.lines = []; }
  Placer.prototype.box = function (s, x, y, w) {
    var b = { x: r2(x), y: r2(y), w: r2(w), h: r2(s.h) };
    this.boxes[s.n.id] = b;
    return b;
  };
  Placer.prototype.line = function () { this.lines.push(Array.prototype.slice.call(arguments)); };
  Placer.prototype.place = function (s, left, top) {
    var cx = left + s.tw / 2;
    var parent = this.box(s, cx - s.w / 2, top, s.w);
    if (!s.kids.length) { return; }
    var bus = top + s.h + K.GAP_Y / 2, childTop = top + s.h + K.GAP_Y;
    var px = parent.x + parent.w / 2, pb = parent.y + parent.h;
    if (s.stacked) { this.stacked(s, left, childTop, bus, px, pb); return; }
    if (s.bands) { this.banded(s, left, childTop, px, pb); return; }
    var x = left + (s.tw - rowW(s.kids)) / 2, xs = [], self = this;
    s.kids.forEach(function (kid) {
      self.place(kid, x, childTop);
      if (!kid.n.attached) {
        var kb = self.boxes[kid.n.id], kx = kb.x + kb.w / 2;
        xs.push(kx);
        self.line([kx, bus], [kx, kb.y]);
      }
      x += kid.tw + K.GAP_X;
    });
    if (xs.length) {
      this.line([px, pb], [px, bus]);
      var lo = min(xs.concat([px])), hi = max(xs.concat([px]));
      if (hi > lo) { this.line([lo, bus], [hi, bus]); }
    }
  };
  Placer.prototype.banded = function (s, left, top, px, pb) {
    var trunk = left + K.SPINE / 2, firstBus = top - K.GAP_Y / 2, bus = firstBus, lastBus = bus, self = this;
    this.line([px, pb], [px, firstBus]);
    s.bands.forEach(function (band) {
      var x = left + K.SPINE, xs = [];
      band.forEach(function (kid) {
        self.place(kid, x, top);
        if (!kid.n.attached) {
          var kb = self.boxes[kid.n.id], kx = kb.x + kb.w / 2;
          xs.push(kx);
          self.line([kx, bus], [kx, kb.y]);
        }
        x += kid.tw + K.GAP_X;
      });
      self.line([trunk, bus], [max(xs.concat([px, trunk])), bus]);
      lastBus = bus;
      top += max(band.map(function (k) { return k.th; })) + K.GAP_Y;
      bus = top - K.GAP_Y / 2;
    });
    this.line([trunk, firstBus], [trunk, lastBus]);
  };
  Placer.prototype.stacked = function (s, left, top, bus, px, pb) {
    var rows = Math.ceil(s.grid.length / s.cols), cols = Math.ceil(s.grid.length / rows);
    var gridW = cols * (K.SPINE + s.colw) + (cols - 1) * K.GAP_X;
    var restW = sum(s.rest.map(function (k) { return k.tw + K.GAP_X; }));
    var x0 = left + (s.tw - gridW - restW) / 2, drops = [];
    for (var c = 0; c < cols; c += 1) {
      var col = s.grid.slice(c * rows, (c + 1) * rows);
      var sx = x0 + c * (K.SPINE + s.colw + K.GAP_X) + K.SPINE / 2, y = top, last = null;
      for (var i = 0; i < col.length; i += 1) {
        var kid = col[i], b = this.box(kid, sx + K.SPINE / 2, y, s.colw);
        if (!kid.n.attached) {
          var mid = b.y + b.h / 2;
          this.line([sx, mid], [b.x, mid]);
          last = mid;
        }
        y += kid.h + K.GAP_Y / 3;
      }
      if (last !== null) { this.line([sx, bus], [sx, last]); drops.push(sx); }
    }
    var x = x0 + gridW + K.GAP_X, self = this;
    s.rest.forEach(function (kid) {
      self.place(kid, x, top);
      var kb = self.boxes[kid.n.id], kx = kb.x + kb.w / 2;
      self.line([kx, bus], [kx, kb.y]);
      drops.push(kx);
      x += kid.tw + K.GAP_X;
    });
    if (drops.length) {
      this.line([px, pb], [px, bus]);
      var lo = min(drops.concat([px])), hi = max(drops.concat([px]));
      if (hi > lo) { this.line([lo, bus], [hi, bus]); }
    }
  };

  // the port of render/layout.py's layout(): bodies banded in rows, then the bodies outside the chart
  function bodyRows(bodies) {
    if (bodies.length < 2) { return [bodies]; }
    var area = sum(bodies.map(function (b) { return b.tw * b.th; }));
    var limit = Math.max(max(bodies.map(function (b) { return b.tw; })), Math.sqrt(area * K.ASPECT) * 1.3);
    var rows = [[]];
    bodies.forEach(function (body) {
      var row = rows[rows.length - 1];
      if (row.length && sum(row.map(function (b) { return b.tw + K.GAP_X * 2; })) + body.tw > limit) {
        rows.push([]);
      }
      rows[rows.length - 1].push(body);
    });
    return rows;
  }
  Placer.prototype.free = function (x, y, w, h) {
    var g = K.GAP_X / 2;
    for (var id in this.boxes) {
      var b = this.boxes[id];
      if (x - g < b.x + b.w && b.x < x + w + g && y - g < b.y + b.h && b.y < y + h + g) { return false; }
    }
    return true;
  };
  function layout() {
    var subs = roots.map(build), p = new Placer(), m = K.MARGIN, width = m, y = m, right = null, left = null;
    var bodies = subs.filter(function (s) { return !s.n.external; });
    var outside = subs.filter(function (s) { return s.n.external; });
    bodyRows(bodies).forEach(function (row) {
      var x = m;
      row.forEach(function (body) { p.place(body, x, y); x += body.tw + K.GAP_X * 2; });
      width = Math.max(width, x - K.GAP_X * 2);
      y += (row.length ? max(row.map(function (b) { return b.th; })) : 0) + K.GAP_Y * 2;
    });
    if (bodies.length) {
      var b0 = p.boxes[bodies[0].n.id], bottom = b0.y + b0.h + K.GAP_Y / 3;
      right = [b0.x + b0.w + 4 * K.GAP_X, m, bottom];
      left = [b0.x - 4 * K.GAP_X, m, bottom, m];
    }
    var rest = [];
    outside.forEach(function (s) {
      if (right !== null && left !== null) {
        if (right[1] + s.h <= right[2] && p.free(right[0], right[1], s.w, s.h)) {
          p.place(s, right[0], right[1]);
          right[1] += s.h + K.GAP_Y / 3;
          width = Math.max(width, right[0] + s.w);
          return;
        }
        if (left[1] + s.h <= left[2] && left[0] - s.w >= left[3] && p.free(left[0] - s.w, left[1], s.w, s.h)) {
          p.place(s, left[0] - s.w, left[1]);
          left[1] += s.h + K.GAP_Y / 3;
          return;
        }
      }
      rest.push(s);
    });
    if (rest.length) {
      var x = m, limit = Math.max(width, 600), rowH = 0;
      rest.forEach(function (s) {
        if (x > m && x + s.w > limit) { x = m; y += rowH + K.GAP_Y / 2; rowH = 0; }
        p.place(s, x, y);
        x += s.w + K.GAP_X * 2;
        rowH = Math.max(rowH, s.h);
        width = Math.max(width, x - K.GAP_X * 2);
      });
      y += rowH + K.GAP_Y * 2;
    }
    var height = subs.length ? y - K.GAP_Y * 2 + m : 2 * m;
    return { boxes: p.boxes, lines: p.lines, width: width + m, height: height };
  }

  // ---- drawing what the layout says ---------------------------------------------------------
  var tree = svg.querySelector('g.tree');
  var treePath = document.createElementNS(NS, 'path');
  tree.appendChild(treePath);
  var legend = svg.querySelector('g.legend');
  var background = svg.querySelector('rect.background');
  var rels = Array.prototype.slice.call(svg.querySelectorAll('line.rel')).map(function (el) {
    return { el: el, s: el.getAttribute('data-s'), t: el.getAttribute('data-t') };
  });
  var labels = Array.prototype.slice.call(svg.querySelectorAll('g.rel-label')).map(function (el) {
    var rect = el.querySelector('rect');
    var w = parseFloat(rect.getAttribute('width'));
    return { el: el, s: el.getAttribute('data-s'), t: el.getAttribute('data-t'), w: w,
      mx: parseFloat(rect.getAttribute('x')) + w / 2, my: parseFloat(rect.getAttribute('y')) + 9 };
  });
  var current = null;

  nodes.forEach(function (n) {
    if (!n.kids.length) { return; }
    var t = document.createElementNS(NS, 'g');
    t.setAttribute('class', 'tog');
    t.setAttribute('role', 'button');
    t.setAttribute('tabindex', '0');
    var c = document.createElementNS(NS, 'circle');
    c.setAttribute('cx', r2(n.ox + n.ow / 2));
    c.setAttribute('cy', r2(n.oy + n.h));
    c.setAttribute('r', '7');
    var tx = document.createElementNS(NS, 'text');
    tx.setAttribute('x', r2(n.ox + n.ow / 2));
    tx.setAttribute('y', r2(n.oy + n.h + 4.5));
    tx.setAttribute('text-anchor', 'middle');
    t.appendChild(c);
    t.appendChild(tx);
    n.g.appendChild(t);
    n.tog = t;
  });

  function clip(b, tx, ty) {
    var cx = b.x + b.w / 2, cy = b.y + b.h / 2, dx = tx - cx, dy = ty - cy;
    if (dx === 0 && dy === 0) { return [cx, cy]; }
    var sx = dx ? (b.w / 2) / Math.abs(dx) : Infinity, sy = dy ? (b.h / 2) / Math.abs(dy) : Infinity;
    var s = Math.min(sx, sy);
    return [cx + dx * s, cy + dy * s];
  }
  function labelSpot(boxes, a, b, w) {
    var ts = [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8];
    for (var i = 0; i < ts.length; i += 1) {
      var mx = a[0] + (b[0] - a[0]) * ts[i], my = a[1] + (b[1] - a[1]) * ts[i], free = true;
      for (var id in boxes) {
        var bx = boxes[id];
        if (mx - w / 2 < bx.x + bx.w && bx.x < mx + w / 2 && my - 9 < bx.y + bx.h && bx.y < my + 7) { free = false; break; }
      }
      if (free) { return [mx, my]; }
    }
    return [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
  }
  function setShown(el, on) { el.style.display = on ? '' : 'none'; }

  function draw() {
    var lay = layout();
    current = lay;
    nodes.forEach(function (n) {
      var b = lay.boxes[n.id];
      n.box = b || null;
      if (!b) { if (n.shown) { setShown(n.g, false); n.shown = false; } return; }
      if (!n.shown) { setShown(n.g, true); n.shown = true; }
      var dx = b.x + b.w / 2 - (n.ox + n.ow / 2), dy = b.y - n.oy;
      n.g.setAttribute('transform', 'translate(' + r2(dx) + ',' + r2(dy) + ')');
      if (b.w !== n.curw) {
        n.rect.setAttribute('x', r2(n.ox + n.ow / 2 - b.w / 2));
        n.rect.setAttribute('width', r2(b.w));
        n.curw = b.w;
      }
      if (n.tog) {
        n.tog.setAttribute('aria-expanded', n.open ? 'true' : 'false');
        n.tog.setAttribute('aria-label', (n.open ? '收起 collapse ' : '展开 expand ') + n.names[0]);
        n.tog.lastChild.textContent = n.open ? '−' : '+';
      }
    });
    treePath.setAttribute('d', lay.lines.map(function (pts) {
      return pts.map(function (p, i) { return (i ? 'L' : 'M') + r2(p[0]) + ' ' + r2(p[1]); }).join('');
    }).join(''));
    rels.forEach(function (e) {
      var a = lay.boxes[e.s], b = lay.boxes[e.t];
      setShown(e.el, !!(a && b));
      if (!a || !b) { return; }
      var p = clip(a, b.x + b.w / 2, b.y + b.h / 2), q = clip(b, a.x + a.w / 2, a.y + a.h / 2);
      e.el.setAttribute('x1', r2(p[0])); e.el.setAttribute('y1', r2(p[1]));
      e.el.setAttribute('x2', r2(q[0])); e.el.setAttribute('y2', r2(q[1]));
      e.a = p; e.b = q;
    });
    labels.forEach(function (l) {
      var a = lay.boxes[l.s], b = lay.boxes[l.t];
      setShown(l.el, !!(a && b));
      if (!a || !b) { return; }
      var p = clip(a, b.x + b.w / 2, b.y + b.h / 2), q = clip(b, a.x + a.w / 2, a.y + a.h / 2);
      var spot = labelSpot(lay.boxes, p, q, l.w);
      l.el.setAttribute('transform', 'translate(' + r2(spot[0] - l.mx) + ',' + r2(spot[1] - l.my) + ')');
    });
    if (legend) { legend.setAttribute('transform', 'translate(20,' + r2(lay.height) + ')'); }
    lay.fullW = Math.max(lay.width, K.LEGEND_W ? K.LEGEND_W + 40 : 0);
    lay.fullH = lay.height + (K.LEGEND_H ? K.LEGEND_H + 20 : 0);
    if (background) {
      background.setAttribute('width', r2(lay.fullW));
      background.setAttribute('height', r2(lay.fullH));
    }
    markHits();
  }

  // ---- zoom and pan -------------------------------------------------------------------------
  var view = { k: 1, x: 0, y: 0 };
  function setView(k, x, y) {
    view.k = Math.min(Math.max(k, 0.02), 8);
    view.x = x;
    view.y = y;
    vp.setAttribute('transform', 'translate(' + r2(view.x) + ',' + r2(view.y) + ') scale(' + (Math.round(view.k * 10000) / 10000) + ')');
  }
  function fit() {
    var cw = stage.clientWidth, ch = stage.clientHeight, w = current.fullW, h = current.fullH;
    var k = Math.min(cw / w, ch / h, 1);
    setView(k, (cw - w * k) / 2, Math.max((ch - h * k) / 2, 0));
  }
  function zoomAt(f, px, py) {
    var k = Math.min(Math.max(view.k * f, 0.02), 8);
    setView(k, px - (px - view.x) * k / view.k, py - (py - view.y) * k / view.k);
  }
  stage.addEventListener('wheel', function (ev) {
    ev.preventDefault();
    var r = stage.getBoundingClientRect();
    zoomAt(Math.exp(-ev.deltaY * (ev.deltaMode ? 0.05 : 0.0015)), ev.clientX - r.left, ev.clientY - r.top);
  }, { passive: false });
  var drag = null, moved = false;
  stage.addEventListener('pointerdown', function (ev) {
    if (ev.button !== 0) { return; }
    drag = { x: ev.clientX, y: ev.clientY, vx: view.x, vy: view.y, id: ev.pointerId };
    moved = false;
  });
  stage.addEventListener('pointermove', function (ev) {
    if (!drag) { return; }
    var dx = ev.clientX - drag.x, dy = ev.clientY - drag.y;
    if (!moved && Math.abs(dx) + Math.abs(dy) > 4) {
      moved = true;
      stage.classList.add('dragging');
      stage.setPointerCapture(drag.id);
    }
    if (moved) { setView(view.k, drag.vx + dx, drag.vy + dy); }
  });
  function endDrag() { drag = null; stage.classList.remove('dragging'); }
  stage.addEventListener('pointerup', endDrag);
  stage.addEventListener('pointercancel', endDrag);
  document.getElementById('zin').addEventListener('click', function () { zoomAt(1.25, stage.clientWidth / 2, stage.clientHeight / 2); });
  document.getElementById('zout').addEventListener('click', function () { zoomAt(0.8, stage.clientWidth / 2, stage.clientHeight / 2); });
  document.getElementById('fit').addEventListener('click', fit);

  // ---- collapse and expand ------------------------------------------------------------------
  function screenOf(n) { return [view.x + (n.box.x + n.box.w / 2) * view.k, view.y + n.box.y * view.k]; }
  function toggle(n) {
    if (!n.kids.length) { return; }
    var before = screenOf(n);
    n.open = !n.open;
    draw();
    var after = screenOf(n);  // keep the unit where the reader clicked it
    setView(view.k, view.x + before[0] - after[0], view.y + before[1] - after[1]);
  }
  svg.addEventListener('click', function (ev) {
    if (moved) { moved = false; return; }
    var g = ev.target.closest ? ev.target.closest('g.box') : null;
    if (g && byId[g.id]) { toggle(byId[g.id]); }
  });
  svg.addEventListener('keydown', function (ev) {
    if (ev.key !== 'Enter' && ev.key !== ' ') { return; }
    var t = ev.target.closest ? ev.target.closest('g.tog') : null;
    if (t) { ev.preventDefault(); toggle(byId[t.parentNode.id]); }
  });
  function openTo(depth) {
    nodes.forEach(function (n) { n.open = n.level < depth; });
    draw();
    fit();
  }
  var outline = document.getElementById('outline');
  function setOutline(open) { outline.querySelectorAll('details').forEach(function (d) { d.open = open; }); }
  document.getElementById('expand').addEventListener('click', function () { setOutline(true); openTo(Infinity); });
  document.getElementById('collapse').addEventListener('click', function () { setOutline(false); openTo(1); });
  document.getElementById('overview').addEventListener('click', function () { openTo(DEPTH); });

  // ---- focus on one unit --------------------------------------------------------------------
  var focused = null;
  function focusOn(n, scroll) {
    for (var p = byId[n.parent]; p; p = byId[p.parent]) { p.open = true; }
    draw();
    if (focused) { focused.g.classList.remove('focus'); }
    focused = n;
    n.g.classList.add('focus');
    var k = Math.max(view.k, 1), b = n.box;
    setView(k, stage.clientWidth / 2 - (b.x + b.w / 2) * k, stage.clientHeight / 2 - (b.y + b.h / 2) * k);
    if (window.history && history.replaceState) { history.replaceState(null, '', '#' + encodeURIComponent(n.id)); }
    if (scroll) { stage.scrollIntoView({ block: 'nearest' }); }
  }
  function fromHash() {
    var h = decodeURIComponent((location.hash || '').slice(1));
    var n = byId[h] || uid[h];
    if (n) { focusOn(n, true); return true; }
    return false;
  }
  window.addEventListener('hashchange', fromHash);

  // ---- search -------------------------------------------------------------------------------
  var q = document.getElementById('q');
  var count = document.getElementById('count');
  var results = document.getElementById('results');
  var items = Array.prototype.slice.call(outline.querySelectorAll('li.unit'));
  var itemKeys = items.map(function (li) { return fold(li.getAttribute('data-names')); });
  var hits = [];
  function markHits() {
    nodes.forEach(function (n) { n.g.classList.remove('hit-below'); });
    hits.forEach(function (n) {
      if (n.shown) { return; }
      for (var p = byId[n.parent]; p; p = byId[p.parent]) { if (p.shown) { p.g.classList.add('hit-below'); break; } }
    });
  }
  function filterOutline(key) {
    items.forEach(function (li) {
      li.classList.remove('hidden');
      li.querySelector('.node').classList.remove('hit');
    });
    if (!key) { return; }
    for (var i = items.length - 1; i >= 0; i -= 1) {
      var li = items[i], mine = itemKeys[i].indexOf(key) >= 0;
      var below = li.querySelector('li.unit:not(.hidden)') !== null;
      if (mine) { li.querySelector('.node').classList.add('hit'); }
      if (!mine && !below) { li.classList.add('hidden'); } else {
        var d = li.querySelector(':scope > details');
        if (d && below) { d.open = true; }
      }
    }
  }
  function search() {
    var key = fold(q.value);
    hits.forEach(function (n) { n.g.classList.remove('hit'); });
    hits = key ? nodes.filter(function (n) { return n.key.indexOf(key) >= 0; }) : [];
    hits.forEach(function (n) { n.g.classList.add('hit'); });
    markHits();
    filterOutline(key);
    results.textContent = '';
    hits.slice(0, 50).forEach(function (n) {
      var li = document.createElement('li'), b = document.createElement('button'), ctx = document.createElement('span');
      b.type = 'button';
      b.setAttribute('data-id', n.id);
      b.textContent = n.names[0];
      ctx.className = 'ctx';
      var p = byId[n.parent];
      ctx.textContent = n.names.slice(1).concat(p ? [p.names[0]] : []).join(' · ');
      b.appendChild(ctx);
      li.appendChild(b);
      results.appendChild(li);
    });
    count.textContent = key ? hits.length + ' 个匹配 match(es)' : '';
  }
  q.addEventListener('input', search);
  q.addEventListener('keydown', function (ev) { if (ev.key === 'Enter' && hits.length) { focusOn(hits[0], true); } });
  results.addEventListener('click', function (ev) {
    var b = ev.target.closest ? ev.target.closest('button') : null;
    if (b && byId[b.getAttribute('data-id')]) { focusOn(byId[b.getAttribute('data-id')], true); }
  });

  // ---- open ---------------------------------------------------------------------------------
  nodes.forEach(function (n) { n.open = n.level < DEPTH; });
  if (!fromHash()) { draw(); fit(); }
  window.addEventListener('resize', function () { if (!focused) { fit(); } });
  app.setAttribute('data-ready', String(Math.round(performance.now())));
})();
