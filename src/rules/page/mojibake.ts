import { defineRule } from "../rule.ts";

export default defineRule({
  id: "mojibake",
  severity: "error",
  family: "text",
  summary: "UTF-8 text mis-decoded as Windows-1252 or Latin-1, and replacement characters.",
  disable: "page",
  messages: {
    misDecoded: '"{{text}}" is UTF-8 text mis-decoded as Windows-1252; write "{{intended}}" instead',
    replacementCharacter:
      '"{{text}}" is U+FFFD, the replacement character: bytes were lost when this text was decoded; retype what was meant from the original',
    lostByte: '"{{text}}" is a UTF-8 character mis-decoded as Windows-1252 that lost a byte (U+FFFD); retype the character that was meant',
    lostByteOfQuote:
      '"{{text}}" is a UTF-8 character mis-decoded as Windows-1252 that lost a byte (U+FFFD); retype the character that was meant (most likely "”")',
  },
});
