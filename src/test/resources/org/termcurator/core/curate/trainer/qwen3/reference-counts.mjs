// node reference-counts.mjs  (with @huggingface/tokenizers installed) -> token-counts.json
import { Tokenizer } from "@huggingface/tokenizers";
import fs from "fs";
const here = new URL(".", import.meta.url).pathname;
const tokenizer = new Tokenizer(JSON.parse(fs.readFileSync(here + "tokenizer.json", "utf8")),
    JSON.parse(fs.readFileSync(here + "tokenizer_config.json", "utf8")));
const texts = JSON.parse(fs.readFileSync(here + "rendered.json", "utf8"));
const counts = texts.map(t => tokenizer.encode(t, { add_special_tokens: false }).ids.length);
fs.writeFileSync(here + "token-counts.json", JSON.stringify(counts) + "\n");
