// The accessible tree of a widget, computed in the page the same way in every browser (issue #18):
// axe-core's own role and name computation (`axe.commons.aria.getRole`, `accessibleText`) over
// axe's flattened tree, so shadow roots and slots count as a screen reader sees them. States come
// from the ARIA attributes and their native equivalents. The tree is compared with a reviewed
// JSON snapshot in quality/snapshots/; `UPDATE_SNAPSHOTS=1` rewrites the snapshots.
import { expect } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';

/** One node of the accessible tree: only what assistive technology announces. */
export interface A11yNode {
  role: string;
  name?: string;
  level?: number;
  states?: string[];
  children?: A11yNode[];
}

interface VirtualNode {
  actualNode: Node;
  children: VirtualNode[];
}
interface AxeCommons {
  setup(node: Node): VirtualNode;
  teardown(): void;
  commons: {
    aria: { getRole(node: Element | VirtualNode, options?: { noPresentational?: boolean }): string | null };
    text: { accessibleTextVirtual(node: VirtualNode): string };
    dom: { isVisibleToScreenReaders(node: Element | VirtualNode): boolean };
  };
}
const axe = (window as unknown as { axe: AxeCommons }).axe;

/** Roles that carry no meaning of their own: their children move up to the parent. */
const TRANSPARENT = new Set(['generic', 'presentation', 'none', 'paragraph', 'group', 'Section', 'section']);
const NAME_FROM_CONTENT = new Set(['button', 'link', 'heading', 'option', 'checkbox', 'radio', 'menuitem', 'menuitemcheckbox', 'menuitemradio', 'tab', 'switch', 'cell', 'gridcell', 'columnheader', 'rowheader', 'row', 'term', 'tooltip', 'treeitem']);
const NATIVELY_LABELLED = new Set(['input', 'select', 'textarea', 'img', 'fieldset', 'table', 'figure', 'meter', 'progress', 'output']);
/** Roles whose name is their content: the name is kept, the text children are not repeated. */
const LEAF = new Set(['button', 'link', 'heading', 'option', 'checkbox', 'radio', 'menuitem', 'tab', 'switch', 'textbox', 'searchbox', 'combobox', 'listbox', 'spinbutton', 'slider', 'img']);

function states(el: Element): string[] {
  const out: string[] = [];
  const attr = (name: string) => el.getAttribute(name);
  const input = el as HTMLInputElement;
  if (attr('aria-expanded')) out.push(`expanded=${attr('aria-expanded')}`);
  else if (el.localName === 'summary') out.push(`expanded=${(el.parentElement as HTMLDetailsElement).open}`);
  if (attr('aria-pressed')) out.push(`pressed=${attr('aria-pressed')}`);
  if (attr('aria-selected') === 'true') out.push('selected');
  if (attr('aria-current') && attr('aria-current') !== 'false') out.push(`current=${attr('aria-current')}`);
  if (attr('aria-checked')) out.push(`checked=${attr('aria-checked')}`);
  else if (el.localName === 'input' && ['checkbox', 'radio'].includes(input.type)) out.push(`checked=${input.checked}`);
  if (attr('aria-disabled') === 'true' || (el as HTMLButtonElement).disabled) out.push('disabled');
  if (attr('aria-invalid') && attr('aria-invalid') !== 'false') out.push('invalid');
  if (attr('aria-required') === 'true' || (el as HTMLInputElement).required) out.push('required');
  if (attr('aria-busy') === 'true') out.push('busy');
  if (attr('aria-haspopup') && attr('aria-haspopup') !== 'false') out.push(`haspopup=${attr('aria-haspopup')}`);
  if (attr('aria-modal') === 'true' || (el.localName === 'dialog' && el.matches(':modal'))) out.push('modal');
  const live = attr('aria-live');
  if (live && live !== 'off') out.push(`live=${live}`);
  return out;
}

function level(el: Element, role: string): number | undefined {
  if (role !== 'heading') return undefined;
  const aria = Number(el.getAttribute('aria-level'));
  if (aria) return aria;
  const m = /^h([1-6])$/.exec(el.localName);
  return m ? Number(m[1]) : 2;
}

function walk(v: VirtualNode): A11yNode[] {
  const node = v.actualNode;
  if (node.nodeType === Node.TEXT_NODE) {
    const t = (node.textContent ?? '').replace(/\s+/g, ' ').trim();
    return t ? [{ role: 'text', name: t }] : [];
  }
  if (!(node instanceof Element)) return v.children.flatMap(walk);
  if (['script', 'style', 'template'].includes(node.localName)) return [];
  if (!axe.commons.dom.isVisibleToScreenReaders(v)) return [];
  const role = axe.commons.aria.getRole(v) ?? 'generic';
  const children = LEAF.has(role) ? [] : v.children.flatMap(walk);
  // Only some roles take their name from their content (ARIA 1.2 "name from: contents"); the
  // rest are named by their author or their native label (a legend, a <label>, alt text).
  const nameable = NAME_FROM_CONTENT.has(role) || NATIVELY_LABELLED.has(node.localName) || node.hasAttribute('aria-label') || node.hasAttribute('aria-labelledby');
  const name = nameable ? axe.commons.text.accessibleTextVirtual(v).replace(/\s+/g, ' ').trim() : '';
  if (TRANSPARENT.has(role) && !name && !node.hasAttribute('aria-live')) return mergeText(children);
  const out: A11yNode = { role };
  if (name) out.name = name;
  const lvl = level(node, role);
  if (lvl) out.level = lvl;
  const st = states(node);
  if (st.length) out.states = st;
  const kids = mergeText(children);
  // Named by its content (a term, a cell): the text is announced once, as the name.
  if (kids.length && !(kids.length === 1 && kids[0]!.role === 'text' && kids[0]!.name === name)) out.children = kids;
  return [out];
}

/** Adjacent text runs read as one: split only by markup, they are one phrase to a listener. */
function mergeText(nodes: A11yNode[]): A11yNode[] {
  const out: A11yNode[] = [];
  for (const [i, n] of nodes.entries()) {
    const last = out.at(-1);
    // A control's visible label right before it is its name, not a second announcement.
    if (n.role === 'text' && nodes[i + 1]?.role !== 'text' && nodes[i + 1]?.name === n.name) continue;
    if (n.role === 'text' && last?.role === 'text') last.name = `${last.name} ${n.name}`;
    // ... and so is one right after it.
    else if (n.role === 'text' && last && last.role !== 'text' && last.name === n.name && !last.children) continue;
    else out.push(n);
  }
  return out;
}

/** The accessible tree under `el` (its shadow root included). */
export function accessibleTree(el: Element): A11yNode[] {
  const root = axe.setup(el);
  try {
    return walk(root);
  } finally {
    axe.teardown();
  }
}

/** One line per node, indented: the snapshot's readable form, so a failure shows what changed. */
export function treeLines(nodes: A11yNode[], depth = 0): string[] {
  return nodes.flatMap((n) => [
    `${'  '.repeat(depth)}${n.role}${n.level ? ` (level ${n.level})` : ''}${n.name ? ` "${n.name}"` : ''}${n.states ? ` [${n.states.join(', ')}]` : ''}`,
    ...treeLines(n.children ?? [], depth + 1),
  ]);
}

/** Compares the tree under `el` with the reviewed snapshot `name` (rewritten with UPDATE_SNAPSHOTS=1). */
export async function expectTreeSnapshot(el: Element, name: string): Promise<void> {
  // Lazy views (filters, a dialog's content) arrive a task or two later: compare the settled tree.
  let lines = treeLines(accessibleTree(el));
  for (let i = 0; i < 20; i++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    const again = treeLines(accessibleTree(el));
    if (again.join('\n') === lines.join('\n') && i >= 2) break;
    lines = again;
  }
  const stored = await executeServerCommand<{ updated: boolean; tree: string[] | null }, { name: string; tree: string[] }>('si-snapshot', { name, tree: lines });
  if (stored.updated) return;
  if (!stored.tree) throw new Error(`no reviewed snapshot quality/snapshots/${name}.json: run with UPDATE_SNAPSHOTS=1, review, commit`);
  expect(lines.join('\n'), `accessible tree of ${name}`).to.equal(stored.tree.join('\n'));
}

/**
 * Gives the page the browser's focus again, as a keyboard user does: Tab until the page has it.
 * (Tab from a modal dialog's last control may go to the browser's toolbar; Firefox then still
 * sends keys to the page but no longer activates buttons with them, and neither `window.focus()`,
 * bringing the tab to the front nor a click brings it back.)
 */
export async function focusPage(): Promise<void> {
  for (let i = 0; i < 10 && !document.hasFocus(); i++) await sendKeys({ press: 'Tab' });
  if (!document.hasFocus()) throw new Error('the page did not get the browser focus back');
}

/** Saves a screenshot of the page as quality/artefacts/<name>.<browser>.png; resolves with its path. */
export const screenshot = (name: string) => executeServerCommand<string, { name: string }>('si-screenshot', { name });
