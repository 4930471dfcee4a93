/* Starts the deck: reveal.js with the speaker-notes plugin (key S opens the speaker view with the
   notes, the next slide and a timer). The configuration comes from the build, as JSON in the page. */
(function () {
  "use strict";
  var config = JSON.parse(document.getElementById("deck-config").textContent);
  config.plugins = [RevealNotes];
  Reveal.initialize(config);

  // The keyboard hint is for the presenter: it fades after a few seconds or at the first key.
  var hint = document.getElementById("deck-hint");
  function hideHint() {
    hint.classList.add("is-hidden");
    document.removeEventListener("keydown", hideHint);
  }
  if (/receiver/.test(window.location.search)) {
    hint.hidden = true; // inside the speaker view's previews
  } else {
    document.addEventListener("keydown", hideHint);
    window.setTimeout(hideHint, 8000);
  }
})();
