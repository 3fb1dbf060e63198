// The demo page: loads /widget.js exactly as a shop would, with the customer and key given in the form or in the
// URL (?customer=ID&key=KEY).
const params = new URLSearchParams(location.search);
const form = document.getElementById('demo-form') as HTMLFormElement;
const slot = document.getElementById('shop-slot')!;

function embed(customer: string, key: string): void {
  slot.replaceChildren();
  const script = document.createElement('script');
  script.src = '/widget.js';
  script.dataset.customer = customer;
  script.dataset.apiKey = key;
  slot.append(script);
}

form.addEventListener('submit', event => {
  event.preventDefault();
  const data = new FormData(form);
  const customer = String(data.get('customer') ?? '').trim();
  const key = String(data.get('key') ?? '').trim();
  if (customer && key) {
    history.replaceState(null, '', `?customer=${encodeURIComponent(customer)}&key=${encodeURIComponent(key)}`);
    embed(customer, key);
  }
});

const customer = params.get('customer');
const key = params.get('key');
if (customer && key) {
  (form.elements.namedItem('customer') as HTMLInputElement).value = customer;
  embed(customer, key);
}
