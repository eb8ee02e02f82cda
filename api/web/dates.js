/* 날짜 입력 칸: 브라우저 언어 설정(월/일/연 등)과 상관없이 연-월-일(YYYY-MM-DD)로 받고, 시각이 허용된 칸은
   24시간 HH:MM을 덧붙일 수 있습니다. 틀리면 칸 아래와 알림 영역에 한국어로 알립니다.
   window.DasanDates.read(input) → { ok, value, message } (value: "YYYY-MM-DD" 또는 "YYYY-MM-DDTHH:MM", 빈 칸은 "") */
(function () {
  "use strict";

  var FULL_RE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2}))?$/;
  var DIGITS_RE = /^(\d{4})(\d{2})(\d{2})$/;

  function pad(n) { return (n < 10 ? "0" : "") + n; }

  /* 받침이 있으면 "은", 없으면 "는" (한글이 아니면 "은(는)") */
  function topic(word) {
    var code = word.charCodeAt(word.length - 1) - 0xac00;
    if (code < 0 || code > 11171) return word + "은(는)";
    return word + (code % 28 ? "은" : "는");
  }

  function labelOf(input) {
    var label = document.querySelector('label[for="' + input.id + '"]');
    return (label && label.textContent.trim()) || "날짜";
  }

  function validDate(y, m, d) {
    var t = new Date(Date.UTC(y, m - 1, d));
    return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
  }

  /* 값만 검사한다: { ok, value, message } */
  function parse(raw, opts) {
    var text = (raw || "").trim();
    var name = opts.label || "날짜";
    var withTime = opts.time === "optional";
    if (!text) return { ok: true, value: "" };
    var digits = DIGITS_RE.exec(text);
    if (digits) text = digits[1] + "-" + digits[2] + "-" + digits[3];
    var m = FULL_RE.exec(text);
    var example = withTime ? "예: 2027-01-01 또는 2027-01-01 14:30" : "예: 2027-01-01";
    if (!m) {
      return { ok: false, message: topic(name) + " 연-월-일(YYYY-MM-DD) 형식으로 입력하세요" +
        (withTime ? "(시각은 선택, 24시간 HH:MM)" : "") + ". " + example };
    }
    if (m[4] !== undefined && !withTime) {
      return { ok: false, message: topic(name) + " 시각 없이 날짜만 입력하세요. " + example };
    }
    var y = Number(m[1]), mo = Number(m[2]), d = Number(m[3]);
    var date = m[1] + "-" + pad(mo) + "-" + pad(d);
    if (!validDate(y, mo, d)) {
      return { ok: false, message: topic(name) + " 달력에 없는 날짜입니다(" + date + "). 다시 확인하세요." };
    }
    if (opts.min && date < opts.min) {
      return { ok: false, message: topic(name) + " " + opts.min + " 이후 날짜로 입력하세요." };
    }
    if (m[4] === undefined) return { ok: true, value: date };
    var h = Number(m[4]), mi = Number(m[5]);
    if (h > 23 || mi > 59) {
      return { ok: false, message: name + "의 시각은 00:00부터 23:59까지 24시간 형식으로 입력하세요(예: 14:30)." };
    }
    return { ok: true, value: date + "T" + pad(h) + ":" + pad(mi) };
  }

  function show(input, message) {
    var box = document.getElementById(input.id + "-error");
    if (message) input.setAttribute("aria-invalid", "true");
    else input.removeAttribute("aria-invalid");
    if (box) {
      box.textContent = message || "";
      box.hidden = !message;
    }
  }

  /* 칸을 검사하고 오류를 표시한다. 올바르면 보기 좋은 형식으로 고쳐 쓴다(20270101 → 2027-01-01). */
  function parseInput(input) {
    return parse(input.value, {
      label: labelOf(input), min: input.getAttribute("data-date-min") || "",
      time: input.getAttribute("data-date-time") || ""
    });
  }

  function read(input) {
    var out = parseInput(input);
    show(input, out.ok ? "" : out.message);
    if (out.ok && out.value) input.value = out.value.replace("T", " ");
    return out;
  }

  function init() {
    document.querySelectorAll("input.date-input").forEach(function (input) {
      // 칸을 떠날 때는 올바른 값만 고쳐 쓴다. 오류는 보낼 때 보여 준다(떠나는 순간 문구가 생기면 화면이
      // 밀려 누르려던 단추를 놓칠 수 있음).
      input.addEventListener("change", function () { if (parseInput(input).ok) read(input); });
      input.addEventListener("input", function () { if (input.getAttribute("aria-invalid")) show(input, ""); });
    });
  }

  window.DasanDates = { read: read, parse: parse };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
