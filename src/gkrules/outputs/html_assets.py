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
"""

JS = """
(function () {
  "use strict";
  var RANK = {block: 3, warn: 2, info: 1};
  var items = {};
  document.querySelectorAll("li.finding").forEach(function (li) {
    items[li.id] = li;
    li.addEventListener("click", function () { jump(li.getAttribute("data-first-mark"), li); });
  });
  var marks = document.querySelectorAll("mark.hl");
  marks.forEach(function (m) {
    m.addEventListener("click", function () {
      var ids = m.getAttribute("data-ids").split(" ");
      for (var i = 0; i < ids.length; i++) {
        var li = items[ids[i]];
        if (li && !li.hidden) { li.scrollIntoView({block: "nearest"}); flash(li); return; }
      }
    });
  });
  function flash(el) { el.classList.add("flash"); setTimeout(function () { el.classList.remove("flash"); }, 1200); }
  function jump(markId, li) {
    if (markId) { var m = document.getElementById(markId); if (m) { m.scrollIntoView({block: "center"}); flash(m); } }
    flash(li);
  }
  function checked(name) {
    var out = {};
    document.querySelectorAll("input[name=" + name + "]").forEach(function (c) { out[c.value] = c.checked; });
    return out;
  }
  function visible(li, sev, chk) {
    var s = li.getAttribute("data-suppressed") === "1" ? "suppressed" : li.getAttribute("data-sev");
    return sev[s] !== false && chk[li.getAttribute("data-checker")] !== false;
  }
  function apply() {
    var sev = checked("sev"), chk = checked("checker"), shown = 0;
    Object.keys(items).forEach(function (id) {
      var li = items[id]; li.hidden = !visible(li, sev, chk); if (!li.hidden) { shown++; }
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
    var counter = document.getElementById("shown");
    if (counter) { counter.textContent = String(shown); }
  }
  document.querySelectorAll("#filters input").forEach(function (c) { c.addEventListener("change", apply); });
  apply();
})();
"""
