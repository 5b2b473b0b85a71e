/*
 * The validation messages of the Camunda Forms (form-js, bundled in the Camunda 7.24 webapps) exist
 * only in English ("Field is required.", "Field must have maximum value of 5."…): form-js has no
 * translations. This script, loaded by config.js (customScripts), rewrites them in French as soon as
 * form-js shows them under a field (.fjs-form-field-error), in Tasklist's task and start forms. It
 * exports nothing: a default export would be taken for a webapp plugin.
 */
const RULES = [
  [/^Field is required\.$/, () => 'Ce champ est obligatoire.'],
  [/^Field must have minimum value of (.+)\.$/, (m) => `La valeur doit être au moins ${m[1]}.`],
  [/^Field must have maximum value of (.+)\.$/, (m) => `La valeur doit être au plus ${m[1]}.`],
  [/^Field must have minimum length of (.+)\.$/, (m) => `Saisissez au moins ${m[1]} caractères.`],
  [/^Field must have maximum length of (.+)\.$/, (m) => `Saisissez au plus ${m[1]} caractères.`],
  [/^Field must match pattern .*\.$/s, () => 'La valeur ne respecte pas le format attendu.'],
  [/^Field must be a valid email\.$/, () => 'Saisissez une adresse électronique valide.'],
  [/^Field must be a valid\s+international phone number.*$/, () => 'Saisissez un numéro de téléphone international valide (par exemple +33321212121).'],
  [/^Value is not a number\.$/, () => 'La valeur doit être un nombre.'],
  [/^Value is expected to be an integer\.$/, () => 'La valeur doit être un nombre entier.'],
  [/^Value is expected to have at most (\d+) decimal digits?\.$/, (m) => `La valeur doit avoir au plus ${m[1]} décimale${m[1] > 1 ? 's' : ''}.`],
  [/^Please select a valid value, the two nearest valid values are (.+) and (.+)\.$/,
    (m) => `Choisissez une valeur valide : les deux plus proches sont ${m[1]} et ${m[2]}.`]
];

function translate(text) {
  for (const [pattern, french] of RULES) {
    const m = text.match(pattern);
    if (m) {
      return french(m);
    }
  }
  return null;
}

function translateErrors(root) {
  const errors = root.querySelectorAll ? root.querySelectorAll('.fjs-form-field-error, .fjs-form-field-error li') : [];
  errors.forEach((element) => {
    element.childNodes.forEach((node) => {
      if (node.nodeType === Node.TEXT_NODE) {
        const french = translate(node.nodeValue.trim());
        if (french) {
          node.nodeValue = french;
        }
      }
    });
  });
}

/*
 * When the server refuses a completion, Tasklist writes the whole problem+json body after « Une erreur
 * est survenue lors de l'envoi du formulaire de la tâche : ». Only its French sentences are kept: each
 * field error's message, else the problem's message or detail.
 */
function frenchProblem(text) {
  const start = text.indexOf('{');
  const end = text.lastIndexOf('}');
  if (start < 0 || end <= start) {
    return null;
  }
  try {
    const problem = JSON.parse(text.substring(start, end + 1));
    const properties = problem.properties || {};
    const errors = (properties.errors || problem.errors || []).map((e) => e && e.message).filter(Boolean);
    const sentence = errors.length ? errors.join(' ') : (properties.message || problem.detail || problem.title);
    return sentence ? text.substring(0, start) + sentence : null;
  } catch (e) {
    return null;
  }
}

function translateProblems(root) {
  const notices = root.querySelectorAll ? root.querySelectorAll('.page-notifications, .notifications') : [];
  notices.forEach((notice) => {
    const walker = document.createTreeWalker(notice, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.nodeValue.includes('{"')) {
        const french = frenchProblem(node.nodeValue);
        if (french) {
          node.nodeValue = french;
        }
      }
    }
  });
}

new MutationObserver(() => {
  translateErrors(document);
  translateProblems(document);
}).observe(document.documentElement, {childList: true, subtree: true, characterData: true});

