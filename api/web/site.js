/* 머리글의 안내: 가상 예시 자료를 보여 주는 서버인지, 색인을 언제 마지막으로 갱신했는지 (GET /v1/status).
   상태를 받지 못하면 아무것도 보이지 않을 뿐, 화면의 다른 기능에는 영향이 없습니다. */
(function () {
  "use strict";

  var SAMPLE_TEXT = {
    only: "시험용 가상 예시 자료입니다. 지금 이 서버는 가상 도시 ‘다산시’의 예시 조례만 보여 줍니다. " +
      "실제 법령이 아니므로 업무 판단에 쓰지 마십시오.",
    mixed: "색인에 시험용 가상 예시 자료(‘다산시’ 예시 조례)가 섞여 있습니다. " +
      "제목에 ‘예시 조례’가 붙은 문서는 실제 법령이 아닙니다."
  };
  var POLL_MS = 15000;

  function $(id) { return document.getElementById(id); }

  function render(s) {
    var banner = $("sample-banner");
    banner.textContent = SAMPLE_TEXT[s.sample] || "";
    banner.hidden = !SAMPLE_TEXT[s.sample];
    var time = $("index-updated");
    time.textContent = s.index_updated || "기록 없음";
    if (s.index_updated_at) time.setAttribute("datetime", s.index_updated_at);
    else time.removeAttribute("datetime");
    $("index-running").hidden = !s.ingesting;
    $("index-status").hidden = false;
  }

  async function load() {
    var s = null;
    try {
      var res = await fetch("/v1/status", { headers: { "Accept": "application/json" } });
      if (res.ok) s = await res.json();
    } catch (_) { s = null; }
    if (!s) return;  // 예: 인증 전, 오래된 서버 — 안내만 생략
    render(s);
    if (s.ingesting) window.setTimeout(load, POLL_MS);  // 색인이 끝나면 날짜를 새로 보여 준다
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", load);
  else load();
})();
