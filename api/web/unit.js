/* 원문 보기: unit.html?id=…(&as_of=…)의 조문을 GET /v1/units/{id}로 불러와 보여 줍니다.
   텍스트는 textContent로만 넣습니다(CSP, XSS). 서버에 이 기능이 없거나 조문이 없으면 한국어로 알립니다. */
(function () {
  "use strict";

  var STATUSES = ["현행", "시행예정", "연혁", "폐지"];
  var KIND_LABELS = { guideline: "지침", manual: "매뉴얼" };
  var HANGUL = /[\uac00-\ud7a3]/;

  function $(id) { return document.getElementById(id); }
  function shown(ids, on) { ids.forEach(function (id) { $(id).hidden = !on; }); }

  function fail(message) {
    $("unit-alert").textContent = message;
    $("unit-progress").textContent = "원문을 보여 드리지 못했습니다.";
  }

  /* 서버가 준 한국어 설명이 있으면 그것을, 없으면 상태 코드별 안내를 쓴다(영어 기본 문구는 보이지 않게).
     주소 자체가 없는 404(이 기능이 없는 서버)는 무엇을 하면 되는지 안내한다. */
  async function failure(res) {
    var detail = null;
    try { detail = (await res.json()).detail; } catch (_) { detail = null; }
    if (detail && typeof detail === "object" && !Array.isArray(detail)) detail = detail.message;
    var noRoute = res.status === 405 || (res.status === 404 && (!detail || /^요청한 주소/.test(detail)));
    if (!noRoute && typeof detail === "string" && HANGUL.test(detail)) return detail;
    if (res.status === 404 || res.status === 405) {
      return "이 조문을 찾을 수 없습니다. 색인이 다시 만들어졌거나 이 서버가 원문 보기를 아직 지원하지 않습니다. " +
        "질문 화면의 근거 패널에서 조문 전문을 확인하십시오.";
    }
    if (res.status === 401 || res.status === 403) return "이 조문을 볼 권한이 없습니다. 로그인했는지 확인하십시오.";
    return "원문을 불러오지 못했습니다 (HTTP " + res.status + "). 잠시 후 다시 시도하십시오.";
  }

  /* 조문 하나(검색 결과와 같은 모양), {unit: {...}}, 또는 {units: [...]}(같은 조의 여러 부분)를 받는다. */
  function normalize(body) {
    if (Array.isArray(body.units) && body.units.length) {
      var first = body.units[0];
      return { hit: first, text: body.units.map(function (u) { return u.text || ""; }).join("\n\n") };
    }
    var hit = body.unit && typeof body.unit === "object" ? body.unit : body;
    return { hit: hit, text: hit.text || "" };
  }

  function render(body) {
    var n = normalize(body);
    var h = n.hit, d = h.document || {};
    var title = "「" + (d.title || "제목 없음") + "」";
    $("unit-title").textContent = title + " " + (h.unit || "");
    document.title = title + " " + (h.unit || "") + " — 원문 보기 — 다산";
    $("unit-parent").textContent = d.parent_title ? "상위 문서: 「" + d.parent_title + "」" : "";
    $("unit-parent").hidden = !d.parent_title;
    var status = d.status || "";
    $("unit-state").textContent = status || "상태 미상";
    $("unit-state").className = "badge " + (STATUSES.indexOf(status) >= 0 ? "status-" + status : "badge-kind");
    $("unit-kind").textContent = KIND_LABELS[d.kind] || d.kind || "";
    $("unit-kind").hidden = !d.kind;
    $("unit-label").textContent = (h.unit || "(전체)") + (h.unit_title ? " (" + h.unit_title + ")" : "") +
      (h.page ? " · " + h.page + "쪽" : "");
    $("unit-dates").textContent = (d.effective_from || "미상") + " ~ " + (d.effective_to || "") +
      (d.promulgation_no ? " (공포번호 " + d.promulgation_no + ")" : "");
    var path = (h.path || []).join(" › ");
    $("unit-path").textContent = path;
    shown(["unit-path-dt", "unit-path"], !!path);
    var amended = (h.amended || []).join(", ");
    $("unit-amended").textContent = amended;
    shown(["unit-amended-dt", "unit-amended"], !!amended);
    $("unit-text").textContent = n.text;
    $("unit").hidden = false;
    $("unit-progress").textContent = "";
  }

  async function load() {
    $("unit-print").addEventListener("click", function () { window.print(); });
    var params = new URLSearchParams(window.location.search);
    var id = params.get("id");
    if (!id) { fail("열 조문이 지정되지 않았습니다. 질문 화면의 근거 패널에서 ‘원문 보기’를 누르십시오."); return; }
    var url = "/v1/units/" + encodeURIComponent(id);
    if (params.get("as_of")) url += "?as_of=" + encodeURIComponent(params.get("as_of"));
    var res;
    try {
      res = await fetch(url, { headers: { "Accept": "application/json" } });
    } catch (_) {
      fail("서버에 연결할 수 없습니다. 네트워크 연결을 확인한 뒤 다시 시도하십시오.");
      return;
    }
    if (!res.ok) { fail(await failure(res)); return; }
    try {
      render(await res.json());
    } catch (_) {
      fail("서버의 응답을 읽지 못했습니다. 잠시 후 다시 시도하십시오.");
    }
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", load);
  else load();
})();
