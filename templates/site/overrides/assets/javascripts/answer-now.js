/* "If you send now, expect an answer by …" and "now is a quiet time", computed in the reader's browser.
 *
 * The page carries everything in the data-answer attribute of its quiet-time line (JSON: days
 * without school, the response times, the sentences in the page's language), so this
 * works offline, from file:// and without any request. answer-time.js does the arithmetic;
 * this file only writes the result into the page, as text (never as HTML: the sentences come
 * from the charter). Lines stay hidden without JavaScript, or when "now" lies outside the
 * school years the page knows.
 */
(function () {
  "use strict";
  var A = window.DigicharterAnswerTime;

  function pad(number, width) {
    var text = String(number);
    while (text.length < width) { text = "0" + text; }
    return text;
  }

  /* A wall-clock moment (minutes, in a Date's UTC fields) as "HH:MM" and "YYYY-MM-DD". */
  function parts(minutes) {
    var d = new Date(minutes * 60000);
    return { date: d, hour: d.getUTCHours(), minute: d.getUTCMinutes(), iso: d.toISOString().slice(0, 16) };
  }

  /* The language's time pattern (tokens from Babel): H, HH, h, hh, m, mm, a; literal text as is. */
  function formatTime(p, tokens, locale) {
    return tokens.map(function (token) {
      if (token[0] === "chars") { return token[1]; }
      var letter = token[1], width = token[2];
      if (letter === "H") { return pad(p.hour, width); }
      if (letter === "h") { return pad(p.hour % 12 || 12, width); }
      if (letter === "m") { return pad(p.minute, width); }
      if (letter === "a") {
        var found = new Intl.DateTimeFormat(locale, { hour: "numeric", hour12: true, timeZone: "UTC" })
          .formatToParts(p.date).filter(function (x) { return x.type === "dayPeriod"; });
        return found.length ? found[0].value : (p.hour < 12 ? "AM" : "PM");
      }
      return new Intl.DateTimeFormat(locale, { hour: "2-digit", minute: "2-digit", timeZone: "UTC" }).format(p.date);
    }).join("");
  }

  function formatDay(p, locale) {
    return new Intl.DateTimeFormat(locale, { weekday: "long", day: "numeric", month: "long", timeZone: "UTC" })
      .format(p.date);
  }

  /* Fill a sentence's {name} fill-ins with nodes, into element (as text and <time>, never as markup). */
  function fill(element, sentence, values) {
    var nodes = [], rest = sentence;
    while (rest.length) {
      var match = /\{(\w+)\}/.exec(rest);
      if (!match) { nodes.push(document.createTextNode(rest)); break; }
      if (match.index) { nodes.push(document.createTextNode(rest.slice(0, match.index))); }
      var value = values[match[1]];
      nodes.push(value === undefined ? document.createTextNode(match[0])
        : typeof value === "string" ? document.createTextNode(value) : value);
      rest = rest.slice(match.index + match[0].length);
    }
    var text = nodes.map(function (n) { return n.textContent; }).join("");
    if (element.textContent === text) { return; }  // unchanged: a live region must not repeat itself
    element.textContent = "";
    nodes.forEach(function (n) { element.appendChild(n); });
  }

  function momentNode(minutes, data) {
    var p = parts(minutes), node = document.createElement("time");
    node.setAttribute("datetime", p.iso);
    fill(node, data.labels.moment, { day: formatDay(p, data.locale), hour: formatTime(p, data.time, data.locale) });
    return node;
  }

  function update(data, calendar) {
    var now = A.wallClockNow(new Date(), data.zone), known = calendar.covers(now);
    document.querySelectorAll(".dc-answer-now[data-duration]").forEach(function (line) {
      var rule = data.rules[line.getAttribute("data-duration")];
      var due = known && rule ? A.answerDue(now, rule, calendar) : null;
      if (due === null) { line.hidden = true; return; }
      fill(line, data.labels.due, { moment: momentNode(due, data) });
      line.hidden = false;
    });
    document.querySelectorAll(".dc-quiet-now").forEach(function (line) {
      // A live region that stays in the page (empty when it is not quiet): one that
      // appears from display:none is not reliably announced.
      if (!known || !A.isQuiet(now, data.quiet, calendar)) { line.textContent = ""; return; }
      fill(line, data.labels.quiet, { moment: momentNode(A.readFrom(now, data.quiet, calendar), data) });
    });
  }

  function start() {
    var source = document.querySelector(".dc-quiet-now[data-answer]");
    if (!source || !A) { return; }
    var data = JSON.parse(source.getAttribute("data-answer")), calendar = new A.Calendar(data.days);
    update(data, calendar);
    window.setInterval(function () { update(data, calendar); }, 30000);
  }

  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();
