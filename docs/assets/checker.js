/* The criteria checker: a self-assessment that lives in the reader's own browser.
 *
 * Nothing is sent anywhere: answers are kept in localStorage, exported as a JSON file the user saves,
 * and imported from files the user picks. The scoring rules are the same as mentorkb/checker/scoring.py;
 * the shared vectors in tests/vectors/checker/ are run against both.
 */
(function () {
  "use strict";

  var FORMAT = "mentorkb-assessment";
  var VERSION = 1;
  var ANSWERS = ["met", "partly", "not-yet", "na"];
  var VALUE = { "met": 1, "partly": 0.5, "not-yet": 0 };
  var ROLES = ["coordinator", "staff", "board", "mentor", "mentee", "partner"];
  var MAX_PRIORITIES = 3;
  var MAX_BYTES = 1000000;
  var STORAGE_KEY = "mentorkb-checker-v1";

  /* ---- scoring: pure functions, mirrored in Python ------------------------------------------ */

  function ImportProblem(message) { this.message = message; }

  function readAssessment(text, criteria) {
    if (text.length > MAX_BYTES) throw new ImportProblem({ key: "tooLarge", size: text.length, max: MAX_BYTES });
    var data;
    try { data = JSON.parse(text); } catch (e) { throw new ImportProblem({ key: "notJson" }); }
    if (!data || typeof data !== "object" || Array.isArray(data) || data.format !== FORMAT) {
      throw new ImportProblem({ key: "notAssessment" });
    }
    if (typeof data.version !== "number" || Math.floor(data.version) !== data.version || data.version > VERSION) {
      throw new ImportProblem({ key: "newerVersion", version: String(data.version) });
    }
    if (!data.answers || typeof data.answers !== "object" || Array.isArray(data.answers)) {
      throw new ImportProblem({ key: "noAnswers" });
    }
    var known = {};
    criteria.forEach(function (c) { known[c.id] = c; });
    var notes = [], clean = {};
    Object.keys(data.answers).forEach(function (cid) {
      var entry = data.answers[cid];
      var target = cid, guard = 0;
      while (known[target] && known[target].status === "deprecated" && known[target].replaced_by && guard++ < 50) {
        target = known[target].replaced_by;
      }
      if (!known[target]) { notes.push({ key: "gone", id: cid }); return; }
      // An empty answer keeps the notes of a criterion not answered yet.
      if (!entry || typeof entry !== "object" || (entry.answer !== "" && ANSWERS.indexOf(entry.answer) === -1)) {
        notes.push({ key: "badAnswer", id: cid }); return;
      }
      if (target !== cid) notes.push({ key: "moved", id: cid, to: target });
      clean[target] = { answer: entry.answer, reason: str(entry.reason), note: str(entry.note), evidence: str(entry.evidence) };
    });
    var priorities = (Array.isArray(data.priorities) ? data.priorities : []).filter(function (p) {
      return typeof p === "string" && known[p] && known[p].status !== "deprecated";
    }).slice(0, MAX_PRIORITIES);
    var respondent = data.respondent && typeof data.respondent === "object" ? data.respondent : {};
    return {
      assessment: {
        format: FORMAT, version: VERSION, content_version: str(data.content_version), lang: str(data.lang),
        programme: str(data.programme),
        respondent: { name: str(respondent.name), role: ROLES.indexOf(respondent.role) === -1 ? "" : respondent.role },
        answers: clean, priorities: priorities
      },
      notes: notes
    };
  }

  function str(value) { return value === undefined || value === null ? "" : String(value); }

  function active(criteria) { return criteria.filter(function (c) { return c.status !== "deprecated"; }); }

  function answerOf(assessment, id) {
    var entry = assessment.answers[id];
    return entry && entry.answer ? entry.answer : undefined;
  }

  function score(assessment, criteria) {
    var list = active(criteria);
    var out = { stages: [], plan: [], priorities: (assessment.priorities || []).slice() };
    ["minimal", "enhancement"].forEach(function (level) {
      var counts = { total: 0, met: 0, partly: 0, not_yet: 0, na: 0, unanswered: 0 };
      list.forEach(function (c) {
        if (c.level !== level) return;
        counts.total += 1;
        var answer = answerOf(assessment, c.id) || "unanswered";
        counts[answer.replace("-", "_")] += 1;
      });
      out[level] = counts;
    });
    var stageOrder = [];
    list.forEach(function (c) { if (stageOrder.indexOf(c.stage) === -1) stageOrder.push(c.stage); });
    stageOrder.forEach(function (stage) {
      var mine = list.filter(function (c) { return c.stage === stage; });
      var values = [];
      mine.forEach(function (c) {
        var answer = answerOf(assessment, c.id);
        if (answer && answer !== "na") values.push(VALUE[answer]);
      });
      var sum = values.reduce(function (a, b) { return a + b; }, 0);
      out.stages.push({ stage: stage, criteria: mine.length, answered: values.length,
        percent: values.length ? Math.floor(100 * sum / values.length + 0.5) : null });
    });
    var plan = list.filter(function (c) {
      var answer = answerOf(assessment, c.id);
      return answer === "partly" || answer === "not-yet";
    }).map(function (c, index) { return { c: c, index: list.indexOf(c) }; });
    plan.sort(function (a, b) {
      var ka = [a.c.level !== "minimal" ? 1 : 0, out.priorities.indexOf(a.c.id) === -1 ? 1 : 0, a.index];
      var kb = [b.c.level !== "minimal" ? 1 : 0, out.priorities.indexOf(b.c.id) === -1 ? 1 : 0, b.index];
      for (var i = 0; i < 3; i++) { if (ka[i] !== kb[i]) return ka[i] - kb[i]; }
      return 0;
    });
    out.plan = plan.map(function (p) { return p.c.id; });
    return out;
  }

  function compareTeam(assessments, criteria) {
    var rows = active(criteria).map(function (c, index) {
      var given = [];
      assessments.forEach(function (a) {
        if (answerOf(a, c.id)) given.push({ name: a.respondent.name, role: a.respondent.role, answer: a.answers[c.id].answer });
      });
      var values = given.filter(function (g) { return g.answer !== "na"; }).map(function (g) { return VALUE[g.answer]; });
      var hasNa = given.some(function (g) { return g.answer === "na"; });
      var spread = values.length ? Math.max.apply(null, values) - Math.min.apply(null, values) : 0;
      if (hasNa && values.length) spread = 1;
      var byRole = {};
      given.forEach(function (g) { (byRole[g.role || ""] = byRole[g.role || ""] || []).push(g.answer); });
      return { id: c.id, answers: given.map(function (g) { return g.answer; }), spread: spread, by_role: byRole, _order: index };
    });
    rows.sort(function (a, b) { return b.spread - a.spread || a._order - b._order; });
    rows.forEach(function (r) { delete r._order; });
    return rows;
  }

  function compareProgress(earlier, current, criteria) {
    var out = { improved: [], slipped: [], same: [], "new": [] };
    active(criteria).forEach(function (c) {
      var before = answerOf(earlier, c.id), now = answerOf(current, c.id);
      if (now === undefined) return;
      if (before === undefined || (before === "na" && now !== "na")) out["new"].push(c.id);
      else if (before in VALUE && now in VALUE && VALUE[now] !== VALUE[before]) {
        out[VALUE[now] > VALUE[before] ? "improved" : "slipped"].push(c.id);
      } else out.same.push(c.id);
    });
    return out;
  }

  window.mentorkbChecker = { score: score, readAssessment: readAssessment, compareTeam: compareTeam,
    compareProgress: compareProgress, ImportProblem: ImportProblem, STORAGE_KEY: STORAGE_KEY };

  /* ---- the page ---------------------------------------------------------------------------- */

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") node.textContent = attrs[k];
      else node.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (child) {
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  function format(template, values) {
    return template.replace(/\{(\w+)\}/g, function (m, key) { return key in values ? String(values[key]) : m; });
  }

  function emptyState(data) {
    return { format: FORMAT, version: VERSION, content_version: data.contentVersion, lang: data.lang,
      programme: "", respondent: { name: "", role: "" }, answers: {}, priorities: [] };
  }

  function loadState(data) {
    try {
      var text = window.localStorage.getItem(STORAGE_KEY);
      if (text) return readAssessment(text, data.criteria).assessment;
    } catch (e) { /* unreadable storage: start empty rather than fail */ }
    return emptyState(data);
  }

  function setup(root) {
    if (root.dataset.ready) return;
    root.dataset.ready = "1";
    var data = JSON.parse(document.getElementById("kb-checker-data").textContent);
    var t = data.t;
    var byId = {};
    data.criteria.forEach(function (c) { byId[c.id] = c; });
    var state = loadState(data);
    var form = document.getElementById("kb-checker");
    var saved = document.getElementById("kb-saved");
    var message = document.getElementById("kb-message");
    var teamFiles = [];

    function noteText(note) {
      return format(t["note_" + note.key], note);
    }

    function problemText(problem) {
      return format(t["problem_" + problem.message.key], problem.message);
    }

    function save() {
      state.lang = data.lang;
      state.content_version = data.contentVersion;
      state.updated = new Date().toISOString();
      try {
        window.localStorage.setItem(STORAGE_KEY, JSON.stringify(state));
        saved.textContent = format(t.saved, { time: new Date().toLocaleTimeString(data.lang, { hour: "2-digit", minute: "2-digit" }) });
      } catch (e) {
        saved.textContent = t.notSaved;
      }
    }

    function fill() {
      form.querySelectorAll("fieldset.kb-check").forEach(function (set) {
        var id = set.dataset.id;
        var entry = state.answers[id] || {};
        set.querySelectorAll("input[type=radio]").forEach(function (r) { r.checked = r.value === entry.answer; });
        ["reason", "note", "evidence"].forEach(function (key) {
          var input = set.querySelector("[data-key=" + key + "]");
          if (input) input.value = entry[key] || "";
        });
        set.querySelector(".kb-na-reason").hidden = entry.answer !== "na";
        var priority = set.querySelector("input[data-key=priority]");
        priority.checked = state.priorities.indexOf(id) !== -1;
      });
      document.getElementById("kb-name").value = state.respondent.name;
      document.getElementById("kb-role").value = state.respondent.role;
      document.getElementById("kb-programme").value = state.programme;
      limitPriorities();
      show();
    }

    function limitPriorities() {
      var full = state.priorities.length >= MAX_PRIORITIES;
      form.querySelectorAll("input[data-key=priority]").forEach(function (box) {
        box.disabled = full && !box.checked;
      });
      document.getElementById("kb-priority-count").textContent =
        format(t.prioritiesChosen, { count: state.priorities.length, max: MAX_PRIORITIES });
    }

    function onChange(event) {
      var target = event.target;
      if (target.id === "kb-name") { state.respondent.name = target.value; save(); return; }
      if (target.id === "kb-role") { state.respondent.role = target.value; save(); return; }
      if (target.id === "kb-programme") { state.programme = target.value; save(); return; }
      var set = target.closest("fieldset.kb-check");
      if (!set) return;
      var id = set.dataset.id;
      var entry = state.answers[id] || { answer: "", reason: "", note: "", evidence: "" };
      var key = target.dataset.key;
      if (target.type === "radio") {
        entry.answer = target.value;
        set.querySelector(".kb-na-reason").hidden = target.value !== "na";
      } else if (key === "priority") {
        var at = state.priorities.indexOf(id);
        if (target.checked && at === -1 && state.priorities.length < MAX_PRIORITIES) state.priorities.push(id);
        if (!target.checked && at !== -1) state.priorities.splice(at, 1);
        limitPriorities();
      } else if (key) {
        entry[key] = target.value;
      }
      state.answers[id] = entry;
      save();
      show();
    }

    function criterionLink(id) {
      var c = byId[id];
      return el("a", { href: "#" + id.toLowerCase(), text: id + " " + c.title });
    }

    function show() {
      var result = score(state, data.criteria);
      var out = document.getElementById("kb-results");
      out.textContent = "";
      var m = result.minimal, e = result.enhancement;
      // Only this one line is announced to screen readers; the chart and table below follow it.
      var line = document.getElementById("kb-score-line");
      line.textContent = "";
      line.appendChild(el("strong", { text: format(t.minimalMet, { met: m.met, total: m.total }) }));
      line.appendChild(document.createTextNode(" " + format(t.breakdown,
        { partly: m.partly, not_yet: m.not_yet, na: m.na, unanswered: m.unanswered })));
      if (e.total) {
        out.appendChild(el("p", {}, [format(t.enhancementsMet, { met: e.met, total: e.total })]));
      }
      out.appendChild(chart(result));
      var plan = document.getElementById("kb-plan");
      plan.textContent = "";
      if (!result.plan.length) {
        plan.appendChild(el("p", { text: t.planEmpty }));
      } else {
        var list = el("ol", { "class": "kb-plan-list" });
        result.plan.forEach(function (id) {
          var c = byId[id];
          var item = el("li", { "data-id": id }, [
            criterionLink(id),
            " (" + data.levels[c.level] + (result.priorities.indexOf(id) !== -1 ? ", " + t.priority : "") + ", " +
              data.answerLabels[state.answers[id].answer] + ")"
          ]);
          var help = document.querySelector("fieldset.kb-check[data-id='" + id + "'] .kb-check-help");
          if (help) {
            var copy = help.cloneNode(true);
            copy.removeAttribute("id");
            item.appendChild(copy);
          }
          if (state.answers[id].note) item.appendChild(el("p", { "class": "kb-plan-note", text: t.note + ": " + state.answers[id].note }));
          list.appendChild(item);
        });
        plan.appendChild(list);
      }
    }

    function chart(result) {
      // An SVG bar per stage, with the same numbers in a table as its text equivalent.
      var figure = el("figure", { "class": "kb-chart" });
      var rows = result.stages;
      var width = 480, bar = 22, gap = 10, labelWidth = 0;
      var svgNS = "http://www.w3.org/2000/svg";
      var svg = document.createElementNS(svgNS, "svg");
      svg.setAttribute("viewBox", "0 0 " + width + " " + (rows.length * (bar + gap)));
      svg.setAttribute("role", "img");
      svg.setAttribute("aria-labelledby", "kb-chart-caption");
      rows.forEach(function (row, i) {
        var y = i * (bar + gap);
        var back = document.createElementNS(svgNS, "rect");
        back.setAttribute("x", labelWidth); back.setAttribute("y", y); back.setAttribute("width", width - labelWidth);
        back.setAttribute("height", bar); back.setAttribute("class", "kb-bar-back");
        svg.appendChild(back);
        var front = document.createElementNS(svgNS, "rect");
        front.setAttribute("x", labelWidth); front.setAttribute("y", y);
        front.setAttribute("width", ((width - labelWidth) * (row.percent || 0)) / 100);
        front.setAttribute("height", bar); front.setAttribute("class", "kb-bar");
        svg.appendChild(front);
        var text = document.createElementNS(svgNS, "text");
        text.setAttribute("x", labelWidth + 6); text.setAttribute("y", y + bar / 2 + 5);
        text.textContent = data.stages[row.stage] + ": " + (row.percent === null ? t.noAnswer : row.percent + "%");
        svg.appendChild(text);
      });
      figure.appendChild(svg);
      var table = el("table", { "class": "kb-chart-table" }, [
        el("caption", { id: "kb-chart-caption", text: t.chartCaption }),
        el("thead", {}, [el("tr", {}, [el("th", { scope: "col", text: t.stage }), el("th", { scope: "col", text: t.scoreCol }),
          el("th", { scope: "col", text: t.answeredCol })])])
      ]);
      var body = el("tbody");
      rows.forEach(function (row) {
        body.appendChild(el("tr", {}, [el("th", { scope: "row", text: data.stages[row.stage] }),
          el("td", { text: row.percent === null ? t.noAnswer : row.percent + "%" }),
          el("td", { text: format(t.answeredOf, { answered: row.answered, total: row.criteria }) })]));
      });
      table.appendChild(body);
      figure.appendChild(table);
      return figure;
    }

    function tell(text, isError) {
      message.textContent = "";
      message.className = "kb-message" + (isError ? " kb-message-error" : "");
      message.appendChild(el("p", { text: text }));
      return message;
    }

    function readFile(file, done) {
      if (file.size > MAX_BYTES) {
        done(null, new ImportProblem({ key: "tooLarge", size: file.size, max: MAX_BYTES }));
        return;
      }
      var reader = new FileReader();
      reader.onload = function () {
        try { done(readAssessment(String(reader.result), data.criteria), null); }
        catch (problem) { done(null, problem instanceof ImportProblem ? problem : new ImportProblem({ key: "notJson" })); }
      };
      reader.onerror = function () { done(null, new ImportProblem({ key: "notJson" })); };
      reader.readAsText(file);
    }

    function exportFile() {
      save();
      var blob = new Blob([JSON.stringify(state, null, 1)], { type: "application/json" });
      var link = el("a", { href: URL.createObjectURL(blob), download: "self-assessment-" + new Date().toISOString().slice(0, 10) + ".json" });
      document.body.appendChild(link);
      link.click();
      setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 0);
    }

    function importFile(event) {
      var file = event.target.files[0];
      event.target.value = "";
      if (!file) return;
      readFile(file, function (found, problem) {
        if (problem) { tell(format(t.importFailed, { name: file.name }) + " " + problemText(problem), true); return; }
        if (Object.keys(state.answers).length && !window.confirm(t.confirmReplace)) return;
        state = found.assessment;
        save();
        fill();
        var box = tell(format(t.imported, { name: file.name, count: Object.keys(state.answers).length }), false);
        if (found.notes.length) {
          var list = el("ul");
          found.notes.forEach(function (n) { list.appendChild(el("li", { text: noteText(n) })); });
          box.appendChild(list);
        }
      });
    }

    function startOver() {
      if (!window.confirm(t.confirmStartOver)) return;
      state = emptyState(data);
      try { window.localStorage.removeItem(STORAGE_KEY); } catch (e) { /* nothing stored */ }
      fill();
      tell(t.startedOver, false);
    }

    function teamImport(event) {
      var files = Array.prototype.slice.call(event.target.files);
      event.target.value = "";
      var pending = files.length, problems = [], first = teamFiles.length;
      files.forEach(function (file, index) {
        readFile(file, function (found, problem) {
          if (problem) problems.push(format(t.importFailed, { name: file.name }) + " " + problemText(problem));
          else teamFiles.push({ file: file.name, assessment: found.assessment, order: first + index });
          pending -= 1;
          // Files are read in parallel and finish in any order; columns follow the order the user chose.
          if (!pending) {
            teamFiles.sort(function (a, b) { return a.order - b.order; });
            showTeam(problems);
          }
        });
      });
    }

    function memberName(a, index) {
      var name = a.respondent.name || format(t.member, { n: index + 1 });
      return a.respondent.role ? name + " (" + data.roles[a.respondent.role] + ")" : name;
    }

    function showTeam(problems) {
      var out = document.getElementById("kb-team-result");
      out.textContent = "";
      problems.forEach(function (p) { out.appendChild(el("p", { "class": "kb-message-error", text: p })); });
      if (!teamFiles.length) return;
      var members = teamFiles.map(function (f) { return f.assessment; });
      var rows = compareTeam(members, data.criteria);
      var groupByRole = document.getElementById("kb-team-by-role").checked;
      var roles = [];
      members.forEach(function (a) { if (roles.indexOf(a.respondent.role) === -1) roles.push(a.respondent.role); });
      // Role columns always come in the same order (coordinator first, unnamed roles last), whoever was imported first.
      var rank = function (r) { return r ? ROLES.indexOf(r) : ROLES.length; };
      roles.sort(function (a, b) { return rank(a) - rank(b); });
      var head = [el("th", { scope: "col", text: t.criterion })];
      if (groupByRole) roles.forEach(function (r) { head.push(el("th", { scope: "col", text: r ? data.roles[r] : t.noRole })); });
      else members.forEach(function (a, i) { head.push(el("th", { scope: "col", text: memberName(a, i) })); });
      head.push(el("th", { scope: "col", text: t.agreement }));
      var table = el("table", { "class": "kb-team-table" }, [
        el("caption", { text: format(t.teamCaption, { count: members.length }) }),
        el("thead", {}, [el("tr", {}, head)])]);
      var body = el("tbody");
      rows.forEach(function (row) {
        var cells = [el("th", { scope: "row" }, [criterionLink(row.id)])];
        if (groupByRole) {
          roles.forEach(function (r) {
            cells.push(el("td", { text: (row.by_role[r || ""] || []).map(function (a) { return data.answerLabels[a]; }).join(", ") || "–" }));
          });
        } else {
          members.forEach(function (a) {
            var answer = answerOf(a, row.id);
            cells.push(el("td", { text: answer ? data.answerLabels[answer] : "–" }));
          });
        }
        cells.push(el("td", { "class": "kb-spread", text: row.spread === 0 ? t.agree : row.spread === 1 ? t.differStrongly : t.differ }));
        body.appendChild(el("tr", { "data-id": row.id, "data-spread": String(row.spread) }, cells));
      });
      table.appendChild(body);
      out.appendChild(table);
    }

    function progressImport(event) {
      var file = event.target.files[0];
      event.target.value = "";
      if (!file) return;
      var out = document.getElementById("kb-progress-result");
      readFile(file, function (found, problem) {
        out.textContent = "";
        if (problem) {
          out.appendChild(el("p", { "class": "kb-message-error", text: format(t.importFailed, { name: file.name }) + " " + problemText(problem) }));
          return;
        }
        var change = compareProgress(found.assessment, state, data.criteria);
        ["improved", "slipped", "new", "same"].forEach(function (key) {
          var section = el("div", { "class": "kb-progress-" + key }, [el("h3", { text: format(t["progress_" + key], { count: change[key].length }) })]);
          if (change[key].length && key !== "same") {
            var list = el("ul");
            change[key].forEach(function (id) {
              var before = answerOf(found.assessment, id), now = answerOf(state, id);
              list.appendChild(el("li", { "data-id": id }, [criterionLink(id),
                before ? ": " + data.answerLabels[before] + " → " + data.answerLabels[now] : ""]));
            });
            section.appendChild(list);
          }
          out.appendChild(section);
        });
      });
    }

    function copyPlan() {
      var text = document.getElementById("kb-plan").innerText;
      var done = function () { tell(t.planCopied, false); };
      if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(text).then(done, function () {});
    }

    form.addEventListener("change", onChange);
    form.addEventListener("input", function (event) { if (event.target.tagName === "TEXTAREA" || event.target.type === "text") onChange(event); });
    document.getElementById("kb-who").addEventListener("input", onChange);
    document.getElementById("kb-who").addEventListener("change", onChange);
    document.getElementById("kb-export").addEventListener("click", exportFile);
    document.getElementById("kb-import").addEventListener("change", importFile);
    document.getElementById("kb-start-over").addEventListener("click", startOver);
    document.getElementById("kb-team-files").addEventListener("change", teamImport);
    document.getElementById("kb-team-by-role").addEventListener("change", function () { showTeam([]); });
    document.getElementById("kb-progress-file").addEventListener("change", progressImport);
    document.getElementById("kb-print").addEventListener("click", function () { window.print(); });
    document.getElementById("kb-copy-plan").addEventListener("click", copyPlan);
    document.querySelectorAll(".kb-needs-js").forEach(function (node) { node.hidden = false; });
    fill();
    saved.textContent = Object.keys(state.answers).length ? t.restored : "";
  }

  function init() {
    var root = document.getElementById("kb-checker");
    if (root) setup(root);
  }

  // Material's instant navigation swaps pages without reloading scripts: it offers document$.
  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(init);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
