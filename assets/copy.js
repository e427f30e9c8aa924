// The Copy button beside each fingerprint. It is revealed only where the clipboard can be
// written, so a reader without JavaScript never meets a button that does nothing. What it
// says comes with it, in the page's language (data-copied, data-refused).

for (const box of document.querySelectorAll(".fingerprint")) {
  const digits = box.querySelector(".fingerprint-digits");
  const button = box.querySelector(".copy-button");
  const status = box.querySelector(".copy-status");
  if (!digits || !button || !status || !navigator.clipboard) continue;
  const { copied, refused } = button.dataset;
  if (!copied || !refused) continue;

  let clearing;
  const announce = (message, failed) => {
    clearTimeout(clearing);
    status.classList.toggle("is-failed", failed);
    status.textContent = message;
    if (!failed) clearing = setTimeout(() => (status.textContent = ""), 5000);
  };

  button.addEventListener("click", async () => {
    // Emptied first, so that copying again is announced again.
    status.textContent = "";
    try {
      // The unbroken hex digits, as gpg --recv-keys and a fingerprint comparison take them.
      await navigator.clipboard.writeText(digits.textContent.replace(/\s+/g, ""));
      announce(copied, false);
    } catch {
      // Shown to the reader, with the text selected so a keyboard copy still works.
      getSelection()?.selectAllChildren(digits);
      announce(refused, true);
    }
  });
  button.hidden = false;
}
