// Built only where an advisory credits someone: security.txt's Acknowledgments then points here.
export default {
  eleventyComputed: {
    permalink: (data) => ((data.advisories ?? []).some((a) => a.credits.length > 0) ? "/security/thanks/" : false),
  },
};
