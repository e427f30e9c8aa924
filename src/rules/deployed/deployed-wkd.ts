import { defineRule } from "../rule.ts";

export default defineRule({
  id: "deployed-wkd",
  severity: "error",
  family: "deployed",
  summary: "A Web Key Directory answer is missing, armored, another key, without the address, of another type than application/octet-stream, or without Access-Control-Allow-Origin: *, or its policy file is missing.",
  disable: "no",
  messages: {},
});
