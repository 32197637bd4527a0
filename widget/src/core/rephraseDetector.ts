import { similarity, type SimilarityMethod } from "./similarity.ts";

export interface RephraseOptions {
  /** How long after an answer a new question counts as a rephrase (default 120 000 ms). */
  windowMs?: number;
  /** trigram (default) or words. */
  method?: SimilarityMethod;
  /** Similarity at or above which the new question is a rephrase (default 0.5). */
  threshold?: number;
}

export interface Rephrase {
  traceId: string;
  similarity: number;
}

interface Conversation {
  question?: string;
  answer?: { traceId: string; at: number };
}

/**
 * Follows each conversation (by session id) as question → answer → question. When the
 * next question comes within the window after an answer and is similar enough to the
 * previous question, the answer evidently missed: that answer gets a rephrase signal.
 */
export function createRephraseDetector(options: RephraseOptions = {}) {
  const windowMs = options.windowMs ?? 120_000;
  const threshold = options.threshold ?? 0.5;
  const conversations = new Map<string, Conversation>();
  const conversation = (sessionId: string) => {
    let found = conversations.get(sessionId);
    if (!found) conversations.set(sessionId, (found = {}));
    return found;
  };

  return {
    answerShown(traceId: string, sessionId: string, at: number): void {
      conversation(sessionId).answer = { traceId, at };
    },
    userMessage(text: string, sessionId: string, at: number): Rephrase | null {
      const current = conversation(sessionId);
      const { question, answer } = current;
      current.question = text;
      current.answer = undefined;
      if (question === undefined || !answer || at - answer.at > windowMs) return null;
      const score = similarity(options.method ?? "trigram", question, text);
      return score >= threshold ? { traceId: answer.traceId, similarity: Math.round(score * 1000) / 1000 } : null;
    },
  };
}
