import { en, type FeedbackLabels } from "../react/labels.ts";

// Label sets beyond English: \`<FeedbackProvider labels={de}>\`, or spread one and override entries.

export const de: FeedbackLabels = {
  bar: "Antwort bewerten",
  helpful: "Hilfreich",
  notHelpful: "Nicht hilfreich",
  rating: "Bewertung",
  star: "{value} von {scale} Sternen",
  reasonsPrompt: "Was war falsch?",
  reasons: {
    incorrect: "Falsch oder ungenau",
    off_topic: "Nicht meine Frage",
    incomplete: "Unvollständig",
    too_long: "Zu lang",
    unsafe: "Unsicher oder anstößig",
  },
  commentLabel: "Mehr dazu (optional)",
  submit: "Feedback senden",
  thanks: "Danke für Ihr Feedback",
  report: "Problem melden",
  reportTitle: "Ein Problem mit dieser Antwort melden",
  reportDescription: "Das Team prüft jede Meldung.",
  category: "Kategorie",
  chooseCategory: "Kategorie wählen…",
  categoryRequired: "Wählen Sie eine Kategorie, bevor Sie die Meldung senden.",
  categories: { harmful: "Schädlich oder anstößig", incorrect: "Sachlich falsch", privacy: "Datenschutz", other: "Etwas anderes" },
  details: "Was ist passiert?",
  cancel: "Abbrechen",
  close: "Schließen",
  sendReport: "Meldung senden",
  reportSent: "Meldung gesendet",
  copy: "Kopieren",
  copied: "Kopiert",
};

export const fr: FeedbackLabels = {
  bar: "Évaluer cette réponse",
  helpful: "Utile",
  notHelpful: "Pas utile",
  rating: "Note",
  star: "{value} sur {scale} étoiles",
  reasonsPrompt: "Qu’est-ce qui n’allait pas ?",
  reasons: {
    incorrect: "Faux ou inexact",
    off_topic: "Hors sujet",
    incomplete: "Incomplet",
    too_long: "Trop long",
    unsafe: "Dangereux ou choquant",
  },
  commentLabel: "Dites-nous en plus (facultatif)",
  submit: "Envoyer l’avis",
  thanks: "Merci pour votre avis",
  report: "Signaler un problème",
  reportTitle: "Signaler un problème avec cette réponse",
  reportDescription: "L’équipe examine chaque signalement.",
  category: "Catégorie",
  chooseCategory: "Choisir une catégorie…",
  categoryRequired: "Choisissez une catégorie avant d’envoyer le signalement.",
  categories: { harmful: "Nuisible ou choquant", incorrect: "Factuellement faux", privacy: "Vie privée", other: "Autre chose" },
  details: "Que s’est-il passé ?",
  cancel: "Annuler",
  close: "Fermer",
  sendReport: "Envoyer le signalement",
  reportSent: "Signalement envoyé",
  copy: "Copier",
  copied: "Copié",
};

export const es: FeedbackLabels = {
  bar: "Valorar esta respuesta",
  helpful: "Útil",
  notHelpful: "No es útil",
  rating: "Valoración",
  star: "{value} de {scale} estrellas",
  reasonsPrompt: "¿Qué salió mal?",
  reasons: {
    incorrect: "Incorrecto o impreciso",
    off_topic: "No es lo que pregunté",
    incomplete: "Incompleto",
    too_long: "Demasiado largo",
    unsafe: "Inseguro u ofensivo",
  },
  commentLabel: "Cuéntanos más (opcional)",
  submit: "Enviar opinión",
  thanks: "Gracias por tu opinión",
  report: "Informar de un problema",
  reportTitle: "Informar de un problema con esta respuesta",
  reportDescription: "El equipo revisa cada informe.",
  category: "Categoría",
  chooseCategory: "Elige una categoría…",
  categoryRequired: "Elige una categoría antes de enviar el informe.",
  categories: { harmful: "Dañino u ofensivo", incorrect: "Datos incorrectos", privacy: "Privacidad", other: "Otra cosa" },
  details: "¿Qué ocurrió?",
  cancel: "Cancelar",
  close: "Cerrar",
  sendReport: "Enviar informe",
  reportSent: "Informe enviado",
  copy: "Copiar",
  copied: "Copiado",
};

export { en };
export const labelSets = { en, de, fr, es } as const;
export type Locale = keyof typeof labelSets;

/** The label set of a locale tag ("de-AT" uses "de"; unknown languages get English). */
export function labelsForLocale(locale: string | undefined): FeedbackLabels {
  const language = (locale ?? "en").toLowerCase().split("-")[0] ?? "en";
  return (labelSets as Partial<Record<string, FeedbackLabels>>)[language] ?? en;
}
