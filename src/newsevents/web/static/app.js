/* newsevents page: a view of the JSON API (/api/...), nothing more.
 *
 * Safety rule for this file: text from the store (article text, names, quotes, headlines, URLs) only
 * ever reaches the DOM through textContent / createTextNode / setAttribute on inert attributes.
 * innerHTML is never used, so an article containing <script> or onerror= shows as text.
 */
(() => {
  "use strict";

  const LIMITS = { events: 1000, places: 1000, quotes: 500, documents: 200, journeys: 1000 };
  // PLOVER's 16 types: cooperative ones in blues/greens, conflictual ones in reds/oranges.
  const TYPE_COLORS = {
    AGREE: "#2b6cb0", CONSULT: "#3182ce", SUPPORT: "#4299e1", CONCEDE: "#63b3ed",
    COOPERATE: "#2f855a", AID: "#38a169", RETREAT: "#68d391", REQUEST: "#805ad5",
    ACCUSE: "#d69e2e", REJECT: "#dd6b20", THREATEN: "#ed8936", PROTEST: "#b7791f",
    SANCTION: "#9c4221", MOBILIZE: "#c53030", COERCE: "#e53e3e", ASSAULT: "#9b2c2c",
  };
  const OTHER_COLOR = "#718096";
  const colorOf = (t) => TYPE_COLORS[(t || "").toUpperCase()] || OTHER_COLOR;

  const state = { from: null, to: null, q: "", type: null, data: null, docTitles: new Map() };
  window.__ne = state; // for tests and the curious

  // ---------- small DOM helpers (text only, never HTML) ----------
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === "class") node.className = v;
      else if (k === "style") node.style.cssText = v;
      else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
      else if (k.startsWith("data-")) node.setAttribute(k, String(v));
      else node.setAttribute(k, String(v));
    }
    for (const c of children) {
      if (c === null || c === undefined || c === false) continue;
      node.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return node;
  }
  const $ = (id) => document.getElementById(id);
  const clip = (s, n) => (s && s.length > n ? s.slice(0, n - 1) + "…" : s || "");

  async function getJSON(path, params) {
    const url = new URL(path, location.origin);
    for (const [k, v] of Object.entries(params || {})) {
      if (v !== null && v !== undefined && v !== "") url.searchParams.set(k, v);
    }
    const res = await fetch(url, { headers: { Accept: "application/json" } });
    if (!res.ok) {
      let msg = res.status + " " + res.statusText;
      try { const j = await res.json(); if (j.detail) msg = typeof j.detail === "string" ? j.detail : JSON.stringify(j.detail); } catch (_) { /* keep msg */ }
      throw new Error(msg);
    }
    return res.json();
  }

  function filters(extra) {
    return Object.assign({ date_from: state.from, date_to: state.to, q: state.q || null }, extra || {});
  }

  // ---------- dates ----------
  const parseDay = (s) => {
    if (!s || typeof s !== "string") return null;
    const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(s);
    if (!m) return null;
    return new Date(Date.UTC(+m[1], m[2] ? +m[2] - 1 : 0, m[3] ? +m[3] : 1));
  };
  const isoDay = d3.utcFormat("%Y-%m-%d");
  const eventDay = (e) => parseDay(e.date) || parseDay(e.published);

  // ---------- map ----------
  const map = {};

  function initMap(world) {
    const box = $("map");
    const width = box.clientWidth || 800;
    const height = box.clientHeight || 450;
    const projection = d3.geoNaturalEarth1().fitExtent([[4, 4], [width - 4, height - 4]], { type: "Sphere" });
    const path = d3.geoPath(projection);
    const svg = d3.select(box).append("svg").attr("viewBox", `0 0 ${width} ${height}`).attr("id", "mapsvg");
    // arrowhead at each journey's destination; sized in map units and rescaled on zoom
    svg.append("defs").append("marker").attr("id", "arrow").attr("viewBox", "0 0 10 10").attr("refX", 8).attr("refY", 5)
      .attr("markerUnits", "userSpaceOnUse").attr("markerWidth", 10).attr("markerHeight", 10).attr("orient", "auto")
      .append("path").attr("d", "M0,0 L10,5 L0,10 z").attr("fill", "#c05621");
    const g = svg.append("g").attr("class", "zoomlayer");
    g.append("path").attr("class", "sphere").attr("d", path({ type: "Sphere" }));
    g.append("path").attr("class", "graticule").attr("d", path(d3.geoGraticule10()));
    const countries = topojson.feature(world, world.objects.countries).features.map(rewind);
    state.countries = countries;
    g.append("g").attr("class", "countries").selectAll("path").data(countries).join("path")
      .attr("class", "country").attr("d", path)
      .append("title").text((d) => (d.properties && d.properties.name) || "");
    Object.assign(map, {
      svg, g, projection, path, width, height, k: 1,
      markers: g.append("g").attr("class", "markers"),
      journeys: g.append("g").attr("class", "journeys"), // above the markers, so a route stays visible
      flash: g.append("g").attr("class", "flashes"),
    });
    map.zoom = d3.zoom().scaleExtent([1, 300]).translateExtent([[0, 0], [width, height]])
      .on("zoom", (ev) => {
        g.attr("transform", ev.transform);
        map.k = ev.transform.k;
        scaleMarkers();
      })
      .on("end", () => drawMarkers());
    svg.call(map.zoom).on("dblclick.zoom", null);
  }

  /* d3-geo reads ring winding to tell inside from outside; a few tiny 1:10m polygons come out wound
   * the other way after quantisation and would paint the whole globe. Flip any polygon larger than a
   * hemisphere. */
  function rewind(feature) {
    const g = feature.geometry;
    if (!g) return feature;
    const fix = (rings) => (d3.geoArea({ type: "Polygon", coordinates: rings }) > 2 * Math.PI ? rings.map((r) => r.slice().reverse()) : rings);
    if (g.type === "Polygon") g.coordinates = fix(g.coordinates);
    else if (g.type === "MultiPolygon") g.coordinates = g.coordinates.map(fix);
    return feature;
  }

  /* First view: the box around what there is to see, not the whole globe. */
  function fitToPoints(points) {
    if (!points.length || map.fitted) return;
    map.fitted = true;
    zoomToBox(points, false);
  }

  function zoomToBox(points, animate) {
    const [x0, x1] = d3.extent(points, (p) => p.x);
    const [y0, y1] = d3.extent(points, (p) => p.y);
    const pad = 60;
    const k = Math.max(1, Math.min(12, 0.9 / Math.max((x1 - x0 + pad) / map.width, (y1 - y0 + pad) / map.height)));
    const t = d3.zoomIdentity.translate(map.width / 2 - ((x0 + x1) / 2) * k, map.height / 2 - ((y0 + y1) / 2) * k).scale(k);
    (animate ? map.svg.transition().duration(600) : map.svg).call(map.zoom.transform, t);
  }

  state.fitAll = () => state.points && state.points.length && zoomToBox(state.points, false);

  /* An opened article pulls the map to its own places (and journeys). */
  function fitToDoc(doc) {
    if (!map.projection) return;
    const ll = [];
    for (const p of doc.places || []) if (p.lat !== null && p.lat !== undefined) ll.push([p.lon, p.lat]);
    for (const j of doc.journeys || []) for (const st of j.stops || []) if (st.lat !== null && st.lat !== undefined) ll.push([st.lon, st.lat]);
    const pts = ll.map((c) => map.projection(c)).filter(Boolean).map(([x, y]) => ({ x, y }));
    if (pts.length) zoomToBox(pts, true);
  }

  function scaleMarkers() {
    const k = map.k;
    map.markers.selectAll("circle.marker").attr("r", (d) => d.r / k);
    map.markers.selectAll("text.cluster-label").attr("font-size", 10 / k);
    map.journeys.selectAll("circle.stop").attr("r", 4 / k);
    map.svg.select("#arrow").attr("markerWidth", 10 / k).attr("markerHeight", 10 / k);
    map.journeys.selectAll("text.stop-label").attr("font-size", 11 / k).attr("stroke-width", 3 / k).attr("dx", 6 / k).attr("dy", -6 / k);
  }

  /* Points to draw: every event with coordinates, and every place that no event already stands on. */
  function mapPoints(data) {
    const pts = [];
    const taken = new Set();
    for (const e of data.events) {
      if (e.lat === null || e.lon === null || e.lat === undefined || e.lon === undefined) continue;
      const xy = map.projection([e.lon, e.lat]);
      if (!xy) continue;
      pts.push({ kind: "event", rec: e, x: xy[0], y: xy[1], color: colorOf(e.type) });
      taken.add(e.doc_id + "|" + (+e.lat).toFixed(2) + "|" + (+e.lon).toFixed(2));
    }
    for (const p of data.places) {
      if (p.lat === null || p.lon === null || p.lat === undefined || p.lon === undefined) continue;
      if (taken.has(p.doc_id + "|" + (+p.lat).toFixed(2) + "|" + (+p.lon).toFixed(2))) continue;
      const xy = map.projection([p.lon, p.lat]);
      if (!xy) continue;
      pts.push({ kind: "place", rec: p, x: xy[0], y: xy[1], color: "#4a5568" });
    }
    return pts;
  }

  /* Grid clustering in screen space: points closer than ~22 px at the current zoom share a marker. */
  function cluster(points) {
    const cell = 22 / map.k;
    const cells = new Map();
    for (const p of points) {
      const key = Math.floor(p.x / cell) + ":" + Math.floor(p.y / cell);
      let c = cells.get(key);
      if (!c) { c = { items: [], x: 0, y: 0 }; cells.set(key, c); }
      c.items.push(p);
      c.x += p.x; c.y += p.y;
    }
    return [...cells.values()].map((c, i) => {
      const n = c.items.length;
      const events = c.items.filter((p) => p.kind === "event");
      const byType = d3.rollups(events, (v) => v.length, (p) => p.rec.type).sort((a, b) => b[1] - a[1]);
      return {
        id: i, items: c.items, n, x: c.x / n, y: c.y / n,
        color: byType.length ? colorOf(byType[0][0]) : "#4a5568",
        onlyPlaces: events.length === 0,
        r: n === 1 ? (events.length ? 6 : 4.5) : 8 + Math.sqrt(n) * 2.2,
      };
    });
  }

  function drawMarkers() {
    if (!state.data || !map.svg) return;
    const clusters = cluster(state.points || []);
    const groups = map.markers.selectAll("g.mk").data(clusters, (d) => d.items.map((p) => p.kind + p.rec.doc_id + p.rec.idx).join(","))
      .join((enter) => {
        const gg = enter.append("g").attr("class", "mk");
        gg.append("circle");
        gg.append("text").attr("class", "cluster-label");
        gg.append("title");
        return gg;
      });
    groups.select("circle")
      .attr("class", (d) => "marker" + (d.onlyPlaces ? " place" : "") + (d.n > 1 ? " cluster" : ""))
      .attr("data-n", (d) => d.n)
      .attr("cx", (d) => d.x).attr("cy", (d) => d.y).attr("r", (d) => d.r / map.k)
      .attr("fill", (d) => (d.onlyPlaces ? null : d.color))
      .on("click", (ev, d) => { ev.stopPropagation(); showCluster(d, ev.currentTarget); })
      .on("dblclick", (ev, d) => { ev.stopPropagation(); zoomTo(d.x, d.y, map.k * 4); });
    groups.select("text").attr("x", (d) => d.x).attr("y", (d) => d.y)
      .attr("font-size", 10 / map.k).text((d) => (d.n > 1 ? String(d.n) : ""));
    groups.select("title").text((d) => d.items.slice(0, 8).map(pointLabel).join("\n") + (d.n > 8 ? `\n… ${d.n - 8} more` : ""));
  }

  function pointLabel(p) {
    const r = p.rec;
    if (p.kind === "event") return `${r.type || "event"}: ${r.actor || "?"} → ${r.target || "?"} (${r.place || ""})`;
    return `place: ${r.name || r.text}`;
  }

  function zoomTo(x, y, k) {
    k = Math.max(1, Math.min(300, k));
    const t = d3.zoomIdentity.translate(map.width / 2 - x * k, map.height / 2 - y * k).scale(k);
    map.svg.transition().duration(500).call(map.zoom.transform, t);
  }

  function drawJourneys(rows) {
    // one row per journey, its stops in order (store.query.query_journeys)
    const trips = rows.map((j) => ({
      key: j.doc_id + "|" + j.idx, person: j.person, doc_id: j.doc_id,
      stops: (j.stops || []).map((s) => ({ ...s, doc_id: j.doc_id })),
    }));
    const located = trips.map((t) => ({ ...t, pts: t.stops.filter((s) => s.lat !== null && s.lon !== null && s.lat !== undefined) }))
      .filter((t) => t.pts.length >= 1);
    const sel = map.journeys.selectAll("g.trip").data(located, (d) => d.key).join((enter) => {
      const gg = enter.append("g").attr("class", "trip");
      gg.append("path").attr("class", "journey");
      gg.append("title");
      return gg;
    });
    sel.select("path.journey")
      .attr("d", (d) => (d.pts.length > 1 ? map.path({ type: "LineString", coordinates: d.pts.map((s) => [s.lon, s.lat]) }) : null))
      .attr("data-person", (d) => d.person || "")
      .attr("marker-end", "url(#arrow)");
    sel.select("title").text((d) => `${d.person || "someone"}: ${d.stops.map((s) => s.name).join(" → ")}`);
    sel.selectAll("circle.stop").data((d) => d.pts).join("circle").attr("class", "stop")
      .attr("cx", (s) => map.projection([s.lon, s.lat])[0]).attr("cy", (s) => map.projection([s.lon, s.lat])[1])
      .attr("r", 4 / map.k)
      .on("click", (ev, s) => { ev.stopPropagation(); openArticle(s.doc_id, { kind: "stop", start: s.start, end: s.end }); });
    sel.selectAll("text.stop-label").data((d) => stopLabels(d.pts)).join("text").attr("class", "stop-label")
      .attr("x", (s) => map.projection([s.lon, s.lat])[0]).attr("y", (s) => map.projection([s.lon, s.lat])[1])
      .attr("font-size", 11 / map.k).attr("stroke-width", 3 / map.k).attr("dx", 6 / map.k).attr("dy", -6 / map.k)
      .text((s) => s.label);
  }

  /* One label per cluster of nearby stops ("2-3. Ciudad Juárez / El Paso"): border towns a few km
   * apart would otherwise print on top of each other. */
  function stopLabels(pts) {
    const out = [];
    pts.forEach((s, i) => {
      const last = out[out.length - 1];
      if (last && Math.abs(last.lat - s.lat) < 0.6 && Math.abs(last.lon - s.lon) < 0.6) {
        last.names.push(s.name);
        last.to = i + 1;
      } else {
        out.push({ lat: s.lat, lon: s.lon, names: [s.name], from: i + 1, to: i + 1 });
      }
    });
    for (const l of out) l.label = `${l.from}${l.to > l.from ? "–" + l.to : ""}. ${l.names.join(" / ")}`;
    return out;
  }

  function flashAt(lat, lon) {
    if (lat === null || lon === null || lat === undefined || !map.projection) return;
    const [x, y] = map.projection([lon, lat]);
    const c = map.flash.append("circle").attr("class", "flash").attr("cx", x).attr("cy", y).attr("r", 4 / map.k);
    c.transition().duration(900).attr("r", 30 / map.k).style("opacity", 0).remove();
  }

  function showCluster(d, node) {
    map.markers.selectAll("circle.marker").classed("selected", false);
    d3.select(node).classed("selected", true);
    const body = $("detail-body");
    body.replaceChildren();
    const events = d.items.filter((p) => p.kind === "event");
    const places = d.items.filter((p) => p.kind === "place");
    body.append(el("h3", {}, d.n === 1 ? (events.length ? "Event" : "Place") : `${d.n} items here`));
    const ul = el("ul", {});
    for (const p of events.slice(0, 60)) {
      const e = p.rec;
      ul.append(el("li", { class: "detail-item", onclick: () => openArticle(e.doc_id, { kind: "event", idx: e.idx }) },
        el("span", { class: "type", style: `background:${colorOf(e.type)}` }, e.type || "?"),
        `${e.actor || "?"} → ${e.target || "?"}`, " ",
        el("span", { class: "meta" }, `«${clip(e.text, 40)}» ${e.place || ""} ${e.date || ""}`),
        el("div", { class: "meta" }, clip(state.docTitles.get(e.doc_id) || e.doc_id, 90))));
    }
    for (const p of places.slice(0, 60)) {
      const r = p.rec;
      ul.append(el("li", { class: "detail-item", onclick: () => openArticle(r.doc_id, { kind: "place", idx: r.idx }) },
        `${r.name || r.text} `, el("span", { class: "meta" }, `${r.country_code || ""} · ${clip(state.docTitles.get(r.doc_id) || r.doc_id, 60)}`)));
    }
    if (d.n > 120) ul.append(el("li", { class: "meta" }, `… and ${d.n - 120} more; zoom in (double-click)`));
    body.append(ul);
    $("detail").hidden = false;
  }

  // ---------- legend ----------
  /* The legend doubles as a type filter: click a type to show only its events, click again for all. */
  function drawLegend(events) {
    const present = new Set(events.map((e) => (e.type || "").toUpperCase()));
    if (state.type) present.add(state.type);
    const box = $("legend");
    box.replaceChildren();
    for (const [t, c] of Object.entries(TYPE_COLORS)) {
      if (!present.has(t)) continue;
      box.append(el("button", {
        type: "button", class: "legend-type" + (state.type === t ? " on" : ""), style: `--c:${c}`, "data-type": t,
        title: state.type === t ? "show every type" : `show only ${t} events`,
        onclick: () => { state.type = state.type === t ? null : t; refresh(); },
      }, t));
    }
    box.append(el("span", { style: "--c:#4a5568" }, "place"));
    box.append(el("span", { style: "--c:#c05621" }, "journey"));
  }

  // ---------- timeline ----------
  const tl = {};

  function drawTimeline(events) {
    const box = $("timeline");
    box.replaceChildren();
    const width = box.clientWidth || 800;
    const height = box.clientHeight || 110;
    const m = { l: 30, r: 14, t: 8, b: 22 };
    const days = events.map(eventDay).filter(Boolean);
    const svg = d3.select(box).append("svg").attr("viewBox", `0 0 ${width} ${height}`).attr("id", "tlsvg");
    const undated = events.length - days.length;
    if (undated && days.length) {
      svg.append("text").attr("class", "undated").attr("x", width - m.r).attr("y", m.t + 8).attr("text-anchor", "end")
        .text(`${undated} undated event${undated > 1 ? "s" : ""} (shown only without a time filter)`);
    }
    if (!days.length) {
      svg.append("text").attr("x", width / 2).attr("y", height / 2).attr("text-anchor", "middle").attr("class", "empty").text("no dated events");
      tl.x = null;
      return;
    }
    let [lo, hi] = d3.extent(days);
    lo = d3.utcDay.offset(lo, -3);
    hi = d3.utcDay.offset(hi, 4);
    const x = d3.scaleUtc().domain([lo, hi]).range([m.l, width - m.r]);
    const bins = d3.bin().value((d) => d).domain(x.domain()).thresholds(x.ticks(Math.min(120, Math.max(20, Math.floor(width / 10)))))(days);
    const y = d3.scaleLinear().domain([0, d3.max(bins, (b) => b.length) || 1]).nice().range([height - m.b, m.t]);
    svg.append("g").attr("class", "bars").selectAll("rect").data(bins).join("rect").attr("class", "bar")
      .attr("x", (b) => x(b.x0) + 0.5).attr("width", (b) => Math.max(1, x(b.x1) - x(b.x0) - 1))
      .attr("y", (b) => y(b.length)).attr("height", (b) => y(0) - y(b.length))
      .append("title").text((b) => `${isoDay(b.x0)} – ${isoDay(b.x1)}: ${b.length} events`);
    svg.append("g").attr("class", "axis").attr("transform", `translate(0,${height - m.b})`).call(d3.axisBottom(x).ticks(Math.floor(width / 90)));
    svg.append("g").attr("class", "axis").attr("transform", `translate(${m.l},0)`).call(d3.axisLeft(y).ticks(3));
    const brush = d3.brushX().extent([[m.l, m.t], [width - m.r, height - m.b]]).on("end", (ev) => {
      if (!ev.sourceEvent) return; // programmatic move
      if (!ev.selection) { state.from = state.to = null; }
      else {
        const [a, b] = ev.selection.map(x.invert);
        state.from = isoDay(a);
        state.to = isoDay(b);
      }
      shadeBars();
      refresh();
    });
    const bg = svg.append("g").attr("class", "brush").call(brush);
    Object.assign(tl, { x, brush, bg, svg });
    if (state.from && state.to) bg.call(brush.move, [x(parseDay(state.from)), x(parseDay(state.to))]);
    shadeBars();
  }

  function shadeBars() {
    if (!tl.svg) return;
    const a = parseDay(state.from), b = parseDay(state.to);
    tl.svg.selectAll("rect.bar").classed("out", (bin) => !!(a && b) && (bin.x1 <= a || bin.x0 > b));
  }

  // ---------- lists ----------
  function drawLists(data) {
    $("n-docs").textContent = `(${data.documents.length}${data.documentsTruncated ? "+" : ""})`;
    $("n-events").textContent = `(${data.events.length}${data.eventsTruncated ? "+" : ""})`;
    $("n-quotes").textContent = `(${data.quotes.length}${data.quotesTruncated ? "+" : ""})`;

    const docs = $("docs");
    docs.replaceChildren();
    for (const d of data.documents) {
      docs.append(el("li", { class: "doc", "data-id": d.id, onclick: () => openArticle(d.id) },
        el("div", {}, d.headline || d.id),
        el("div", { class: "meta" }, [d.published || "undated", d.source, `${d.n_events ?? 0} events`, `${d.n_quotes ?? 0} quotes`].filter(Boolean).join(" · "))));
    }
    if (!data.documents.length) docs.append(el("li", { class: "empty" }, "no articles in this selection"));

    const evs = $("events");
    evs.replaceChildren();
    for (const e of data.events.slice(0, 300)) {
      evs.append(el("li", { class: "event", onclick: () => openArticle(e.doc_id, { kind: "event", idx: e.idx }) },
        el("span", { class: "type", style: `background:${colorOf(e.type)}` }, e.type || "?"),
        `${e.actor || "?"} → ${e.target || "?"}`,
        el("div", { class: "meta" }, [`«${clip(e.text, 40)}»`, e.place, e.date, e.certainty].filter(Boolean).join(" · "))));
    }
    if (!data.events.length) evs.append(el("li", { class: "empty" }, "no events in this selection"));

    const qbox = $("quotes");
    qbox.replaceChildren();
    const bySpeaker = d3.groups(data.quotes, (q) => q.speaker || "(unattributed)").sort((a, b) => b[1].length - a[1].length || d3.ascending(a[0], b[0]));
    for (const [speaker, qs] of bySpeaker) {
      qbox.append(el("div", { class: "speaker" }, `${speaker} `, el("span", { class: "count" }, `(${qs.length})`)));
      for (const q of qs) {
        qbox.append(el("div", { class: "quote", onclick: () => openArticle(q.doc_id, { kind: "quote", idx: q.idx }) },
          clip(q.text, 260), " ", el("span", { class: "meta" }, q.kind || "")));
      }
    }
    if (!data.quotes.length) qbox.append(el("div", { class: "empty" }, "no quotes in this selection"));
  }

  function setStatus(msg) { $("status").textContent = msg; }

  // ---------- data ----------
  let generation = 0;

  async function refresh() {
    const mine = ++generation;
    document.body.dataset.loading = "1";
    try {
      const f = filters();
      const [ev, pl, qu, dc, jn] = await Promise.all([
        getJSON("/api/events", filters({ limit: LIMITS.events, type: state.type })),
        getJSON("/api/places", filters({ limit: LIMITS.places })),
        getJSON("/api/quotes", filters({ limit: LIMITS.quotes })),
        getJSON("/api/documents", filters({ limit: LIMITS.documents })),
        getJSON("/api/journeys", filters({ limit: LIMITS.journeys })),
      ]);
      if (mine !== generation) return; // a newer request superseded this one
      const data = {
        events: ev.rows, places: pl.rows, quotes: qu.rows, documents: dc.rows, journeys: jn.rows,
        eventsTruncated: ev.truncated, quotesTruncated: qu.truncated, documentsTruncated: dc.truncated,
      };
      for (const d of data.documents) state.docTitles.set(d.id, d.headline || d.id);
      state.data = data;
      state.points = mapPoints(data);
      if (map.svg) fitToPoints(state.points);
      drawMarkers();
      drawJourneys(data.journeys);
      drawLists(data);
      drawLegend(data.events);
      const range = f.date_from ? ` · ${f.date_from} to ${f.date_to}` : "";
      const q = f.q ? ` · “${f.q}”` : "";
      setStatus(`${data.events.length} events · ${data.places.length} places · ${data.quotes.length} quotes · ${data.documents.length} articles${range}${q}`);
      document.body.dataset.renders = String((+document.body.dataset.renders || 0) + 1);
    } catch (err) {
      setStatus("error: " + err.message);
    } finally {
      if (mine === generation) document.body.dataset.loading = "0";
    }
  }

  async function refreshTimeline() {
    // the timeline shows the whole (searched) store, so the brush can always widen again
    const all = await getJSON("/api/events", { q: state.q || null, limit: LIMITS.events });
    drawTimeline(all.rows);
  }

  // ---------- article ----------
  const PRIORITY = { event: 4, place: 3, time: 2, entity: 1 };

  /* Every highlightable span of a document: entities' mentions, places, times, quotes, event triggers. */
  function spansOf(doc) {
    const spans = [];
    const n = doc.text.length;
    const ok = (s) => Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.end <= n && s.start < s.end;
    (doc.entities || []).forEach((e, i) => (e.mentions || []).forEach((m) => ok(m) && spans.push({ kind: "entity", idx: i, start: m.start, end: m.end, sub: e.type })));
    (doc.places || []).forEach((p, i) => ok(p) && spans.push({ kind: "place", idx: i, start: p.start, end: p.end }));
    (doc.times || []).forEach((t, i) => ok(t) && spans.push({ kind: "time", idx: i, start: t.start, end: t.end }));
    (doc.quotes || []).forEach((q, i) => ok(q) && spans.push({ kind: "quote", idx: i, start: q.start, end: q.end }));
    (doc.events || []).forEach((e, i) => ok(e) && spans.push({ kind: "event", idx: i, start: e.start, end: e.end }));
    return spans;
  }

  /* Cut the text at every span edge; each piece is wrapped by its quote (outer) and by the most specific
   * inner span (event > place > time > entity, then the tightest). Built with DOM nodes only. */
  function renderText(doc, container) {
    const text = doc.text;
    const spans = spansOf(doc);
    const cuts = new Set([0, text.length]);
    for (const s of spans) { cuts.add(s.start); cuts.add(s.end); }
    const points = [...cuts].sort((a, b) => a - b);
    const frag = document.createDocumentFragment();
    const byStart = spans.slice().sort((a, b) => a.start - b.start);
    let active = [];
    let si = 0;
    for (let i = 0; i < points.length - 1; i++) {
      const a = points[i], b = points[i + 1];
      while (si < byStart.length && byStart[si].start <= a) active.push(byStart[si++]);
      active = active.filter((s) => s.end > a);
      const piece = text.slice(a, b);
      const quote = active.find((s) => s.kind === "quote");
      let inner = null;
      for (const s of active) {
        if (s.kind === "quote") continue;
        if (!inner || PRIORITY[s.kind] > PRIORITY[inner.kind] ||
            (PRIORITY[s.kind] === PRIORITY[inner.kind] && s.end - s.start < inner.end - inner.start)) inner = s;
      }
      let node = document.createTextNode(piece);
      if (inner) node = hlNode(doc, inner, node);
      if (quote) node = hlNode(doc, quote, node);
      frag.append(node);
    }
    container.replaceChildren(frag);
  }

  function hlNode(doc, span, child) {
    const a = document.createElement("a");
    a.className = `hl hl-${span.kind}`;
    a.setAttribute("href", `#doc/${encodeURIComponent(doc.id)}/${span.kind}/${span.idx}`);
    a.dataset.kind = span.kind;
    a.dataset.idx = String(span.idx);
    if (span.sub) a.dataset.type = span.sub;
    a.append(child);
    return a;
  }

  function recordOf(doc, kind, idx) {
    const list = { entity: doc.entities, place: doc.places, time: doc.times, quote: doc.quotes, event: doc.events }[kind];
    return list ? list[idx] : null;
  }

  const refName = (r) => (r ? r.name : null);

  function recordFields(kind, r) {
    switch (kind) {
      case "entity": return [["name", r.name], ["type", r.type], ["titles", (r.titles || []).join(", ")], ["nationality", r.nationality], ["gender", r.gender], ["mentions", (r.mentions || []).length], ["id", r.id]];
      case "place": return [["mention", r.text], ["name", r.name], ["country", r.country_code], ["lat, lon", r.lat !== null && r.lat !== undefined ? `${(+r.lat).toFixed(4)}, ${(+r.lon).toFixed(4)}` : null], ["feature", r.feature], ["role", r.role], ["confidence", r.confidence], ["why", r.reason], ["geonames", r.geonames_id]];
      case "time": return [["mention", r.text], ["value", r.value], ["type", r.type], ["granularity", r.granularity], ["anchor", r.anchor]];
      case "quote": return [["kind", r.kind], ["speaker", refName(r.speaker)], ["cue", r.cue && r.cue.text], ["addressee", refName(r.addressee)], ["date", r.date], ["confidence", r.confidence], ["text", clip(r.text, 400)]];
      case "event": return [["type", r.type], ["mode", r.mode], ["trigger", r.text], ["actor", refName(r.actor)], ["target", refName(r.target)], ["place", r.place && r.place.name], ["date", r.date], ["certainty", r.certainty], ["negated", r.negated], ["historical", r.historical], ["reported by", refName(r.reported_by)], ["confidence", r.confidence]];
      default: return [];
    }
  }

  const API_OF = { place: "places", quote: "quotes", event: "events" };

  function showRecord(doc, kind, idx) {
    const r = recordOf(doc, kind, idx);
    const box = $("record");
    if (!r) { box.hidden = true; return; }
    document.querySelectorAll("#article-text .hl.active").forEach((n) => n.classList.remove("active"));
    document.querySelectorAll(`#article-text .hl[data-kind="${kind}"][data-idx="${idx}"]`).forEach((n) => n.classList.add("active"));
    const dl = el("dl", {});
    for (const [k, v] of recordFields(kind, r)) {
      if (v === null || v === undefined || v === "" || v === false) continue;
      dl.append(el("dt", {}, k), el("dd", {}, String(v)));
    }
    box.replaceChildren(el("strong", { "data-record": kind }, `${kind} #${idx}`), " ");
    if (API_OF[kind]) {
      const href = `/api/${API_OF[kind]}?doc=${encodeURIComponent(doc.id)}&idx=${idx}`;
      box.append(el("a", { href, target: "_blank", rel: "noopener", class: "meta" }, "record in the API"));
    }
    box.append(dl);
    box.hidden = false;
    const ll = kind === "place" ? r : kind === "event" && r.place ? r.place : null;
    if (ll) flashAt(ll.lat, ll.lon);
  }

  async function openArticle(id, focus) {
    let doc;
    try {
      doc = await getJSON(`/api/documents/${encodeURIComponent(id)}`);
    } catch (err) {
      setStatus("error: " + err.message);
      return;
    }
    state.doc = doc;
    $("article-title").textContent = doc.headline ? doc.headline.text : "(no headline)";
    const meta = [doc.published || "undated", doc.source, doc.dateline && doc.dateline.text, doc.url].filter(Boolean).join(" · ");
    $("article-meta").textContent = meta; // the URL is shown, never made a link
    renderText(doc, $("article-text"));
    if (!focus) fitToDoc(doc);
    $("record").hidden = true;
    $("lists").hidden = true;
    $("article").hidden = false;
    $("side").scrollTop = 0;
    if (focus) {
      let kind = focus.kind, idx = focus.idx;
      if (kind === "stop") { // a journey stop points at a place mention by offsets
        const i = (doc.places || []).findIndex((p) => p.start === focus.start && p.end === focus.end);
        kind = "place"; idx = i;
      }
      if (idx !== undefined && idx >= 0) {
        showRecord(doc, kind, idx);
        const node = document.querySelector(`#article-text .hl[data-kind="${kind}"][data-idx="${idx}"]`);
        if (node) node.scrollIntoView({ block: "center" });
      }
    }
    document.body.dataset.article = doc.id;
  }

  function closeArticle() {
    if (location.hash) history.replaceState(null, "", location.pathname + location.search);
    $("article").hidden = true;
    $("lists").hidden = false;
    delete document.body.dataset.article;
  }

  // ---------- wiring ----------
  function wire() {
    $("article-text").addEventListener("click", (ev) => {
      const a = ev.target.closest(".hl");
      if (!a || !state.doc) return;
      ev.preventDefault();
      // the innermost highlight under the pointer is the record shown; the URL becomes its link
      history.replaceState(null, "", a.getAttribute("href"));
      showRecord(state.doc, a.dataset.kind, +a.dataset.idx);
    });
    document.querySelectorAll("[data-close]").forEach((b) => b.addEventListener("click", () => {
      if (b.dataset.close === "article") closeArticle();
      else $(b.dataset.close).hidden = true;
    }));
    $("search").addEventListener("submit", (ev) => {
      ev.preventDefault();
      state.q = $("q").value.trim().slice(0, 200);
      refreshTimeline().catch((e) => setStatus("error: " + e.message));
      refresh();
    });
    $("reset").addEventListener("click", () => {
      $("q").value = "";
      state.q = "";
      state.type = null;
      state.from = state.to = null;
      if (tl.bg) tl.bg.call(tl.brush.move, null);
      refreshTimeline().catch((e) => setStatus("error: " + e.message));
      refresh();
    });
  }

  /* #doc/<id>[/<kind>/<idx>]: a link to an article, or to one record in it. */
  function openFromHash() {
    const m = /^#doc\/([^/]+)(?:\/(entity|place|time|quote|event)\/(\d+))?$/.exec(location.hash);
    if (!m) return;
    const id = decodeURIComponent(m[1]);
    if (state.doc && state.doc.id === id && m[2]) showRecord(state.doc, m[2], +m[3]);
    else openArticle(id, m[2] ? { kind: m[2], idx: +m[3] } : undefined);
  }

  async function main() {
    wire();
    window.addEventListener("hashchange", openFromHash);
    try { // the server may cap pages lower than the page would like
      const health = await getJSON("/api/health");
      for (const k of Object.keys(LIMITS)) LIMITS[k] = Math.min(LIMITS[k], health.max_rows || LIMITS[k]);
    } catch (_) { /* keep the defaults */ }
    setStatus("loading map…");
    try {
      const world = await getJSON("/static/vendor/countries-10m.json");
      initMap(world);
    } catch (err) {
      setStatus("error: could not load the map: " + err.message);
    }
    await Promise.all([refreshTimeline().catch((e) => setStatus("error: " + e.message)), refresh()]);
    openFromHash();
    document.body.dataset.ready = "1";
  }

  main();
})();
