/**
 * Two to four results side by side, as a pure template: a real data table with a caption, the
 * questions as rows (row headers), the person's answer and then each offer as columns (column
 * headers). Each cell says how the offer fits in words with a symbol beside them, and what the
 * offer states; two-sided questions have a second row for the offer's own wish. Below 600 px of
 * the widget's own width the table is stacked (a container query in the styles).
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { AttributeValue, Question } from '@sozial-innovativ/core';
import { explainMatch } from '../engine/engine.js';
import type { CriterionResult, RangeAnswer, RankedMatch } from '../engine/types.js';
import { contactWays } from './contact.js';
import { SYMBOL, answerText, backButton, button, heading, pct, type View } from './parts.js';

export function renderCompare(v: View): TemplateResult {
  const { t, state, on } = v;
  const matches = state.compared;
  const explained = matches.map((m) => explainMatch(state.prepared, state.answers, m.index));
  const rows: TemplateResult[] = [];
  const row = (header: string, answer: string, cell: (m: RankedMatch, k: number) => TemplateResult | string) =>
    rows.push(html`<tr>
      <th scope="row">${header}</th>
      <td data-label=${t('yourAnswer')}>${answer}</td>
      ${matches.map((m, k) => html`<td data-label=${m.offer.name}>${cell(m, k)}</td>`)}
    </tr>`);
  if (v.showScore) row(t('overall'), '', (m) => (m.compared ? `${pct(m.score)} %` : t('notCompared')));
  state.questions.forEach((q, qi) => {
    const answer = answerText(v, q);
    for (const side of ['me', 'them'] as const) {
      const values = side === 'me' ? state.prepared.mine[qi] : state.prepared.theirs[qi];
      if (!values && !(side === 'me' && q.kind === 'location')) continue;
      const label = v.label(q);
      row(side === 'them' ? t('theirWish', label) : label, answer, (m, k) => {
        const c = explained[k]!.find((x) => x.questionId === q.id && x.side === side);
        const offerValue = q.kind === 'location' ? m.offer.location?.town : formatValue(v, q, values?.[m.index]);
        return fitCell(v, c, offerValue);
      });
    }
  });
  row(t('contact'), '', (m) => {
    const ways = contactWays(m.offer);
    return ways.length ? html`<ul class="plain">${ways.map((w) => html`<li>${t(w.kind)}: <a href=${w.href}>${w.text}</a></li>`)}</ul>` : '';
  });
  return html`<section part="compare" class="compare" aria-labelledby="heading">
    ${backButton(v, t('backToResults'))}
    ${heading(t('compareHeading', matches.length))}
    <div class="compare-scroll">
      <table part="compare-table">
        <caption>${t('compareCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">${t('criterion')}</th>
            <th scope="col">${t('yourAnswer')}</th>
            ${matches.map((m) => html`<th scope="col">${m.offer.name}</th>`)}
          </tr>
        </thead>
        <tbody>${rows}</tbody>
      </table>
    </div>
    <div class="actions">${button('print-button', t('print'), on.print)}</div>
  </section>`;
}

/** How one criterion fits, in words with a symbol (not colour alone), and what the offer states. */
function fitCell(v: View, c: CriterionResult | undefined, offerValue: string | undefined): TemplateResult {
  const t = v.t;
  const outcome = c?.outcome ?? 'unknown';
  const word = !c ? t('notCompared') : outcome === 'unknown' ? t('unknown') : t(outcome);
  const distance = c?.distanceKm === undefined ? '' : `, ${t('distance', v.number(c.distanceKm))}`;
  return html`<span class="fit ${outcome}"><span aria-hidden="true">${SYMBOL[outcome]}</span> ${word}</span> ${offerValue
    ? html`<span class="offer-value">${t('offerSays', offerValue)}${distance}</span>`
    : distance ? html`<span class="offer-value">${distance.slice(2)}</span>` : nothing}`;
}

/** An offer's stated value for a question, as a person reads it. */
function formatValue(v: View, q: Question, value: AttributeValue | undefined): string | undefined {
  if (value === undefined) return undefined;
  const t = v.t;
  const unit = q.unit ? ` ${q.unit}` : '';
  const label = (x: string | number) => v.text(q.options.find((o) => o.value === String(x))?.label) || String(x);
  if (typeof value === 'boolean') return value ? t('yes') : t('no');
  if (typeof value === 'number') return q.options.length ? label(value) : `${v.number(value)}${unit}`;
  if (typeof value === 'string') return label(value);
  if (Array.isArray(value)) return value.map(label).join(', ');
  const r = value as RangeAnswer;
  return (['min', 'max'] as const).filter((k) => r[k] !== undefined).map((k) => `${t(k === 'min' ? 'from' : 'to')} ${v.number(r[k]!)}${unit}`).join(', ');
}
