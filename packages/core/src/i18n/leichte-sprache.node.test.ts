import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { catalogProblems, catalogTexts, leichteSpracheProblems, sentences } from './leichte-sprache.js';

describe('Leichte Sprache rules', () => {
  it('passes short, plain sentences with digits', () => {
    assert.deepEqual(leichteSpracheProblems('Sie können sich anmelden. Es gibt 3 Plätze.'), []);
    assert.deepEqual(leichteSpracheProblems('Achtung: Das Angebot ist 12 Kilometer weg.'), []);
  });

  it('splits sentences at the end marks, not inside numbers', () => {
    assert.deepEqual(sentences('Wir haben 1.234 Initiativen gefunden. Zum Beispiel: 600.'), ['Wir haben 1.234 Initiativen gefunden.', 'Zum Beispiel:', '600.']);
  });

  // Probe cases: each bad text must be caught, so the rule check cannot pass by doing nothing.
  const bad: [string, RegExp][] = [
    ['Wählen Sie bitte aus der Liste unten einen Ort oder einen Landkreis aus, in dem Sie wohnen.', /words/],
    ['Sie finden hier Angebote, Beratung, Hilfe und mehr.', /comma/],
    ['Wählen Sie einen Ort; dann geht es weiter.', /semicolon/],
    ['Geben Sie eine Zahl ein, z. B. 600.', /abbreviation "z\. B\."/],
    ['Das Angebot ist 5 km weg.', /abbreviation "km"/],
    ['Es passt zu 80 % zu Ihnen.', /abbreviation "%"/],
    ['Bringen Sie Papier, Stifte usw. mit.', /abbreviation "usw\."/],
    ['Wählen Sie zwei Angebote aus.', /number as a word "zwei"/],
    ['Es gibt zwölf Termine.', /number as a word "zwölf"/],
    ['Das Treffen ist dreimal im Jahr.', /number as a word "dreimal"/],
  ];
  for (const [text, problem] of bad) {
    it(`catches: ${text}`, () => {
      const problems = leichteSpracheProblems(text);
      assert.ok(problems.some((p) => problem.test(p)), `expected ${problem} in ${JSON.stringify(problems)}`);
    });
  }

  it('does not mistake words that contain a number word or an abbreviation', () => {
    assert.deepEqual(leichteSpracheProblems('Achten Sie auf die Elfen. Die Dreier-Gruppe trifft sich im Kaffee-Haus.'), []);
  });

  it('calls message functions with sample arguments', () => {
    const texts = catalogTexts({ a: 'Text', b: (n: number) => `${n} Angebote`, c: (x: number, y: number) => `${x} von ${y}` });
    assert.deepEqual(texts.map((t) => t.key), ['a', 'b', 'b', 'b', 'c', 'c', 'c']);
    assert.equal(texts[1]!.text, '1 Angebote');
    assert.equal(texts[4]!.text, '1 von 2');
  });
});

describe('catalogProblems', () => {
  it('finds a key German lacks, a value of another kind and a text that breaks a rule', () => {
    const german = { title: 'Titel', count: (n: number) => `${n} Einträge`, hint: 'Hinweis' };
    const ls = { title: 'Der Titel.', count: 'Viele', extra: 'Mehr.', hint: 'Das ist z. B. ein Hinweis.' };
    assert.deepEqual(catalogProblems(ls, german).map((p) => p.split(':')[0]), ['count', 'extra', 'hint']);
    assert.deepEqual(catalogProblems({ title: 'Der Titel.' }, german), []);
  });
});
