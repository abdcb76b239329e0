"""The style sheet and script of the HTML review report, inlined into every report (the file
must open on a reviewer's machine with no network and no other files)."""

CSS = """
:root { --block: #c62828; --block-bg: #ffcdd2; --warn: #b26a00; --warn-bg: #ffe0a3; --info: #1565c0;
  --info-bg: #cfe3fb; --muted: #666; --line: #ddd; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.6 "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC",
  sans-serif; color: #222; background: #f6f6f4; }
header { padding: 16px 24px; background: #fff; border-bottom: 1px solid var(--line); position: sticky; top: 0; z-index: 2; }
h1 { font-size: 20px; margin: 0 0 6px; }
h2 { font-size: 17px; margin: 0 0 4px; word-break: break-all; }
.notice { margin: 0 0 8px; color: var(--block); font-size: 13px; }
.verdict { display: inline-block; margin-right: 12px; padding: 2px 10px; border-radius: 4px; font-weight: bold; color: #fff; }
.verdict.fail { background: var(--block); } .verdict.warn { background: var(--warn); }
.verdict.ok { background: #2e7d32; } .verdict.incomplete { background: #6a1b9a; }
.counts span { margin-right: 14px; } .meta { color: var(--muted); font-size: 13px; }
#filters { margin-top: 8px; font-size: 14px; } #filters fieldset { display: inline-block; border: 1px solid var(--line);
  border-radius: 4px; margin: 0 10px 0 0; padding: 2px 10px; } #filters legend { font-size: 12px; color: var(--muted); }
#filters label { margin-right: 10px; white-space: nowrap; cursor: pointer; }
main { padding: 16px 24px; }
section.doc, mark.hl { scroll-margin-top: 230px; }
section.doc { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 14px 16px; margin-bottom: 18px; }
.doc-body { display: grid; grid-template-columns: minmax(0, 3fr) minmax(260px, 2fr); gap: 16px; margin-top: 10px; }
pre.text { margin: 0; white-space: pre-wrap; word-break: break-word; font: inherit; line-height: 1.8; max-height: 80vh;
  overflow: auto; padding: 10px; border: 1px solid var(--line); border-radius: 4px; background: #fcfcfb; }
mark.hl { border-radius: 2px; padding: 1px 0; cursor: pointer; color: inherit; }
mark.hl[data-show="block"] { background: var(--block-bg); box-shadow: inset 0 -2px var(--block); }
mark.hl[data-show="warn"] { background: var(--warn-bg); box-shadow: inset 0 -2px var(--warn); }
mark.hl[data-show="info"] { background: var(--info-bg); box-shadow: inset 0 -2px var(--info); }
mark.hl[data-show="suppressed"] { background: transparent; border-bottom: 2px dashed #999; }
mark.hl[data-show=""] { background: transparent; box-shadow: none; cursor: default; }
mark.hl.masked { letter-spacing: 0.05em; }
.flash { outline: 3px solid #333; outline-offset: 1px; }
aside ol { list-style: none; margin: 0; padding: 0; max-height: 80vh; overflow: auto; }
li.finding { border-left: 4px solid var(--line); padding: 6px 10px; margin-bottom: 8px; background: #fafafa; cursor: pointer; }
li.finding.sev-block { border-color: var(--block); } li.finding.sev-warn { border-color: var(--warn); }
li.finding.sev-info { border-color: var(--info); } li.finding.suppressed { opacity: 0.7; border-left-style: dashed; }
li.finding[hidden] { display: none; }
.badge { display: inline-block; font-size: 12px; padding: 0 6px; border-radius: 3px; color: #fff; margin-right: 6px; }
.badge.sev-block { background: var(--block); } .badge.sev-warn { background: var(--warn); }
.badge.sev-info { background: var(--info); } .badge.suppressed { background: #888; }
.where { font-family: monospace; color: var(--muted); margin-right: 6px; } .rule { font-family: monospace; font-size: 13px; }
.title { font-weight: bold; } dl { margin: 4px 0 0; font-size: 13px; } dt { float: left; clear: left; color: var(--muted); }
dd { margin: 0 0 2px 3.5em; word-break: break-word; } .errors { color: #6a1b9a; } .none { color: #2e7d32; }
@media (max-width: 900px) { .doc-body { grid-template-columns: 1fr; } header { position: static; } }
#filters .keys { color: var(--muted); font-size: 12px; margin-left: 10px; }
.checker-name { font-size: 13px; margin-right: 6px; font-weight: bold; }
#index, #review-stats { margin: 12px 24px 0; background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 8px 12px; }
#index summary, #review-stats summary { cursor: pointer; font-weight: bold; }
.index-wrap { max-height: 40vh; overflow: auto; }
#index table, #review-stats table { border-collapse: collapse; font-size: 13px; margin-top: 6px; }
#index th, #index td, #review-stats th, #review-stats td { border-bottom: 1px solid var(--line); padding: 2px 8px; text-align: left; }
td.n { text-align: right; font-variant-numeric: tabular-nums; } td.sev-block { color: var(--block); font-weight: bold; }
td.sev-warn { color: var(--warn); } td.sev-info { color: var(--info); } #index tr[hidden] { display: none; }
#review-stats .stats { display: flex; gap: 24px; flex-wrap: wrap; } caption { text-align: left; color: var(--muted); }
nav.pager { margin: 8px 24px 0; font-size: 14px; } nav.pager button { margin: 0 6px; }
section.doc[hidden] { display: none; }
"""

JS = """
(function () {
  "use strict";
  var RANK = {block: 3, warn: 2, info: 1};
  var main = document.getElementById("docs");
  var pageSize = Number(main.getAttribute("data-page-size")) || 20;
  var index = JSON.parse(document.getElementById("doc-index").textContent);
  var rows = {};
  document.querySelectorAll("#index tr[data-doc]").forEach(function (tr) { rows[tr.getAttribute("data-doc")] = tr; });
  var cache = {};
  document.querySelectorAll("#docs section.doc").forEach(function (s) { cache[s.getAttribute("data-doc")] = s.outerHTML; });
  function source(i) {
    if (!(i in cache)) { cache[i] = JSON.parse(document.getElementById("doc-src-" + i).textContent); }
    return cache[i];
  }
  var state = {page: 0, list: [], blocks: [], at: -1};
  var items = {}, marks = [];
  function flash(el) { el.classList.add("flash"); setTimeout(function () { el.classList.remove("flash"); }, 1200); }
  function jump(markId, li) {
    if (markId) { var m = document.getElementById(markId); if (m) { m.scrollIntoView({block: "center"}); flash(m); } }
    if (li) { li.scrollIntoView({block: "nearest"}); flash(li); }
  }
  function checked(name) {
    var out = {};
    document.querySelectorAll("input[name=" + name + "]").forEach(function (c) { out[c.value] = c.checked; });
    return out;
  }
  function filters() {
    return {sev: checked("sev"), chk: checked("checker"), onlyBlock: document.getElementById("only-block").checked,
            showClean: document.getElementById("show-clean").checked};
  }
  function findingVisible(f, flt) {
    var s = f[3] ? "suppressed" : f[1];
    return flt.sev[s] !== false && flt.chk[f[2]] !== false;
  }
  function blocking(f) { return !f[3] && f[1] === "block"; }
  function docVisible(d, flt) {
    if (flt.onlyBlock && !d.f.some(blocking)) { return false; }
    if (d.e) { return true; }
    if (!d.f.length) { return flt.showClean; }
    return d.f.some(function (f) { return findingVisible(f, flt); });
  }
  function compute() {
    var flt = filters(), shown = 0;
    state.list = []; state.blocks = [];
    index.forEach(function (d, i) {
      var ok = docVisible(d, flt);
      if (rows[i]) { rows[i].hidden = !ok; }
      if (!ok) { return; }
      state.list.push(i);
      d.f.forEach(function (f) {
        if (findingVisible(f, flt)) { shown++; }
        if (blocking(f) && flt.sev.block !== false && flt.chk[f[2]] !== false) { state.blocks.push([i, f[0]]); }
      });
    });
    document.getElementById("shown").textContent = String(shown);
    document.getElementById("shown-docs").textContent = String(state.list.length);
    return flt;
  }
  function wire() {
    items = {};
    main.querySelectorAll("li.finding").forEach(function (li) {
      items[li.id] = li;
      li.addEventListener("click", function () { jump(li.getAttribute("data-first-mark"), null); flash(li); });
    });
    marks = main.querySelectorAll("mark.hl");
    marks.forEach(function (m) {
      m.addEventListener("click", function () {
        var ids = m.getAttribute("data-ids").split(" ");
        for (var i = 0; i < ids.length; i++) {
          var li = items[ids[i]];
          if (li && !li.hidden) { li.scrollIntoView({block: "nearest"}); flash(li); return; }
        }
      });
    });
  }
  function applyFindings(flt) {
    Object.keys(items).forEach(function (id) {
      var li = items[id];
      var s = li.getAttribute("data-suppressed") === "1" ? "suppressed" : li.getAttribute("data-sev");
      li.hidden = !(flt.sev[s] !== false && flt.chk[li.getAttribute("data-checker")] !== false);
    });
    marks.forEach(function (m) {
      var best = "", rank = 0;
      m.getAttribute("data-ids").split(" ").forEach(function (id) {
        var li = items[id];
        if (!li || li.hidden) { return; }
        var r = li.getAttribute("data-suppressed") === "1" ? 0.5 : RANK[li.getAttribute("data-sev")];
        if (r > rank) { rank = r; best = r === 0.5 ? "suppressed" : li.getAttribute("data-sev"); }
      });
      m.setAttribute("data-show", best);
    });
  }
  function pages() { return Math.max(1, Math.ceil(state.list.length / pageSize)); }
  function pager() {
    ["pager", "pager-top"].forEach(function (id) {
      var nav = document.getElementById(id);
      nav.textContent = "";
      var prev = document.createElement("button"), next = document.createElement("button");
      prev.type = next.type = "button"; prev.textContent = "上一页"; next.textContent = "下一页";
      prev.disabled = state.page === 0; next.disabled = state.page >= pages() - 1;
      prev.addEventListener("click", function () { render(state.page - 1); window.scrollTo(0, 0); });
      next.addEventListener("click", function () { render(state.page + 1); window.scrollTo(0, 0); });
      var label = document.createElement("span");
      label.className = "page-label";
      label.textContent = "第 " + (state.page + 1) + " / " + pages() + " 页（每页 " + pageSize + " 个文件）";
      nav.appendChild(prev); nav.appendChild(label); nav.appendChild(next);
    });
  }
  function render(page) {
    state.page = Math.max(0, Math.min(page, pages() - 1));
    var ids = state.list.slice(state.page * pageSize, (state.page + 1) * pageSize);
    main.innerHTML = ids.length ? ids.map(source).join("") : '<p class="none">没有符合筛选条件的文件</p>';
    wire(); applyFindings(filters()); pager();
  }
  function showDoc(i) {
    var pos = state.list.indexOf(i);
    if (pos < 0) { return null; }
    var page = Math.floor(pos / pageSize);
    if (page !== state.page || !document.getElementById("doc-" + i)) { render(page); }
    return document.getElementById("doc-" + i);
  }
  function update() { var flt = compute(); render(0); state.at = -1; return flt; }
  document.querySelectorAll("#filters input").forEach(function (c) { c.addEventListener("change", update); });
  document.querySelectorAll("#index a[data-doc]").forEach(function (a) {
    a.addEventListener("click", function (e) {
      e.preventDefault();
      var sec = showDoc(Number(a.getAttribute("data-doc")));
      if (sec) { sec.scrollIntoView({block: "start"}); flash(sec); }
    });
  });
  function step(delta) {
    if (!state.blocks.length) { return; }
    state.at = (state.at + delta + state.blocks.length) % state.blocks.length;
    var target = state.blocks[state.at];
    showDoc(target[0]);
    var li = document.getElementById(target[1]);
    if (li) { jump(li.getAttribute("data-first-mark"), li); }
  }
  document.addEventListener("keydown", function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey || (e.target && /^(INPUT|TEXTAREA|SELECT)$/.test(e.target.tagName) &&
        e.target.type !== "checkbox")) { return; }
    if (e.key === "n" || e.key === "N" || e.key === "j") { e.preventDefault(); step(1); }
    else if (e.key === "p" || e.key === "P" || e.key === "k") { e.preventDefault(); step(-1); }
  });
  var flt = compute();
  wire(); applyFindings(flt); pager();
  window.gkrules = {step: step, showDoc: showDoc, state: state};
})();
"""
