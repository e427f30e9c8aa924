// Every advisory: its page at /security/advisories/<id>/ (its id as written, which the file is named after), in the advisory layout, in the feed's collection.
export default {
  layout: "layouts/advisory.njk",
  tags: ["advisory"],
  eleventyComputed: {
    permalink: (data) => `/security/advisories/${typeof data.id === "string" && /^[A-Za-z0-9._:-]+$/.test(data.id) ? data.id : data.page.fileSlug}/`,
  },
};
