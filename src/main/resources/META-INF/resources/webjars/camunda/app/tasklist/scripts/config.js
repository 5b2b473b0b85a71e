/*
 * Customisation of the Camunda 7 webapps for "Appels à projets" (Département du Pas-de-Calais).
 * Based on the config.js shipped in org.camunda.bpm.webapp:camunda-webapp-webjar:7.24.0
 * (Apache License 2.0, Camunda Services GmbH); this file replaces it on the classpath.
 * French is the default language: any browser language other than English gets French.
 * The Camunda 8 migration banner has no switch (it is hard-coded for the community edition):
 * it is hidden in ../styles/user-styles.css.
 */

export default {
  // Browser title and header: "<vendor> <name>"
  app: {
    vendor: 'Appels à projets —',
    name: 'Département du Pas-de-Calais'
  },
  dateFormat: {
    normal: 'LLL',
    long: 'LLLL'
  },
  locales: {
    availableLocales: ['fr', 'en'],
    fallbackLocale: 'fr'
  },
  // form-js's validation messages exist only in English: rewritten in French (see the script)
  // form-js's date fields follow the browser's language (mm/dd/yyyy in English): French by default (see the script)
  customScripts: ['scripts/french-dates.js', 'scripts/french-form-errors.js', 'scripts/form-list-errors.js'],
  // csrfCookieName: 'XSRF-TOKEN',
  // The first-login hint fetches /camunda-welcome (a Camunda Run page that does not exist here)
  disableWelcomeMessage: true,
  // assignProcessInstanceIdToTaskComment: true,

  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'prendre en charge la tâche sélectionnée'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'placer le curseur sur le premier filtre de la liste'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'placer le curseur sur la première tâche de la liste'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'placer le curseur sur le premier champ du formulaire de la tâche'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'ouvrir la fenêtre de démarrage d’un processus'
    }
  }
};
