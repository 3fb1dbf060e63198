// The demo page: loads /widget.js exactly as a shop would, with the customer, key and (for a widget key) signature
// given in the form or in the URL (?customer=ID&key=KEY&signature=SIG).
const params = new URLSearchParams(location.search);
const form = document.getElementById('demo-form') as HTMLFormElement;
const slot = document.getElementById('shop-slot')!;

function embed(customer: string, key: string, signature: string): void {
  slot.replaceChildren();
  const script = document.createElement('script');
  script.src = '/widget.js';
  script.dataset.customer = customer;
  script.dataset.apiKey = key;
  if (signature) script.dataset.signature = signature;
  slot.append(script);
}

form.addEventListener('submit', event => {
  event.preventDefault();
  const data = new FormData(form);
  const customer = String(data.get('customer') ?? '').trim();
  const key = String(data.get('key') ?? '').trim();
  const signature = String(data.get('signature') ?? '').trim();
  if (customer && key) {
    history.replaceState(null, '', `?customer=${encodeURIComponent(customer)}&key=${encodeURIComponent(key)}`
      + (signature ? `&signature=${encodeURIComponent(signature)}` : ''));
    embed(customer, key, signature);
  }
});

const customer = params.get('customer');
const key = params.get('key');
if (customer && key) {
  (form.elements.namedItem('customer') as HTMLInputElement).value = customer;
  embed(customer, key, params.get('signature') ?? '');
}
