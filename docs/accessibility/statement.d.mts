export type Widget = 'calendar' | 'cards' | 'match';
export const NAMES: Record<Widget, { de: string; en: string }>;
export function statementBlock(widget: Widget, lang: 'de' | 'en', opts?: { contact?: string; version?: string }): string;
