/* When will I get an answer? The browser's twin of digicharter/schoolyear/answer_time.py.
 *
 * Moments are the school's wall-clock time, held as minutes in a Date's UTC fields so that
 * no time zone or daylight-saving change of the reader's device can shift them. The days off
 * come from the charter's build (no calendar rule is computed twice). Tested against vectors
 * generated from the Python reference, in Chromium.
 */
(function (root) {
  "use strict";
  var DAY = 24 * 60;

  function isoDay(minutes) { return new Date(minutes * 60000).toISOString().slice(0, 10); }
  function weekday(minutes) { return (new Date(minutes * 60000).getUTCDay() + 6) % 7; } // Monday 0
  function startOfDay(minutes) { return Math.floor(minutes / DAY) * DAY; }
  function clock(text) { var p = text.split(":"); return Number(p[0]) * 60 + Number(p[1]); }

  function Calendar(days) {
    this.noSchool = new Set(days.no_school);
    this.freeWeekdays = new Set(days.free_weekdays);
    this.first = days.first;
    this.last = days.last;
  }
  Calendar.prototype.covers = function (minutes) {
    var day = isoDay(minutes);
    return day >= this.first && day <= this.last;
  };
  Calendar.prototype.counts = function (kind) {
    var self = this;
    if (kind === "calendar_days") { return function () { return true; }; }
    if (kind === "weekdays") {
      return function (m) { return weekday(m) < 5 && !self.freeWeekdays.has(isoDay(m)); };
    }
    return function (m) { return weekday(m) < 5 && !self.noSchool.has(isoDay(m)); };
  };

  function addCountedHours(start, hours, counts) {
    var moment = start, remaining = hours * 60;
    for (var i = 0; i < 3660; i++) {
      var next = startOfDay(moment) + DAY;
      if (counts(moment)) {
        if (remaining <= next - moment) { return moment + remaining; }
        remaining -= next - moment;
      }
      moment = next;
    }
    return null;
  }

  function nextWindow(moment, opens, closes, on) {
    for (var i = 0; i < 3660; i++) {
      if (on(moment)) {
        var day = startOfDay(moment);
        if (moment < day + opens) { return day + opens; }
        if (moment <= day + closes) { return moment; }
      }
      moment = startOfDay(moment) + DAY;
    }
    return null;
  }

  /* rule: {hours, counted_in, day_start: "08:30", sends_until: "17:00"}; sent: wall-clock minutes. */
  function answerDue(sent, rule, calendar) {
    var raw = addCountedHours(sent, rule.hours, calendar.counts(rule.counted_in));
    if (raw === null) { return null; }
    var kind = rule.counted_in === "calendar_days" ? "school_days" : rule.counted_in;
    return nextWindow(raw, clock(rule.day_start), clock(rule.sends_until), calendar.counts(kind));
  }

  /* quiet: {evening_from: "20:00", day_start: "08:30"} */
  function isQuiet(moment, quiet, calendar) {
    if (!calendar.counts("school_days")(moment)) { return true; }
    var minute = moment - startOfDay(moment);
    return minute >= clock(quiet.evening_from) || minute < clock(quiet.day_start);
  }

  function readFrom(moment, quiet, calendar) {
    if (!isQuiet(moment, quiet, calendar)) { return moment; }
    var start = clock(quiet.day_start), school = calendar.counts("school_days");
    if (school(moment) && moment - startOfDay(moment) < start) { return startOfDay(moment) + start; }
    var day = startOfDay(moment);
    for (var i = 0; i < 3660; i++) {
      day += DAY;
      if (school(day)) { return day + start; }
    }
    return null;
  }

  /* The school's wall-clock time now, whatever the device's zone: Intl gives its parts. */
  function wallClockNow(date, timeZone) {
    var parts = {};
    new Intl.DateTimeFormat("en-GB", {
      timeZone: timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit",
      hour: "2-digit", minute: "2-digit"
    }).formatToParts(date).forEach(function (p) { parts[p.type] = p.value; });
    return Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute) / 60000;
  }

  root.DigicharterAnswerTime = {
    Calendar: Calendar, answerDue: answerDue, isQuiet: isQuiet, readFrom: readFrom,
    wallClockNow: wallClockNow
  };
})(typeof window !== "undefined" ? window : this);
