// Every advisory: its page at /security/advisories/<id>/ (the file's name is its id), in the advisory layout, in the feed's collection.
export default {
  layout: "layouts/advisory.njk",
  tags: ["advisory"],
  eleventyComputed: {
    permalink: (data) => `/security/advisories/${data.page.fileSlug}/`,
  },
};
