// The request form (portal and counter), as a progressive enhancement: without script every field shows, under
// headings that say whom it is for; with it, only the chosen kind of applicant's fields show. A form sent back with
// errors takes the focus to the first field at fault (the summary at the top links to every one of them).
(function () {
  'use strict';

  function showChosenKind(fields) {
    var chosen = fields.querySelector('input[name="applicantKind"]:checked');
    fields.querySelectorAll('[data-applicant-kind]').forEach(function (group) {
      group.hidden = chosen !== null && group.getAttribute('data-applicant-kind') !== chosen.value;
    });
  }

  document.querySelectorAll('.fields').forEach(function (fields) {
    fields.querySelectorAll('input[name="applicantKind"]').forEach(function (radio) {
      radio.addEventListener('change', function () { showChosenKind(fields); });
    });
    showChosenKind(fields);
  });

  var firstError = document.querySelector('.fields [aria-invalid="true"]');
  if (firstError) {
    firstError.focus();
  }
})();
