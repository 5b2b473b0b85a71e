/*
 * The date fields of the Camunda Forms (form-js, bundled in the Camunda 7.24 webapps) show and read
 * their dates in the browser's own language: form-js asks `new Intl.DateTimeFormat()` without a
 * locale for the order of day, month and year, and has no option to choose it (neither the form's
 * `dateLabel` nor config.js `locales`, which translates the webapp only). A browser set to English
 * therefore shows and expects mm/dd/yyyy. The application speaks French to everyone: a
 * DateTimeFormat asked without a locale (or with "default") is given French, dd/mm/yyyy; one asked
 * for a locale keeps it. Loaded by config.js (customScripts) before the forms are rendered; it
 * exports nothing (a default export would be taken for a webapp plugin).
 */
(function frenchDefaultDates() {
  const Native = Intl.DateTimeFormat;
  if (Native.frenchByDefault) {
    return;
  }
  function DateTimeFormat(locales, options) {
    const locale = locales === undefined || locales === 'default' ? 'fr-FR' : locales;
    return new Native(locale, options);
  }
  DateTimeFormat.prototype = Native.prototype;
  DateTimeFormat.supportedLocalesOf = Native.supportedLocalesOf.bind(Native);
  DateTimeFormat.frenchByDefault = true;
  Intl.DateTimeFormat = DateTimeFormat;
})();
