// The match-finder demo pages: registers the element (and the json adapter for `src`), and logs
// the two events to show what leaves the widget: step numbers and ranked ids, never answers.
import '@sozial-innovativ/match-finder/define';

const log = document.querySelector('#events');
for (const type of ['si-match-step', 'si-match-complete'] as const) {
  document.addEventListener(type, (e) => {
    if (!log) return;
    const li = document.createElement('li');
    li.textContent = `${type}: ${JSON.stringify(e.detail)}`;
    log.append(li);
  });
}
