import markdownIt from "markdown-it";
import { describe, expect, it } from "vitest";
import headingIds, { slugify } from "../src/markdown/heading-ids.ts";

describe("slugify", () => {
  // GitHub's rules, as github-slugger's fixtures (rendered by GitHub) show them: no space or hyphen merged, "_" kept, symbols and other punctuation left out.
  it.each([
    ["Reporting a vulnerability", "reporting-a-vulnerability"],
    ["Cómo informar", "cómo-informar"],
    ["Отчёт об уязвимости", "отчёт-об-уязвимости"],
    ["What's in scope?", "whats-in-scope"],
    ["Scope & rewards", "scope--rewards"],
    ["Keys - current and previous", "keys---current-and-previous"],
    ["The SECURITY_CONTACT variable", "the-security_contact-variable"],
    ["verify(key, [options])", "verifykey-options"],
    ["Pre–release builds", "prerelease-builds"],
    ["We ❤ reports", "we--reports"],
    ["The team’s promise", "the-teams-promise"],
    ["Version 2.x (LTS)", "version-2x-lts"],
  ])("%s -> %s", (heading, id) => {
    expect(slugify(heading)).toBe(id);
  });
});

describe("headingIds", () => {
  it("gives a repeated heading -1, -2 after its id, as GitHub does, and adds no permalink unless asked", () => {
    const md = markdownIt().use(headingIds);
    expect(md.render("## Supported versions\n\n## Supported versions\n\n## Supported versions 1\n")).toBe(
      '<h2 id="supported-versions">Supported versions</h2>\n<h2 id="supported-versions-1">Supported versions</h2>\n<h2 id="supported-versions-1-1">Supported versions 1</h2>\n',
    );
  });
});
