// The report page: the form's fields become one plain-text report, encrypted in the browser to
// every current key of the contacts, with openpgp.js's lightweight build from this site. It is
// loaded when the form is first used, and nothing is sent anywhere: the page's policy allows no
// connection, and the researcher sends the result.
const form = document.querySelector("[data-report-form]");
const result = document.querySelector("[data-report-result]");
const keysTemplate = document.querySelector("[data-report-keys]");

/** RFC 6068 sets no limit; browsers and mail clients do (2,046 characters for Outlook from Chrome or Firefox, about 2,008 in Firefox itself). */
const MAILTO_LIMIT = 2000;

if (form && result && keysTemplate) {
  document.querySelector("[data-report-nojs]")?.setAttribute("hidden", "");
  form.hidden = false;

  let library;
  const load = () => (library ??= import("/assets/openpgp/openpgp.min.mjs"));
  form.addEventListener("focusin", load, { once: true });

  const error = form.querySelector(".report-error");
  const button = form.querySelector(".report-encrypt");
  const armoredBox = result.querySelector(".report-armored");
  const status = result.querySelector(".report-status");
  const download = result.querySelector(".report-download");
  const mail = result.querySelector(".report-mail");
  const copy = result.querySelector(".report-copy");
  const label = button.textContent;
  let downloadUrl;

  /** Label, then the answer as typed, each field after a blank line: the prefilled mail's shape. */
  const plainText = () => {
    const parts = [];
    let written = false;
    for (const field of form.querySelectorAll("[data-label]")) {
      // As typed: a stack trace's indentation is part of the report.
      const value = field.value.replace(/\r\n?/g, "\n");
      if (value.trim() !== "") written = true;
      parts.push(`${field.dataset.label}\n${value}`);
    }
    return written ? `${parts.join("\n\n")}\n` : undefined;
  };

  const mailHref = (body) => {
    const encode = (text) => encodeURIComponent(text).replace(/%0A/g, "%0D%0A");
    return `mailto:${mail.dataset.to}?subject=${encode(mail.dataset.subject)}&body=${encode(body)}`;
  };

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    error.textContent = "";
    const text = plainText();
    if (text === undefined) {
      error.textContent = error.dataset.empty;
      form.querySelector("textarea")?.focus();
      return;
    }
    button.disabled = true;
    button.textContent = button.dataset.busy;
    try {
      const openpgp = await load();
      const keys = [];
      for (const block of keysTemplate.content.querySelectorAll("pre")) {
        // A key file may hold a rotation's previous keys too: encrypt to the current one only.
        const read = await openpgp.readKeys({ armoredKeys: block.textContent });
        keys.push(...read.filter((key) => key.getFingerprint() === block.dataset.fingerprint));
      }
      const armored = await openpgp.encrypt({ message: await openpgp.createMessage({ text }), encryptionKeys: keys });
      armoredBox.value = armored;
      if (downloadUrl) URL.revokeObjectURL(downloadUrl);
      downloadUrl = URL.createObjectURL(new Blob([armored], { type: "application/pgp-encrypted" }));
      download.href = downloadUrl;
      const whole = mailHref(armored);
      mail.href = whole.length <= MAILTO_LIMIT ? whole : mailHref(`${mail.dataset.attach}\n`);
      result.hidden = false;
      result.querySelector("h2").focus();
    } catch (failure) {
      error.textContent = error.dataset.failed.replace("{reason}", failure instanceof Error ? failure.message : String(failure));
    } finally {
      button.disabled = false;
      button.textContent = label;
    }
  });

  copy.addEventListener("click", async () => {
    status.textContent = "";
    status.classList.remove("is-failed");
    try {
      await navigator.clipboard.writeText(armoredBox.value);
      status.textContent = copy.dataset.copied;
    } catch {
      // The browser refused the clipboard: select the message so that Ctrl+C copies it, and say so.
      armoredBox.select();
      status.classList.add("is-failed");
      status.textContent = copy.dataset.refused;
    }
  });
}
