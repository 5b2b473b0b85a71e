/*
 * Camunda 7.24's Tasklist disables « Terminer » as soon as form-js reports any key in its errors
 * object. form-js (bundled in the webapps) records a field of a dynamic list under
 * errors[fieldId][rowIndex] and, once the value is valid again, only empties that row: errors keeps
 * the key { fieldId: [undefined] }. Any edit in a dynamic list (the jury's synthesis, the final
 * report's indicators, the service fait's quantities) so left « Terminer » disabled for good, a valid
 * form included. This script removes the keys that hold no error any more before form-js tells
 * Tasklist, by wrapping the form-js Form's _setState once the webapp's modules are loaded (reached
 * through the webpack chunk list, the only door to them). It exports nothing: a default export would
 * be taken for a webapp plugin.
 */
function holdsError(value) {
  if (value === undefined || value === null) {
    return false;
  }
  if (typeof value === 'string') {
    return true;
  }
  if (typeof value === 'object') {
    return Object.values(value).some(holdsError);
  }
  return Boolean(value);
}

function withoutEmptyErrors(errors) {
  return Object.fromEntries(Object.entries(errors || {}).filter(([, value]) => holdsError(value)));
}

let patched = false;

function patchFormJs() {
  if (patched || !self.webpackChunkcamunda_bpm_webapp) {
    return;
  }
  self.webpackChunkcamunda_bpm_webapp.push([['aap-form-list-errors-' + Date.now()], {}, (require) => {
    Object.keys(require.m).forEach((id) => {
      if (patched || !String(require.m[id]).includes('_getSubmitData')) {
        return;
      }
      const exports = require(id);
      Object.values(exports || {}).forEach((candidate) => {
        const proto = typeof candidate === 'function' && candidate.prototype;
        if (!patched && proto && typeof proto._setState === 'function' && typeof proto._getSubmitData === 'function') {
          const setState = proto._setState;
          proto._setState = function (state) {
            return setState.call(this, state && state.errors ? {...state, errors: withoutEmptyErrors(state.errors)} : state);
          };
          patched = true;
        }
      });
    });
  }]);
}

patchFormJs();
new MutationObserver(() => {
  if (!patched && document.querySelector('.fjs-form')) {
    patchFormJs();
  }
}).observe(document.documentElement, {childList: true, subtree: true});
