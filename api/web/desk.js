/* 민원 분석 탭: POST /v1/complaints/analyze 결과를 섹션별로 보여 줍니다. 텍스트는 textContent로만 넣습니다(CSP, XSS). */
"use strict";
(function () {
  var $ = function (id) { return document.getElementById(id); };

  function selectTab(which) {
    ["ask", "desk"].forEach(function (name) {
      var on = name === which;
      $("tab-" + name).setAttribute("aria-selected", on ? "true" : "false");
      $("panel-" + name).hidden = !on;
    });
    $(which === "desk" ? "desk-text" : "question").focus();
  }

  function ref(c) { return c ? "「" + c.title + "」 " + c.unit : "근거 조문 없음"; }

  function fill(list, items, text) {
    var box = $(list);
    box.textContent = "";
    items.forEach(function (item) {
      var li = document.createElement("li");
      li.textContent = text(item);
      box.appendChild(li);
    });
  }

  function render(r) {
    var t = r.type;
    $("desk-type").textContent = t.value + (t.agency ? " → " + t.agency : "") +
      (t.matched.length ? " (근거 낱말: " + t.matched.join(", ") + ")" : "") +
      (t.source === "llm" ? " · 언어모델(" + t.model + ")이 다듬음" + (t.rule_value ? ", 규칙 기반 유형: " + t.rule_value : "") : "");
    $("desk-warnings").hidden = !(r.warnings && r.warnings.length);
    fill("desk-warnings", r.warnings || [], function (w) { return w; });
    $("desk-masked").textContent = r.masked_text;
    var d = r.deadline;
    $("desk-deadline").textContent = d.due + " (접수 " + d.received + ", 처리기간 " + d.period + ")";
    $("desk-deadline-basis").textContent = d.basis;
    fill("desk-rules", r.rules, function (h) {
      return "「" + h.document.title + "」 " + (h.unit || "") + (h.unit_title ? " " + h.unit_title : "") +
        " [" + h.document.status + "]";
    });
    var dec = r.decision;
    $("desk-decision-box").hidden = !dec;
    if (dec) {
      $("desk-decision").textContent = (dec.suggestion ? dec.suggestion + " — " + dec.label : "제안 없음") + (dec.note ? " " + dec.note : "");
      var lines = dec.conditions.map(function (c) { return "조건: " + c.condition + " (" + ref(c.citation) + ")"; })
        .concat(dec.grounds.map(function (g) { return "근거: " + ref(g) + " — " + g.role; }));
      fill("desk-decision-list", lines, function (x) { return x; });
    }
    $("desk-missing-box").hidden = !r.missing.length;
    fill("desk-missing", r.missing, function (m) { return m.reference + ": " + (m.message || m.hint); });
    fill("desk-steps", r.steps, function (s) {
      return s.step + " — " + ref(s.citation) + (s.citation && s.citation.general ? " (일반 민원 절차)" : "");
    });
    $("desk-reply").textContent = r.draft_reply;
    var check = r.draft_reply_check || { source: "template" };
    $("desk-reply-check").textContent = check.source === "llm"
      ? "언어모델(" + check.model + ")이 쓴 초안입니다. 인용 검증: " +
        (check.ok ? "모든 조문 인용이 검색된 조문으로 확인되었습니다." : "문제 " + check.issues.length + "곳(본문에 경고 표시). 보내기 전에 고치십시오.")
      : "서식 초안입니다(언어모델 없음). 인용은 모두 위 관련 조문에서 가져왔습니다.";
    $("desk-results").hidden = false;
  }

  async function analyze() {
    var alert = $("desk-alert");
    alert.textContent = "";
    var text = $("desk-text").value;
    if (!text.trim()) { alert.textContent = "민원 내용을 입력하세요."; return; }
    var body = { text: text };
    var received = window.DasanDates.read($("desk-received"));  // dates.js: YYYY-MM-DD[ HH:MM], 한국어 오류
    if (!received.ok) { alert.textContent = received.message; $("desk-received").focus(); return; }
    if (received.value) body.received = received.value;
    var dept = $("desk-department").value.trim();
    if (dept) body.department = dept;
    var button = $("desk-submit");
    button.disabled = true;
    try {
      var res = await fetch("/v1/complaints/analyze", {
        method: "POST", headers: { "Content-Type": "application/json", "Accept": "application/json" },
        body: JSON.stringify(body)
      });
      var data = null;
      try { data = await res.json(); } catch (_) { /* 본문이 JSON이 아님 */ }
      if (!res.ok) {
        var detail = data && data.detail;
        if (Array.isArray(detail)) detail = detail.map(function (x) { return x.msg || String(x); }).join(" ");
        alert.textContent = (typeof detail === "string" && detail) || "분석하지 못했습니다 (HTTP " + res.status + ").";
        return;
      }
      render(data);
    } catch (_) {
      alert.textContent = "서버에 연결할 수 없습니다. 네트워크 연결을 확인한 뒤 다시 시도하세요.";
    } finally {
      button.disabled = false;
    }
  }

  function init() {
    $("tab-ask").addEventListener("click", function () { selectTab("ask"); });
    $("tab-desk").addEventListener("click", function () { selectTab("desk"); });
    $("desk-form").addEventListener("submit", function (e) { e.preventDefault(); analyze(); });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
