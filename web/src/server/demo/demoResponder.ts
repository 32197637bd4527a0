/**
 * The demo's deterministic responder: a support assistant for a made-up outdoor shop,
 * answering from a handful of facts by keyword. The same question always gets the same
 * answer, so the demo and its tests need no model. Some answers are deliberately weak
 * (too long, or off the point) so there is something to give negative feedback on.
 */
interface Fact {
  topic: string;
  keywords: string[];
  answer: string;
}

const facts: Fact[] = [
  {
    topic: "shipping",
    keywords: ["ship", "shipping", "deliver", "delivery", "arrive", "versand", "livraison", "envío"],
    answer: "Orders ship within 2 business days. Standard delivery takes 3-5 days and is free above 50 EUR; express delivery costs 9 EUR.",
  },
  {
    topic: "returns",
    keywords: ["return", "refund", "exchange", "money back", "rückgabe", "retour", "devolución"],
    answer: "You can return unused items within 30 days for a full refund. Start a return from Orders → Return item; the label is free.",
  },
  {
    topic: "password",
    keywords: ["password", "log in", "login", "sign in", "account", "passwort", "mot de passe", "contraseña"],
    answer:
      "Our account system was introduced in 2019 and supports many features, including order history, wish lists and saved addresses. " +
      "Accounts are protected by industry-standard security. For most questions about your account, please consult the help centre.",
  },
  {
    topic: "tracking",
    keywords: ["track", "tracking", "where is my order", "order status", "parcel", "package"],
    answer: "Your tracking link is in the shipping confirmation e-mail. You can also see the status under Orders in your account.",
  },
  {
    topic: "hours",
    keywords: ["open", "opening", "hours", "store", "shop", "visit"],
    answer: "Our Berlin store is open Monday to Saturday, 10:00-19:00. Customer service answers chats every day from 8:00 to 22:00.",
  },
  {
    topic: "payment",
    keywords: ["pay", "payment", "card", "invoice", "paypal", "klarna"],
    answer: "We accept Visa, Mastercard, PayPal and invoice (Klarna). Cards are charged when the order ships.",
  },
];

const fallback = "I am not sure about that. I can help with shipping, returns, order tracking, payments, store hours and your account.";

export interface DemoAnswer {
  text: string;
  /** Which fact answered (retrieval step of the trace), or null for the fallback. */
  topic: string | null;
}

export function answerFromFacts(question: string): DemoAnswer {
  const text = question.toLowerCase();
  let best: { fact: Fact; hits: number } | null = null;
  for (const fact of facts) {
    const hits = fact.keywords.filter((keyword) => text.includes(keyword)).length;
    if (hits > 0 && (!best || hits > best.hits)) best = { fact, hits };
  }
  return best ? { text: best.fact.answer, topic: best.fact.topic } : { text: fallback, topic: null };
}
