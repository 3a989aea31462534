// A question passed on: « ma cheffe m'a demandé quelle campagne a le CPL le plus élevé. Pourriez-vous m'aider ? »,
// "My manager asked me to add the total revenue to this month's deck. Could you tell me what it is?". The asking
// sentence says nothing of the data; the question is what the manager asked. The frame (« ma cheffe m'a demandé »)
// and whatever came before it go; the rest is read with the message's asking sentences (they may shape it:
// « campagne par campagne », "side by side"). The planner keeps that reading only when what went names nothing it
// does not use (message-focus.ts).
import { unknownProperNames } from './asides.js';
import { normalize } from './normalize.js';

/** Verbs that only carry the figure over (« transmettre », "pull"): they go with the frame. « comparer » stays. */
const CARRY_FR =
  '(?:transmettre|donner|envoyer|fournir|preparer|sortir|trouver|calculer|verifier|chercher|recuperer|ajouter|presenter|obtenir|connaitre|savoir|voir|avoir|recevoir|identifier|retrouver)';
const CARRY_EN =
  '(?:check|add|find|pull|get|provide|send|share|look up|prepare|confirm|report|know|see|have|find out|identify|include|quote|mention|present|flag|list)';
/** Who passes the question on, and how: the words that go. */
const FRAMES = [
  String.raw`\b(?:m'|nous |lui |leur )?(?:a|ont|avait) demande(?:e|s|es)?(?: a (?:ma|mon|notre|l'|la|le) [a-z'-]+)?(?: (?:de (?:lui |leur |vous )?${CARRY_FR}|si|s'|d'))?\b`,
  String.raw`\b(?:voudrai(?:t|ent)|aimerai(?:t|ent)|souhaite(?:rait)?|veu(?:t|lent)|desire)(?: bien)?(?: ${CARRY_FR}| comprendre)?\b`,
  String.raw`\bil me manque (?:une|un|l')\s?(?:seule?\s)?(?:info\w*|chiffre|donnee)\s?:?`,
  String.raw`\bje dois (?:lui |leur )?${CARRY_FR}\b`,
  String.raw`\b(?:has |have |had )?asked (?:me |us |my [a-z]+ |our [a-z]+ )?(?:for |to ${CARRY_EN}(?: (?:me|us|them))? )?`,
  String.raw`\bi (?:was|have been|got|ve been) asked (?:for |to ${CARRY_EN} )?`,
  String.raw`\b(?:would like|'d like|wants|want|needs|would love)(?: me)?(?: to (?:${CARRY_EN}|understand))?\b`,
  String.raw`\bis asking (?:me )?(?:for )?`,
  String.raw`\b(?:i've|i have|we've|we have) promised (?:the|my|our) [a-z]+ (?:to ${CARRY_EN} )?`,
  String.raw`\b(?:one of the action items|the (?:task|goal|aim|idea)) (?:is|was) to ${CARRY_EN}\b`,
  String.raw`\b(?:is|are|was) (?:keen|eager) to ${CARRY_EN}\b`,
  // « pour le point hebdo, une question : … », "I need one figure: …": what comes after the colon.
  String.raw`(?<!\d):`,
];
const FRAME = new RegExp(FRAMES.join('|'), 'g');
/** A sentence that ends where its mark is. */
const SENTENCE_END = /(?<=[.!?…\p{Extended_Pictographic}])\s+|\n+/u;

/**
 * The message with its passed-on question put in the frame's place (`question`), the sentences after it (`after`) and
 * what was left out before it (`dropped`: the reading must leave out nothing there, « pour le search, ma cheffe m'a
 * demandé … »); undefined when it has none.
 */
export function reportedQuestion(
  text: string,
): { question: string; after: string[]; dropped: string[] } | undefined {
  const sentences = text
    .split(SENTENCE_END)
    .map((sentence) => sentence.trim())
    .filter(Boolean);
  const framed = sentences.map((sentence) => lastFrame(normalize(sentence)));
  const at = framed.findIndex((frame) => frame !== undefined);
  if (at < 0 || framed.filter((frame) => frame !== undefined).length > 1) return undefined;
  const frame = framed[at] as { prefix: string; question: string };
  if (frame.question.split(/\s+/).length < 2) return undefined;
  // « Notre campagne TikTok : … »: a name the bot does not know is not left out (the words are normalized by then).
  const dropped = [...sentences.slice(0, at), frame.prefix];
  if (unknownProperNames(text).some((name) => dropped.some((words) => normalize(words).includes(name))))
    return undefined;
  const after = sentences.slice(at + 1);
  return { question: [frame.question, ...after].join(' '), after, dropped };
}

function lastFrame(normalized: string): { prefix: string; question: string } | undefined {
  const matches = [...normalized.matchAll(FRAME)].filter((match) => match[0].trim().length > 0);
  const last = matches.at(-1);
  if (last === undefined) return undefined;
  const end = last.index + last[0].length;
  return { prefix: normalized.slice(0, last.index), question: normalized.slice(end).trim() };
}
