'use strict';
// JSONL filter: each stdin line {"q": "<soql>"} yields one stdout line {"sf": <bool>, "errors": [...]},
// where sf tells whether Salesforce's own SOQL grammar (@salesforce/soql-common 0.2.2, non-Apex mode,
// API 60, multi-currency) parses the whole text. The bundled SOQLParser().parseQuery() is not used:
// it misses lexer errors and has no EOF check, so the pipeline is built here with listeners on both
// the lexer and the parser, and the next token must be EOF.
const readline = require('readline');
const { CommonTokenStream, Token } = require('antlr4ts');
const base = '@salesforce/soql-common/lib/soql-parser';
const { LowerCasingCharStream } = require(base);
const { SoqlLexer } = require(base + '/generated/SoqlLexer');
const { SoqlParser } = require(base + '/generated/SoqlParser');
const { ParserHelper } = require(base + '/parserHelper');

function sfErrors(q) {
  const errors = [];
  const listener = { syntaxError: (_r, _o, line, col, msg) => errors.push(`${line}:${col} ${msg}`) };
  const lexer = new SoqlLexer(new LowerCasingCharStream(q));
  lexer.removeErrorListeners();
  lexer.addErrorListener(listener);
  const tokens = new CommonTokenStream(lexer);
  const parser = new SoqlParser(tokens);
  parser.removeErrorListeners();
  parser.addErrorListener(listener);
  parser.helper = new ParserHelper(false, 60, true);
  parser.soqlQuery();
  if (tokens.LT(1).type !== Token.EOF) {
    errors.push('trailing input');
  }
  return errors;
}

const rl = readline.createInterface({ input: process.stdin, terminal: false });
rl.on('line', (line) => {
  let result;
  try {
    const errors = sfErrors(JSON.parse(line).q);
    result = { sf: errors.length === 0, errors };
  } catch (e) {
    result = { sf: false, errors: ['oracle failed: ' + e.message] };
  }
  process.stdout.write(JSON.stringify(result) + '\n');
});
