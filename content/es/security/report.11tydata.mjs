// Built only where the site has the first contact's public key: without one there is nothing to encrypt to.
export default {
  eleventyComputed: {
    permalink: (data) => (data.policy?.contacts?.[0]?.key?.publicArmored ? "/es/security/report/" : false),
  },
};
