// Annual report: "insert" buttons append a known fact to the section's text.
document.querySelectorAll('button.insert-fact').forEach(function (button) {
  button.addEventListener('click', function () {
    var target = document.getElementById(button.dataset.target);
    var text = button.dataset.text;
    target.value = target.value ? target.value.replace(/\s*$/, '') + '\n' + text : text;
    target.focus();
  });
});
