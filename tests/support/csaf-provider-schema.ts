/**
 * OASIS's JSON Schema of CSAF 2.0 provider metadata (schemas/csaf-provider-json-schema-2.0.json,
 * draft 2020-12), with the CSAF document schema it refers to for the publisher: the build's own
 * compiled copy (rule csaf-provider-metadata), for the tests that check what the build publishes.
 */
import { providerMetadataSchema } from "../../src/rules/csaf/csaf-provider-metadata.ts";

export const validateProviderMetadata = await providerMetadataSchema();
