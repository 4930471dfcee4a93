/*
 * Whole words found by their stem: "afwezigheid" finds "afwezigheden".
 *
 * The theme's search appends a wildcard to every word typed ("afwezigheid*"),
 * and lunr.js does not stem a word with a wildcard, so with a stemmed index a
 * complete word would find nothing, and without one a different form of the
 * word finds nothing. This adds, next to each plain word, the same word with
 * a neutral boost ("afwezigheid^1"): the theme leaves that one without a
 * wildcard, lunr stems it in the page's language, and it matches every form.
 * Anything else the theme sends to its search worker passes unchanged.
 */
(function () {
  "use strict";
  var QUERY = 2; /* the theme's message type for a search query */
  var plainWord = /^[^\s+\-~^*:"]+$/;
  var post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (message) {
    if (message && message.type === QUERY && typeof message.data === "string") {
      var words = message.data.trim().split(/\s+/);
      var stemmed = words.filter(function (word) { return plainWord.test(word); })
                         .map(function (word) { return word + "^1"; });
      if (stemmed.length) {
        arguments[0] = { type: message.type, data: words.concat(stemmed).join(" ") };
      }
    }
    return post.apply(this, arguments);
  };
})();
