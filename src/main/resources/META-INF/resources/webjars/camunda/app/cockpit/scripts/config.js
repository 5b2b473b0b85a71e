/*
 * Customisation of the Camunda 7 webapps for "Appels à projets" (Département du Pas-de-Calais).
 * Based on the config.js shipped in org.camunda.bpm.webapp:camunda-webapp-webjar:7.24.0
 * (Apache License 2.0, Camunda Services GmbH); this file replaces it on the classpath.
 * French is the default language: any browser language other than English gets French.
 * The Camunda 8 migration banner has no switch (it is hard-coded for the community edition):
 * it is hidden in ../styles/user-styles.css.
 * The dashboard « Tableau de bord des appels à projets » is a front-end plugin of ours
 * (./tableau-de-bord.js, plugin point cockpit.dashboard), loaded as a custom script.
 */

export default {
  // Browser title and header: "<vendor> <name>"
  app: {
    vendor: 'Appels à projets —',
    name: 'Département du Pas-de-Calais'
  },
  locales: {
    availableLocales: ['fr', 'en'],
    fallbackLocale: 'fr'
  },
  // relative to app/cockpit/, ".js" added by Cockpit
  customScripts: ['scripts/tableau-de-bord'],
  // csrfCookieName: 'XSRF-TOKEN',
  // The first-login hint fetches /camunda-welcome (a Camunda Run page that does not exist here)
  disableWelcomeMessage: true,
  // userOperationLogAnnotationLength: 5000,
  // previewHtml: true
};
