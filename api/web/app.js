/* 다산 웹 화면: POST /v1/ask 를 스트림(SSE)으로 읽어 답변과 근거를 보여 줍니다.
   빌드 단계·외부 라이브러리 없이 동작하는 순수 자바스크립트입니다. */
(function () {
  "use strict";

  var MODE_LABELS = { extractive: "추출식", generative: "생성형", abstain: "근거 없음" };
  var ISSUE_LABELS = {
    invalid_marker: "잘못된 근거 번호",
    altered_quote: "원문과 다른 인용",
    unsupported_reference: "근거에 없는 조문 언급",
    uncited_claim: "출처 표시 없음"
  };
  var STATUSES = ["현행", "시행예정", "연혁", "폐지"];
  var KIND_LABELS = { guideline: "지침", manual: "매뉴얼" };
  var MARKER_RE = /\[\s*(\d{1,3}(?:\s*[,\-–~]\s*\d{1,3})*)\s*\]/g;

  var $ = function (id) { return document.getElementById(id); };
  var el = {};
  var state = {
    controller: null,   // AbortController of the running request
    question: "",
    asOf: "",           // what the user asked for ("" = today)
    response: null,     // the `done` payload
    byN: {},            // n -> citation (or closest item when abstaining)
    streamed: "",
    rating: null,
    openN: null,
    opener: null        // element to return focus to when the panel closes
  };

  function init() {
    ["ask-form", "question", "as-of", "submit", "stop", "alert", "results", "mode-badge", "as-of-label", "progress",
      "answer", "notices", "notice-list", "verification", "issue-list", "warnings", "warning-list", "sources",
      "sources-heading", "source-list", "answer-actions", "copy", "fb-up", "fb-down", "action-status",
      "feedback-form", "fb-correction", "fb-comment", "fb-send", "fb-cancel", "cite-panel", "cite-close",
      "cite-kicker", "cite-title", "cite-parent", "cite-status", "cite-kind", "cite-unit", "cite-dates",
      "cite-path-dt", "cite-path", "cite-amended-dt", "cite-amended", "cite-source-dt", "cite-source", "cite-open",
      "cite-notices", "cite-notice-list", "cite-text", "similar", "similar-list", "missing", "missing-list"].forEach(function (id) { el[id] = $(id); });

    el["ask-form"].addEventListener("submit", function (e) { e.preventDefault(); ask(); });
    el.question.addEventListener("keydown", function (e) {
      if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) { e.preventDefault(); ask(); }
    });
    el.stop.addEventListener("click", function () { if (state.controller) state.controller.abort(); });
    el.answer.addEventListener("click", onMarkerClick);
    el["source-list"].addEventListener("click", onMarkerClick);
    el["cite-close"].addEventListener("click", closePanel);
    document.addEventListener("keydown", function (e) {
      if (e.key === "Escape" && !el["cite-panel"].hidden) closePanel();
    });
    el.copy.addEventListener("click", copyAnswer);
    el["fb-up"].addEventListener("click", function () { chooseRating("up"); });
    el["fb-down"].addEventListener("click", function () { chooseRating("down"); });
    el["fb-cancel"].addEventListener("click", function () { resetFeedback(); el["fb-up"].focus(); });
    el["feedback-form"].addEventListener("submit", function (e) { e.preventDefault(); sendFeedback(); });
  }

  /* ---------- 오류 표시 ---------- */

  function showError(message) {
    el.alert.textContent = message;
  }

  function clearError() { el.alert.textContent = ""; }

  async function errorMessage(res) {
    var detail = null;
    try {
      var body = await res.json();
      detail = body && body.detail;
    } catch (_) { /* 본문이 JSON이 아님 */ }
    if (Array.isArray(detail)) {
      detail = detail.map(function (d) { return d && (d.msg || d.message) || String(d); }).join(" ");
    } else if (detail && typeof detail === "object") {
      detail = detail.message || JSON.stringify(detail);
    }
    if (detail) return detail;
    if (res.status === 404) return "요청한 기능을 찾을 수 없습니다 (HTTP 404).";
    if (res.status === 413) return "요청이 너무 큽니다. 질문을 줄여 주세요.";
    if (res.status === 429) return "요청이 많아 잠시 처리할 수 없습니다. 잠시 후 다시 시도하세요.";
    if (res.status >= 500) return "서버에서 오류가 발생했습니다 (HTTP " + res.status + "). 잠시 후 다시 시도하세요.";
    return "요청을 처리하지 못했습니다 (HTTP " + res.status + ").";
  }

  var NETWORK_ERROR = "서버에 연결할 수 없습니다. 네트워크 연결을 확인한 뒤 다시 시도하세요.";

  /* ---------- 질문 보내기와 스트림 읽기 ---------- */

  function selectedKinds() {
    var out = [];
    document.querySelectorAll('input[name="kind"]:checked').forEach(function (box) {
      box.value.split(",").forEach(function (v) { if (v && out.indexOf(v) < 0) out.push(v); });
    });
    return out;
  }

  function setBusy(busy) {
    el.submit.disabled = busy;
    el.stop.hidden = !busy;
    el.answer.setAttribute("aria-busy", busy ? "true" : "false");
    el.answer.classList.toggle("streaming", busy);
  }

  async function ask() {
    var question = el.question.value.trim();
    clearError();
    if (!question) {
      showError("질문을 입력하세요.");
      el.question.focus();
      return;
    }
    var asOf = window.DasanDates.read(el["as-of"]);  // dates.js: YYYY-MM-DD, 한국어 오류
    if (!asOf.ok) {
      showError(asOf.message);
      el["as-of"].focus();
      return;
    }
    if (state.controller) state.controller.abort();
    var controller = new AbortController();
    state.controller = controller;
    state.question = question;
    state.asOf = asOf.value;
    resetAnswer();
    el.results.hidden = false;
    el.progress.textContent = "근거를 찾는 중입니다…";
    setBusy(true);

    var body = { question: question, kinds: selectedKinds(), stream: true };
    if (state.asOf) body.as_of = state.asOf;

    var finished = false;
    try {
      var res = await fetch("/v1/ask", {
        method: "POST",
        headers: { "Content-Type": "application/json", "Accept": "text/event-stream" },
        body: JSON.stringify(body),
        signal: controller.signal
      });
      if (!res.ok) {
        showError(await errorMessage(res));
        el.progress.textContent = "답변하지 못했습니다.";
        el.results.hidden = true;
        return;
      }
      var type = res.headers.get("Content-Type") || "";
      if (type.indexOf("text/event-stream") < 0) {  // 스트림이 아닌 JSON 응답도 받아 준다
        var json = await res.json();
        onEvent("done", json);
        finished = true;
        return;
      }
      finished = await readStream(res.body, onEvent);
      if (!finished && state.controller === controller) {
        showError("답변을 받는 중 연결이 끊겼습니다. 다시 시도하세요.");
        el.progress.textContent = "답변이 중간에 끊겼습니다.";
      }
    } catch (err) {
      if (err && err.name === "AbortError") {
        if (state.controller === controller) el.progress.textContent = "답변을 중지했습니다.";
      } else {
        showError(NETWORK_ERROR);
        el.progress.textContent = "답변하지 못했습니다.";
      }
    } finally {
      if (state.controller === controller) {
        state.controller = null;
        setBusy(false);
      }
    }

    function onEvent(name, data) {
      if (state.controller !== controller && name !== "done") return;
      if (name === "meta") {
        setMode(data.mode);
        el.progress.textContent = data.mode === "generative" ? "답변을 작성하는 중입니다…" : "답변을 정리하는 중입니다…";
      } else if (name === "delta") {
        state.streamed += (data && data.text) || "";
        el.answer.textContent = state.streamed;
      } else if (name === "done") {
        finished = true;
        renderResponse(data);
      } else if (name === "error") {
        finished = true;
        var msg = (data && data.message) || "답변 생성 중 오류가 발생했습니다.";
        showError(msg);
        var partial = state.streamed || (data && data.partial) || "";
        el.answer.textContent = partial;
        el.progress.textContent = partial ? "답변이 중간에 끊겼습니다. 아래 내용은 검증되지 않은 일부입니다." : "답변하지 못했습니다.";
      }
    }
  }

  /* ReadableStream 에서 SSE 블록을 읽어 (event, data)로 넘긴다. done 또는 error 를 받으면 true. */
  async function readStream(stream, onEvent) {
    var reader = stream.getReader();
    var decoder = new TextDecoder("utf-8");
    var buffer = "";
    var ended = false;
    function dispatch(block) {
      var name = "message";
      var data = [];
      block.split(/\r?\n|\r/).forEach(function (line) {
        if (!line || line.charAt(0) === ":") return;
        var i = line.indexOf(":");
        var field = i < 0 ? line : line.slice(0, i);
        var value = i < 0 ? "" : line.slice(i + 1).replace(/^ /, "");
        if (field === "event") name = value;
        else if (field === "data") data.push(value);
      });
      if (!data.length) return;
      var payload;
      try { payload = JSON.parse(data.join("\n")); } catch (_) { payload = { text: data.join("\n") }; }
      if (name === "done" || name === "error") ended = true;
      onEvent(name, payload);
    }
    for (;;) {
      var chunk = await reader.read();
      if (chunk.done) break;
      buffer += decoder.decode(chunk.value, { stream: true });
      var m;
      while ((m = /\r?\n\r?\n|\r\r/.exec(buffer))) {
        var block = buffer.slice(0, m.index);
        buffer = buffer.slice(m.index + m[0].length);
        dispatch(block);
      }
    }
    buffer += decoder.decode();
    if (buffer.trim()) dispatch(buffer);
    return ended;
  }

  /* ---------- 답변 그리기 ---------- */

  function resetAnswer() {
    state.response = null;
    state.byN = {};
    state.streamed = "";
    state.openN = null;
    el.answer.textContent = "";
    el["mode-badge"].hidden = true;
    el["as-of-label"].textContent = "";
    ["notices", "verification", "warnings", "sources", "similar", "answer-actions", "missing"].forEach(function (id) { el[id].hidden = true; });
    el["similar-list"].textContent = "";
    el["missing-list"].textContent = "";
    el["notice-list"].textContent = "";
    el["issue-list"].textContent = "";
    el["warning-list"].textContent = "";
    el["source-list"].textContent = "";
    el["action-status"].textContent = "";
    resetFeedback();
    hidePanel();
  }

  function setMode(mode) {
    var badge = el["mode-badge"];
    badge.textContent = MODE_LABELS[mode] || mode || "";
    badge.className = "badge mode-badge mode-" + (mode || "unknown");
    badge.hidden = !mode;
  }

  function renderResponse(r) {
    state.response = r;
    setMode(r.mode);
    el["as-of-label"].textContent = r.as_of ? "기준일 " + r.as_of : "";
    var items = (r.citations && r.citations.length) ? r.citations : (r.closest || []);
    state.byN = {};
    items.forEach(function (c) { state.byN[c.n] = c; });

    var missing = r.missing || [];
    var answer = r.answer || "";
    var lead = missing.map(function (m) { return "※ " + m.message; }).join("\n");
    if (lead && answer.indexOf(lead) === 0) answer = answer.slice(lead.length).replace(/^\n+/, "");
    renderList(el.missing, el["missing-list"], missing.map(function (m) { return m.message || (m.reference + ": " + m.reason); }));
    el.answer.textContent = "";
    el.answer.appendChild(renderAnswerText(answer, r.citations || []));

    renderNotices(r.notices || []);
    renderIssues(r.verification || {});
    renderList(el.warnings, el["warning-list"], r.warnings || []);
    renderSources(r);
    renderSimilar(r.similar_cases || []);
    el["answer-actions"].hidden = false;
    var v = r.verification || {};
    if (r.mode === "abstain") {
      el.progress.textContent = "근거가 충분하지 않아 답하지 않았습니다.";
    } else if (v.ok === false || (v.issues && v.issues.length)) {
      el.progress.textContent = "답변을 받았지만 검증 경고가 있습니다. 아래 경고를 확인하십시오.";
    } else {
      el.progress.textContent = "답변을 받았습니다. 번호를 누르면 근거 조문을 볼 수 있습니다.";
    }
  }

  function citationLabel(c) {
    var d = c.document || {};
    return "「" + (d.title || "제목 없음") + "」 " + (c.unit || "");
  }

  /* 답변 문자열의 [n] 표시를 근거 패널을 여는 버튼으로 바꾼다 (문자열은 textContent로만 넣는다). */
  function renderAnswerText(text, citations) {
    var valid = {};
    citations.forEach(function (c) { valid[c.n] = c; });
    var frag = document.createDocumentFragment();
    var last = 0;
    var m;
    MARKER_RE.lastIndex = 0;
    while ((m = MARKER_RE.exec(text))) {
      var nums = expandMarker(m[1]);
      var known = nums.filter(function (n) { return valid[n]; });
      if (!known.length) continue;  // 예: 없는 번호 — 글자 그대로 둔다
      frag.appendChild(document.createTextNode(text.slice(last, m.index)));
      if (nums.length === 1) {
        frag.appendChild(markerButton(valid[nums[0]], "[" + nums[0] + "]"));
      } else {
        frag.appendChild(document.createTextNode("["));
        nums.forEach(function (n, i) {
          if (i) frag.appendChild(document.createTextNode(","));
          if (valid[n]) frag.appendChild(markerButton(valid[n], String(n)));
          else {
            var bad = document.createElement("span");
            bad.className = "marker-invalid";
            bad.textContent = String(n);
            frag.appendChild(bad);
          }
        });
        frag.appendChild(document.createTextNode("]"));
      }
      last = m.index + m[0].length;
    }
    frag.appendChild(document.createTextNode(text.slice(last)));
    return frag;
  }

  function expandMarker(inner) {
    var out = [];
    inner.split(/\s*,\s*/).forEach(function (part) {
      var r = part.split(/\s*[-–~]\s*/).map(Number);
      if (r.length === 2 && r[1] >= r[0] && r[1] - r[0] < 50) {
        for (var n = r[0]; n <= r[1]; n++) out.push(n);
      } else if (!isNaN(r[0])) {
        out.push(r[0]);
      }
    });
    return out;
  }

  function markerButton(c, label) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = "marker";
    b.textContent = label;
    b.setAttribute("data-n", String(c.n));
    b.setAttribute("aria-label", "근거 " + c.n + " 보기: " + citationLabel(c));
    b.setAttribute("aria-controls", "cite-panel");
    b.setAttribute("aria-expanded", "false");
    return b;
  }

  function onMarkerClick(e) {
    var b = e.target.closest("button[data-n]");
    if (!b) return;
    var n = Number(b.getAttribute("data-n"));
    if (state.openN === n && !el["cite-panel"].hidden) { closePanel(); return; }
    openPanel(n, b);
  }

  function noticeNode(n) {
    var li = document.createElement("li");
    li.appendChild(document.createTextNode(n.message || ""));
    if (n.change) {
      var ch = document.createElement("span");
      ch.className = "notice-change";
      ch.textContent = "바뀌는 내용: " + n.change;
      li.appendChild(ch);
    }
    return li;
  }

  function renderNotices(notices) {
    el["notice-list"].textContent = "";
    notices.forEach(function (n) { el["notice-list"].appendChild(noticeNode(n)); });
    el.notices.hidden = !notices.length;
  }

  function renderIssues(v) {
    var issues = v.issues || [];
    el["issue-list"].textContent = "";
    issues.forEach(function (i) {
      var li = document.createElement("li");
      var t = document.createElement("span");
      t.className = "issue-type";
      t.textContent = (ISSUE_LABELS[i.type] || i.type || "문제") + ":";
      li.appendChild(t);
      li.appendChild(document.createTextNode(" " + (i.detail || "")));
      el["issue-list"].appendChild(li);
    });
    if (!issues.length && v.ok === false) {
      var li = document.createElement("li");
      li.textContent = "답변 검증을 통과하지 못했습니다. 원문을 확인하십시오.";
      el["issue-list"].appendChild(li);
    }
    el.verification.hidden = !(issues.length || v.ok === false);
  }

  function renderList(box, list, items) {
    list.textContent = "";
    items.forEach(function (t) {
      var li = document.createElement("li");
      li.textContent = String(t);
      list.appendChild(li);
    });
    box.hidden = !items.length;
  }

  function renderSources(r) {
    var abstain = !(r.citations && r.citations.length);
    var items = abstain ? (r.closest || []) : r.citations;
    el["sources-heading"].textContent = abstain ? "가장 가까운 자료 (근거로 쓰기에는 부족)" : "근거 자료";
    el["source-list"].textContent = "";
    items.forEach(function (c) {
      var li = document.createElement("li");
      li.value = c.n;
      var b = document.createElement("button");
      b.type = "button";
      b.className = "btn-link";
      b.setAttribute("data-n", String(c.n));
      b.setAttribute("aria-controls", "cite-panel");
      b.textContent = citationLabel(c) + (c.unit_title ? " (" + c.unit_title + ")" : "");
      li.appendChild(b);
      var meta = document.createElement("span");
      meta.className = "source-meta";
      var d = c.document || {};
      meta.textContent = [d.status_note || d.status, d.effective_from ? "시행 " + d.effective_from : ""].filter(Boolean).join(" · ");
      li.appendChild(meta);
      if (c.via_cases) {
        var via = document.createElement("span");
        via.className = "via-cases";
        via.textContent = c.via_cases.reason;
        li.appendChild(via);
      }
      el["source-list"].appendChild(li);
    });
    el.sources.hidden = !items.length;
  }

  /* 비슷한 과거 민원: 제목·부서·날짜·유사도, 답변이 인용한 조문, 본문(개인정보 가림)은 펼쳐 보기 */
  function renderSimilar(cases) {
    var list = el["similar-list"];
    list.textContent = "";
    cases.forEach(function (c) {
      var li = document.createElement("li");
      var head = document.createElement("p");
      head.className = "similar-head";
      var strong = document.createElement("strong");
      strong.textContent = c.title || c.label;
      head.appendChild(strong);
      var meta = document.createElement("span");
      meta.className = "source-meta";
      meta.textContent = [c.label, c.department, c.date,
        "유사도 " + Math.round((c.similarity || 0) * 100) + "%"].filter(Boolean).join(" · ");
      head.appendChild(meta);
      li.appendChild(head);
      var cited = (c.cited || []).map(function (u) { return u.title ? "「" + u.title + "」 " + u.unit : u.unit; });
      if (cited.length) {
        var p = document.createElement("p");
        p.className = "similar-cited";
        p.textContent = "답변에서 인용: " + cited.join(", ");
        li.appendChild(p);
      }
      var det = document.createElement("details");
      var sum = document.createElement("summary");
      sum.textContent = "민원 내용 보기";
      det.appendChild(sum);
      var pre = document.createElement("p");
      pre.className = "similar-text";
      pre.textContent = c.text || "";
      det.appendChild(pre);
      li.appendChild(det);
      list.appendChild(li);
    });
    el.similar.hidden = !cases.length;
  }

  /* ---------- 근거 패널 ---------- */

  function setShown(ids, shown) { ids.forEach(function (id) { el[id].hidden = !shown; }); }

  function openPanel(n, opener) {
    var c = state.byN[n];
    if (!c) return;
    var d = c.document || {};
    var abstain = state.response && state.response.mode === "abstain";
    state.openN = n;
    state.opener = opener || null;
    el["cite-kicker"].textContent = (abstain ? "참고 자료 " : "근거 ") + "[" + n + "]";
    el["cite-title"].textContent = "「" + (d.title || "제목 없음") + "」";
    el["cite-parent"].textContent = d.parent_title ? "상위 문서: 「" + d.parent_title + "」" : "";
    el["cite-parent"].hidden = !d.parent_title;

    var status = d.status || "";
    el["cite-status"].textContent = status || "상태 미상";
    el["cite-status"].className = "badge " + (STATUSES.indexOf(status) >= 0 ? "status-" + status : "badge-kind");
    el["cite-kind"].textContent = KIND_LABELS[d.kind] || d.kind || "";
    el["cite-kind"].hidden = !d.kind;

    el["cite-unit"].textContent = (c.unit || "(전체)") + (c.unit_title ? " (" + c.unit_title + ")" : "") +
      (c.page ? " · " + c.page + "쪽" : "");
    var dates = (d.effective_from || "미상") + " ~ " + (d.effective_to || "");
    if (d.promulgation_no) dates += " (공포번호 " + d.promulgation_no + ")";
    if (d.status_note) dates += " — " + d.status_note;
    el["cite-dates"].textContent = dates;

    var path = (c.path || []).join(" › ");
    el["cite-path"].textContent = path;
    setShown(["cite-path-dt", "cite-path"], !!path);
    var amended = (c.amended || []).join(", ");
    el["cite-amended"].textContent = amended;
    setShown(["cite-amended-dt", "cite-amended"], !!amended);
    // 원문 보기: 서버 파일 경로 대신 API(GET /v1/units/{id})로 조문을 여는 새 창 (unit.html)
    var asOfParam = state.response && state.response.as_of ? "&as_of=" + encodeURIComponent(state.response.as_of) : "";
    el["cite-open"].href = c.id ? "/static/unit.html?id=" + encodeURIComponent(c.id) + asOfParam : "#";
    el["cite-open"].setAttribute("aria-label", "원문 보기(새 창): " + citationLabel(c));
    setShown(["cite-source-dt", "cite-source"], !!c.id);

    var notices = ((state.response && state.response.notices) || []).filter(function (x) { return x.source === n; });
    el["cite-notice-list"].textContent = "";
    notices.forEach(function (x) { el["cite-notice-list"].appendChild(noticeNode(x)); });
    el["cite-notices"].hidden = !notices.length;

    el["cite-text"].textContent = "";
    el["cite-text"].appendChild(highlighted(c.text || c.quote || "", c.quote || ""));

    document.querySelectorAll("button.marker").forEach(function (b) {
      b.setAttribute("aria-expanded", Number(b.getAttribute("data-n")) === n ? "true" : "false");
    });
    el["cite-panel"].hidden = false;
    el.results.classList.add("with-panel");
    el["cite-panel"].scrollTop = 0;
    el["cite-panel"].focus({ preventScroll: window.matchMedia("(min-width: 861px)").matches });
  }

  function highlighted(text, quote) {
    var frag = document.createDocumentFragment();
    var q = quote && quote !== text ? quote.replace(/…$/, "").trim() : "";
    var i = q ? text.indexOf(q) : -1;
    if (i < 0) { frag.appendChild(document.createTextNode(text)); return frag; }
    frag.appendChild(document.createTextNode(text.slice(0, i)));
    var mark = document.createElement("mark");
    mark.textContent = q;
    frag.appendChild(mark);
    frag.appendChild(document.createTextNode(text.slice(i + q.length)));
    return frag;
  }

  function hidePanel() {
    el["cite-panel"].hidden = true;
    el.results.classList.remove("with-panel");
    document.querySelectorAll("button.marker").forEach(function (b) { b.setAttribute("aria-expanded", "false"); });
  }

  function closePanel() {
    var opener = state.opener;
    state.openN = null;
    state.opener = null;
    hidePanel();
    if (opener && document.body.contains(opener)) opener.focus();
  }

  /* ---------- 텍스트로 복사 ---------- */

  function answerAsText() {
    var r = state.response;
    if (!r) return state.streamed;
    var lines = ["질문: " + r.question, "기준일: " + r.as_of, "", r.answer || ""];
    var cites = r.citations || [];
    if (cites.length) {
      lines.push("", "출처");
      cites.forEach(function (c) {
        var d = c.document || {};
        lines.push("[" + c.n + "] 「" + (d.title || "") + "」 " + (c.unit || "") +
          (d.effective_from ? " (시행 " + d.effective_from + ")" : ""));
      });
    }
    var notices = r.notices || [];
    if (notices.length) {
      lines.push("", "안내");
      notices.forEach(function (n) { lines.push("- " + n.message + (n.change ? " " + n.change : "")); });
    }
    return lines.join("\n");
  }

  async function copyAnswer() {
    var text = answerAsText();
    var ok = false;
    try {
      if (navigator.clipboard && window.isSecureContext) {
        await navigator.clipboard.writeText(text);
        ok = true;
      }
    } catch (_) { ok = false; }
    if (!ok) {  // http 내부망 등 보안 컨텍스트가 아닐 때
      var ta = document.createElement("textarea");
      ta.value = text;
      ta.setAttribute("readonly", "");
      ta.className = "offscreen";
      document.body.appendChild(ta);
      ta.select();
      try { ok = document.execCommand("copy"); } catch (_) { ok = false; }
      document.body.removeChild(ta);
      el.copy.focus();
    }
    el["action-status"].textContent = ok ? "답변과 출처를 복사했습니다." : "";
    if (!ok) showError("클립보드에 복사하지 못했습니다. 답변을 직접 선택해 복사하세요.");
  }

  /* ---------- 의견(피드백) ---------- */

  function resetFeedback() {
    state.rating = null;
    el["fb-up"].setAttribute("aria-pressed", "false");
    el["fb-down"].setAttribute("aria-pressed", "false");
    el["feedback-form"].hidden = true;
    el["fb-correction"].value = "";
    el["fb-comment"].value = "";
    el["fb-send"].disabled = false;
  }

  function chooseRating(rating) {
    state.rating = rating;
    el["fb-up"].setAttribute("aria-pressed", rating === "up" ? "true" : "false");
    el["fb-down"].setAttribute("aria-pressed", rating === "down" ? "true" : "false");
    el["feedback-form"].hidden = false;
    el["action-status"].textContent = rating === "up"
      ? "‘도움됨’을 선택했습니다. 의견을 덧붙이거나 바로 보내세요."
      : "‘개선 필요’를 선택했습니다. 바른 답변이나 의견을 적어 보내 주세요.";
    (rating === "down" ? el["fb-correction"] : el["fb-comment"]).focus();
  }

  async function sendFeedback() {
    var r = state.response;
    if (!r || !state.rating) return;
    clearError();
    var payload = {
      question: r.question || state.question,
      answer: r.answer || "",
      rating: state.rating,
      correction: el["fb-correction"].value.trim(),
      comment: el["fb-comment"].value.trim(),
      citations: (r.citations || []).map(function (c) { return c.id; }),
      as_of: r.as_of || state.asOf || null
    };
    el["fb-send"].disabled = true;
    try {
      var res = await fetch("/v1/feedback", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(payload)
      });
      if (res.status === 404 || res.status === 405 || res.status === 501) {
        showError("죄송합니다. 의견 보내기 기능이 아직 준비되지 않았습니다. 나중에 다시 시도해 주세요.");
        el["fb-send"].disabled = false;
        return;
      }
      if (!res.ok) {
        showError("의견을 보내지 못했습니다: " + await errorMessage(res));
        el["fb-send"].disabled = false;
        return;
      }
      var saved = null;
      try { saved = await res.json(); } catch (_) { saved = null; }
      el["feedback-form"].hidden = true;
      el["action-status"].textContent = (saved && saved.message) || "의견을 보냈습니다. 고맙습니다.";
      el.copy.focus();
    } catch (_) {
      showError("의견을 보내지 못했습니다. " + NETWORK_ERROR);
      el["fb-send"].disabled = false;
    }
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
