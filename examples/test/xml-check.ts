/**
 * A small well-formedness check for the SVG/XML the workflow writes (no DOM in Node):
 * every tag closed in order, attributes quoted, one root element. Returns the tag counts.
 */
export function parseXml(text: string): { root: string; tags: Map<string, number> } {
  const stack: string[] = [];
  const tags = new Map<string, number>();
  let root = '';
  const re =
    /<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!DOCTYPE[^>]*>|<!\[CDATA\[[\s\S]*?\]\]>/g;
  let last = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (/</.test(text.slice(last, m.index))) throw new Error(`malformed markup near ${last}`);
    last = m.index + m[0].length;
    if (!m[2]) continue;
    const [, close, name, , selfClose] = m;
    if (close) {
      const open = stack.pop();
      if (open !== name) throw new Error(`</${name}> closes <${open}> at ${m.index}`);
    } else {
      if (stack.length === 0) {
        if (root) throw new Error(`second root <${name}>`);
        root = name;
      }
      tags.set(name, (tags.get(name) ?? 0) + 1);
      if (!selfClose) stack.push(name);
    }
  }
  if (/</.test(text.slice(last))) throw new Error('malformed markup at the end');
  if (stack.length) throw new Error(`unclosed <${stack.join('>, <')}>`);
  if (!root) throw new Error('no element');
  return { root, tags };
}
