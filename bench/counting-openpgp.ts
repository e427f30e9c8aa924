/** openpgp with every key parse counted; bench/count-hooks.mjs routes the project's imports here. */
import * as openpgp from "openpgp";
import { countCall } from "./counts.ts";

export * from "openpgp";

function counted<F extends (...args: never[]) => unknown>(name: string, read: F): F {
  return ((...args: Parameters<F>) => {
    countCall(`openpgp.${name}`);
    return read(...args);
  }) as F;
}

export const readKey = counted("readKey", openpgp.readKey);
export const readKeys = counted("readKeys", openpgp.readKeys);
export const readPrivateKey = counted("readPrivateKey", openpgp.readPrivateKey);
export const readPrivateKeys = counted("readPrivateKeys", openpgp.readPrivateKeys);
