// Block editor side of the three widget blocks: sidebar controls and a live preview. Plain JS on
// the wp.* globals (no build step); the preview is ServerSideRender, i.e. the same PHP renderer as
// the published page, upgraded by the same bundled embed.js.
(function (wp, config) {
  const h = wp.element.createElement;
  const { Fragment, useState } = wp.element;
  const { InspectorControls, useBlockProps } = wp.blockEditor;
  const { BaseControl, Button, ColorPalette, Notice, PanelBody, SelectControl, TextControl, ToggleControl } = wp.components;
  const ServerSideRender = wp.serverSideRender;
  const L = config.labels;
  const OWN_URL = '\u0000url';
  const format = (text, ...args) => args.reduce((t, a, i) => t.replace(`%${i + 1}$s`, a).replace(/%[sd]/, a), text);

  /** WCAG 2.2 relative luminance and contrast ratio, as demo/configurator.ts computes them. */
  const luminance = (hex) => {
    const full = hex.length === 4 ? `#${[...hex.slice(1)].map((c) => c + c).join('')}` : hex;
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(full.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const contrastRatio = (a, b) => {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (hi + 0.05) / (lo + 0.05);
  };
  const COLOURS = [['themeText', '#1b1b1b'], ['themeSurface', '#ffffff'], ['themeAccent', '#0b5cad'], ['themeAccentContrast', '#ffffff']];
  const CHECKS = [['themeText', 'themeSurface', 'textOnSurface'], ['themeAccent', 'themeSurface', 'accentOnSurface'], ['themeAccentContrast', 'themeAccent', 'onAccent']];
  const isHex = (v) => /^#(?:[\da-f]{3}|[\da-f]{6})$/i.test(v || '');

  /** Widget-specific controls: [attribute, kind, label key, choices]. */
  const CONTROLS = {
    'event-calendar': [
      ['view', 'select', 'view', [['', L.default], ['list', L.viewList], ['month', L.viewMonth]]],
      ['heading', 'text', 'heading'],
      ['limit', 'number', 'limit'],
      ['months', 'number', 'months'],
      ['topics', 'text', 'topics'],
      ['towns', 'text', 'towns'],
      ['hideFilters', 'toggle', 'hideFilters'],
    ],
    'initiative-cards': [
      ['layout', 'select', 'layout', [['', L.default], ['grid', L.layoutGrid], ['list', L.viewList]]],
      ['heading', 'text', 'heading'],
      ['pageSize', 'number', 'pageSize'],
      ['topics', 'text', 'topics'],
      ['districts', 'text', 'districts'],
      ['hideFilters', 'toggle', 'hideFilters'],
    ],
    'match-finder': [
      ['heading', 'text', 'heading'],
      ['share', 'toggle', 'share'],
    ],
  };

  function control([attr, kind, label, choices], attributes, setAttributes) {
    const props = { key: attr, label: L[label], __nextHasNoMarginBottom: true };
    if (kind === 'select') return h(SelectControl, { ...props, value: attributes[attr] || '', options: choices.map(([value, text]) => ({ value, label: text })), onChange: (v) => setAttributes({ [attr]: v }) });
    if (kind === 'toggle') return h(ToggleControl, { ...props, checked: !!attributes[attr], onChange: (v) => setAttributes({ [attr]: v }) });
    if (kind === 'number') return h(TextControl, { ...props, type: 'number', min: 1, value: attributes[attr] ?? '', onChange: (v) => setAttributes({ [attr]: v === '' ? undefined : Math.max(1, parseInt(v, 10) || 1) }) });
    return h(TextControl, { ...props, value: attributes[attr] || '', onChange: (v) => setAttributes({ [attr]: v }) });
  }

  /** "Test source": loads the feed in the editor's browser, as the widget will, and counts entries. */
  function SourceTest({ url }) {
    const [result, setResult] = useState(null);
    const test = async () => {
      setResult({ status: 'info', text: '…' });
      try {
        const response = await fetch(url, { credentials: 'omit' });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        const text = await response.text();
        let count = (text.match(/^BEGIN:VEVENT/gm) || []).length;
        if (!count && /^\s*[[{]/.test(text)) {
          const data = JSON.parse(text);
          const list = Array.isArray(data) ? data : Object.values(data).find(Array.isArray) || [];
          count = list.length;
        }
        setResult({ status: 'success', text: format(L.sourceOk, String(count)) });
      } catch (error) {
        setResult({ status: 'error', text: format(L.sourceFailed, String(error && error.message ? error.message : error)) });
      }
    };
    return h(Fragment, null,
      h(Button, { variant: 'secondary', onClick: test, disabled: !url }, L.testSource),
      result && h('p', { role: 'status', className: `si-widgets-source-test is-${result.status}` }, result.text));
  }

  function ContrastCheck({ attributes }) {
    const colour = (attr) => (isHex(attributes[attr]) ? attributes[attr] : COLOURS.find(([a]) => a === attr)[1]);
    const number = new Intl.NumberFormat(document.documentElement.lang || undefined, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    return h('ul', { className: 'si-widgets-contrast' }, CHECKS.map(([fg, bg, label]) => {
      const ratio = contrastRatio(colour(fg), colour(bg));
      const ok = ratio >= 4.5;
      return h('li', { key: label, className: ok ? 'is-pass' : 'is-fail' }, format(ok ? L.contrastOk : L.contrastLow, L[label], number.format(ratio)));
    }));
  }

  function edit(widget) {
    return function Edit({ attributes, setAttributes }) {
      const blockProps = useBlockProps();
      const named = config.sources.find((s) => s.name === attributes.source);
      const sourceValue = named ? named.name : OWN_URL;
      const url = named ? named.url : attributes.src;
      const sidebar = h(InspectorControls, { key: 'inspector' },
        h(PanelBody, { title: L.source, initialOpen: true },
          h(SelectControl, {
            label: L.source, value: sourceValue, __nextHasNoMarginBottom: true,
            options: [...config.sources.map((s) => ({ value: s.name, label: s.name })), { value: OWN_URL, label: L.ownUrl }],
            onChange: (v) => setAttributes({ source: v === OWN_URL ? '' : v }),
          }),
          !named && h(TextControl, { label: L.url, type: 'url', value: attributes.src || '', onChange: (v) => setAttributes({ src: v }) }),
          h(SourceTest, { url })),
        h(PanelBody, { title: L.settings, initialOpen: true },
          ...CONTROLS[widget].map((c) => control(c, attributes, setAttributes)),
          control(['lang', 'select', 'language', [['', L.languagePage], ['de', 'Deutsch'], ['en', 'English'], ['hsb', 'Hornjoserbšćina']]], attributes, setAttributes),
          control(['easyRead', 'toggle', 'easyRead'], attributes, setAttributes)),
        h(PanelBody, { title: L.colours, initialOpen: false },
          ...COLOURS.map(([attr]) => h(BaseControl, { key: attr, label: L[attr], id: `si-widgets-${attr}` },
            h(ColorPalette, { colors: [], value: attributes[attr] || undefined, clearable: true, onChange: (v) => setAttributes({ [attr]: v || '' }) }))),
          h(ContrastCheck, { attributes })));
      const preview = url
        ? h(ServerSideRender, { block: `sozial-innovativ/${widget}`, attributes, key: 'preview' })
        : h(Notice, { status: 'info', isDismissible: false, key: 'notice' }, L.noSource);
      return h('div', blockProps, sidebar, preview);
    };
  }

  for (const widget of Object.keys(CONTROLS)) {
    wp.blocks.registerBlockType(`sozial-innovativ/${widget}`, { edit: edit(widget), save: () => null });
  }
})(window.wp, window.siWidgetsEditor);
