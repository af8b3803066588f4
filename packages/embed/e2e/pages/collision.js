// A host page that already uses the tag for something else.
customElements.define('si-event-calendar', class extends HTMLElement {
  connectedCallback() {
    this.textContent = 'Kalender der Gastseite';
  }
});
