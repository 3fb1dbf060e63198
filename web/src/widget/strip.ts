// The widget's markup and its own stylesheet, built without innerHTML for anything that comes from data.

export interface Recommendation {
  product: { id: string; name: string | null; price: number | null };
  reasons: { kind: string; text: string; product: { name: string | null } | null }[];
}

export interface StripOptions {
  title: string;
  currency?: string;
  recommendations: Recommendation[] | null;
  message?: string;
}

const STYLE = `
:host { all: initial; display: block; }
.strip { font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1b2430;
  border: 1px solid #dde3ea; border-radius: 8px; padding: 12px; background: #fff; }
h3 { font-size: 15px; margin: 0 0 8px; font-weight: 650; }
ul { list-style: none; margin: 0; padding: 0; display: flex; gap: 10px; overflow-x: auto; }
li { flex: 0 0 170px; border: 1px solid #eef1f5; border-radius: 6px; padding: 8px; background: #f9fafc; }
.name { font-weight: 600; display: block; }
.price { color: #1d4e89; display: block; margin: 2px 0; }
.why { color: #5b6675; font-size: 12px; display: block; }
.message { color: #5b6675; margin: 0; }
`;

/** The reason a shopper understands best: "Because you bought X" when there is one, else the API's own words. */
export function reasonText(reasons: Recommendation['reasons']): string {
  const boughtWith = reasons.find(r => r.kind === 'bought-with' && r.product?.name);
  if (boughtWith) return `Because you bought ${boughtWith.product!.name}`;
  const similar = reasons.find(r => r.kind === 'similar-customers');
  if (similar) return 'Customers like you bought this';
  return reasons[0] ? 'Popular right now' : '';
}

export function formatPrice(price: number | null, currency?: string): string {
  if (price == null) return '';
  if (currency) {
    try {
      return new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(price);
    } catch {
      // an unknown currency code: fall through to the plain number
    }
  }
  return price.toFixed(2);
}

export function buildStrip(options: StripOptions): DocumentFragment {
  const fragment = document.createDocumentFragment();
  const style = document.createElement('style');
  style.textContent = STYLE;
  const strip = document.createElement('section');
  strip.className = 'strip';
  strip.setAttribute('aria-label', options.title);
  const heading = document.createElement('h3');
  heading.textContent = options.title;
  strip.append(heading);
  if (options.message) {
    const p = document.createElement('p');
    p.className = 'message';
    p.textContent = options.message;
    strip.append(p);
  }
  if (options.recommendations && options.recommendations.length > 0) {
    const list = document.createElement('ul');
    for (const r of options.recommendations) {
      const item = document.createElement('li');
      item.dataset.product = r.product.id;
      for (const [cls, text] of [['name', r.product.name ?? r.product.id], ['price', formatPrice(r.product.price, options.currency)],
        ['why', reasonText(r.reasons)]]) {
        const span = document.createElement('span');
        span.className = cls;
        span.textContent = text;
        item.append(span);
      }
      list.append(item);
    }
    strip.append(list);
  }
  fragment.append(style, strip);
  return fragment;
}
