/**
 * Every rule, made from the list of rule modules (src/rules/<what it reads>/<id>.ts): nothing
 * else lists a rule. The ids form a union type, so a finding with a mistyped id does not compile.
 * Each rule has a page at docs/rules/<id>.md; tests/rules.test.ts fails when one is missing or
 * disagrees.
 */
import fingerprintMalformed from "./page/fingerprint-malformed.ts";
import fingerprintMismatch from "./page/fingerprint-mismatch.ts";
import fingerprintAddressMismatch from "./page/fingerprint-address-mismatch.ts";
import fingerprintNotShown from "./publish/fingerprint-not-shown.ts";
import fingerprintUnverified from "./key/fingerprint-unverified.ts";
import keyUnreadable from "./key/key-unreadable.ts";
import keyWrongBlock from "./key/key-wrong-block.ts";
import keyMultiple from "./key/key-multiple.ts";
import keyRotationUnfinished from "./key/key-rotation-unfinished.ts";
import keyPrivate from "./key/key-private.ts";
import keyFingerprintMismatch from "./key/key-fingerprint-mismatch.ts";
import keyUidMismatch from "./key/key-uid-mismatch.ts";
import keyRevoked from "./key/key-revoked.ts";
import keyExpired from "./key/key-expired.ts";
import keyExpiring from "./key/key-expiring.ts";
import keyExpiresEarly from "./key/key-expires-early.ts";
import keyExpiresClose from "./key/key-expires-close.ts";
import keyNoEncryption from "./key/key-no-encryption.ts";
import keyUnused from "./key/key-unused.ts";
import keyserverMismatch from "./page/keyserver-mismatch.ts";
import keyLinkUnverifiable from "./page/key-link-unverifiable.ts";
import mailtoInvalid from "./page/mailto-invalid.ts";
import mailtoUndeclared from "./page/mailto-undeclared.ts";
import addressUndeclared from "./page/address-undeclared.ts";
import mailtoTextMismatch from "./page/mailto-text-mismatch.ts";
import mailtoRewritten from "./source/mailto-rewritten.ts";
import linkTextHost from "./page/link-text-host.ts";
import linkInsecure from "./source/link-insecure.ts";
import mojibake from "./page/mojibake.ts";
import encodingInvalid from "./source/encoding-invalid.ts";
import anchorMissing from "./page/anchor-missing.ts";
import anchorDuplicate from "./page/anchor-duplicate.ts";
import pageEmpty from "./source/page-empty.ts";
import pageTooLarge from "./source/page-too-large.ts";
import frontMatterInvalid from "./source/front-matter-invalid.ts";
import layoutMissing from "./source/layout-missing.ts";
import permalinkDuplicate from "./build/permalink-duplicate.ts";
import permalinkOutside from "./build/permalink-outside.ts";
import translationDrift from "./page/translation-drift.ts";
import translationStale from "./source/translation-stale.ts";
import translationUrl from "./source/translation-url.ts";
import stringsMissing from "./data/strings-missing.ts";
import stringsInvalid from "./data/strings-invalid.ts";
import advisoryField from "./advisory/advisory-field.ts";
import advisoryId from "./advisory/advisory-id.ts";
import advisoryDuplicate from "./advisory/advisory-duplicate.ts";
import advisoryDate from "./advisory/advisory-date.ts";
import advisoryCvss from "./advisory/advisory-cvss.ts";
import advisoryRange from "./advisory/advisory-range.ts";
import advisoryReference from "./advisory/advisory-reference.ts";
import advisoryProductUnknown from "./advisory/advisory-product-unknown.ts";
import dataMissing from "./data/data-missing.ts";
import dataInvalid from "./data/data-invalid.ts";
import dataDuplicateKey from "./data/data-duplicate-key.ts";
import securitytxtExpires from "./data/securitytxt-expires.ts";
import securitytxtExpiring from "./data/securitytxt-expiring.ts";
import supportPeriodShort from "./data/support-period-short.ts";
import craInformationMissing from "./data/cra-information-missing.ts";
import securitytxtPolicy from "./publish/securitytxt-policy.ts";
import securitytxtUrl from "./data/securitytxt-url.ts";
import securitytxtInvalid from "./publish/securitytxt-invalid.ts";
import securitytxtRecommendation from "./publish/securitytxt-recommendation.ts";
import securitytxtSignature from "./publish/securitytxt-signature.ts";
import signRefused from "./publish/sign-refused.ts";
import publishConflict from "./publish/publish-conflict.ts";
import publishKeyPath from "./data/publish-key-path.ts";
import headersCsp from "./publish/headers-csp.ts";
import outputSecret from "./publish/output-secret.ts";
import templateError from "./build/template-error.ts";
import buildError from "./build/build-error.ts";
import deployedUnreachable from "./deployed/deployed-unreachable.ts";
import deployedSecuritytxt from "./deployed/deployed-securitytxt.ts";
import deployedSecuritytxtExpiring from "./deployed/deployed-securitytxt-expiring.ts";
import deployedPage from "./deployed/deployed-page.ts";
import deployedKey from "./deployed/deployed-key.ts";
import deployedKeyserver from "./deployed/deployed-keyserver.ts";
import deployedSecurityMd from "./deployed/deployed-security-md.ts";
import deployedWkd from "./deployed/deployed-wkd.ts";
import csafDocumentInvalid from "./csaf/csaf-document-invalid.ts";
import csafFilename from "./csaf/csaf-filename.ts";
import csafTls from "./csaf/csaf-tls.ts";
import csafTlpWhite from "./csaf/csaf-tlp-white.ts";
import csafTlpRestricted from "./csaf/csaf-tlp-restricted.ts";
import csafProviderMetadata from "./csaf/csaf-provider-metadata.ts";
import csafSecuritytxt from "./csaf/csaf-securitytxt.ts";
import csafWellKnown from "./csaf/csaf-well-known.ts";
import csafYearFolder from "./csaf/csaf-year-folder.ts";
import csafIndex from "./csaf/csaf-index.ts";
import csafChanges from "./csaf/csaf-changes.ts";
import csafRolieFeed from "./csaf/csaf-rolie-feed.ts";
import csafRolieService from "./csaf/csaf-rolie-service.ts";
import csafRolieCategory from "./csaf/csaf-rolie-category.ts";
import csafHash from "./csaf/csaf-hash.ts";
import csafSignature from "./csaf/csaf-signature.ts";
import csafPublicKey from "./csaf/csaf-public-key.ts";
import deployedCsaf from "./deployed/deployed-csaf.ts";
import suppressionUnknown from "./source/suppression-unknown.ts";
import suppressionUnused from "./source/suppression-unused.ts";
import suppressionForbidden from "./source/suppression-forbidden.ts";
import type { Rule } from "./rule.ts";

export type { RuleFamily, Severity } from "./rule.ts";

/** The rules in the order the rules table lists them. */
export const ALL_RULES = [
  fingerprintMalformed,
  fingerprintMismatch,
  fingerprintAddressMismatch,
  fingerprintNotShown,
  fingerprintUnverified,
  keyUnreadable,
  keyWrongBlock,
  keyMultiple,
  keyRotationUnfinished,
  keyPrivate,
  keyFingerprintMismatch,
  keyUidMismatch,
  keyRevoked,
  keyExpired,
  keyExpiring,
  keyExpiresEarly,
  keyExpiresClose,
  keyNoEncryption,
  keyUnused,
  keyserverMismatch,
  keyLinkUnverifiable,
  mailtoInvalid,
  mailtoUndeclared,
  addressUndeclared,
  mailtoTextMismatch,
  mailtoRewritten,
  linkTextHost,
  linkInsecure,
  mojibake,
  encodingInvalid,
  anchorMissing,
  anchorDuplicate,
  pageEmpty,
  pageTooLarge,
  frontMatterInvalid,
  layoutMissing,
  permalinkDuplicate,
  permalinkOutside,
  translationDrift,
  translationStale,
  translationUrl,
  stringsMissing,
  stringsInvalid,
  advisoryField,
  advisoryId,
  advisoryDuplicate,
  advisoryDate,
  advisoryCvss,
  advisoryRange,
  advisoryReference,
  advisoryProductUnknown,
  csafDocumentInvalid,
  csafFilename,
  csafTls,
  csafTlpWhite,
  csafTlpRestricted,
  csafProviderMetadata,
  csafSecuritytxt,
  csafWellKnown,
  csafYearFolder,
  csafIndex,
  csafChanges,
  csafRolieFeed,
  csafRolieService,
  csafRolieCategory,
  csafHash,
  csafSignature,
  csafPublicKey,
  dataMissing,
  dataInvalid,
  dataDuplicateKey,
  supportPeriodShort,
  craInformationMissing,
  securitytxtExpires,
  securitytxtExpiring,
  securitytxtPolicy,
  securitytxtUrl,
  securitytxtInvalid,
  securitytxtRecommendation,
  securitytxtSignature,
  signRefused,
  publishConflict,
  publishKeyPath,
  headersCsp,
  outputSecret,
  templateError,
  buildError,
  deployedUnreachable,
  deployedSecuritytxt,
  deployedSecuritytxtExpiring,
  deployedPage,
  deployedKey,
  deployedKeyserver,
  deployedSecurityMd,
  deployedWkd,
  deployedCsaf,
  suppressionUnknown,
  suppressionUnused,
  suppressionForbidden,
] as const;

/** A registered rule id: a typo is a type error. */
export type RuleId = (typeof ALL_RULES)[number]["id"];

export type RuleMeta = Rule;

export const RULES = Object.fromEntries(ALL_RULES.map((rule) => [rule.id, rule])) as unknown as { readonly [Id in RuleId]: Extract<(typeof ALL_RULES)[number], { id: Id }> };

export const RULE_IDS: readonly RuleId[] = ALL_RULES.map((rule) => rule.id);

export function isRuleId(id: string): id is RuleId {
  return Object.hasOwn(RULES, id);
}

/** Where a rule's documentation lives, from the repository's root. */
export function ruleDocPath(id: RuleId): string {
  return `docs/rules/${id}.md`;
}
