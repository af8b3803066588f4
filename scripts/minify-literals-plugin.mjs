// Minifies Lit's html`` and css`` template literals in production bundles (whitespace, comments),
// as Lit's docs recommend; JS minifiers leave template strings untouched.
import { minifyHTMLLiterals } from 'minify-literals';

export function minifyLiterals() {
  return {
    name: 'si-minify-literals',
    async transform(code, id) {
      if (!/\.(ts|js)$/.test(id) || id.includes('node_modules') || !/\b(html|css)`/.test(code)) return null;
      const result = await minifyHTMLLiterals(code, { fileName: id });
      return result ? { code: result.code, map: result.map } : null;
    },
  };
}
