import { describe, expect, it } from 'vitest';
import { formatPrice, reasonText } from './strip';

describe('the widget strip', () => {
  it('says "because you bought" when a bought-with reason names the product', () => {
    expect(reasonText([
      { kind: 'similar-customers', text: '3 similar customers bought it', product: null },
      { kind: 'bought-with', text: 'often bought with Chai', product: { name: 'Chai' } },
    ])).toBe('Because you bought Chai');
    expect(reasonText([{ kind: 'similar-customers', text: 'x', product: null }])).toBe('Customers like you bought this');
    expect(reasonText([{ kind: 'popular', text: 'popular in Germany', product: null }])).toBe('Popular right now');
    expect(reasonText([])).toBe('');
  });

  it('formats prices plainly, or in a currency when the page names one', () => {
    expect(formatPrice(18, undefined)).toBe('18.00');
    expect(formatPrice(null, 'EUR')).toBe('');
    expect(formatPrice(4.5, 'NOT-A-CODE')).toBe('4.50');
    expect(formatPrice(4.5, 'EUR')).toContain('4.50');
  });
});
