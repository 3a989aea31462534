// « c'est quoi le ROAS ? », "what does CPA mean?": a definition, not a figure — the help answer, no data.
import type { FigureQuestion, Reading } from './figure-question.js';
import { CATEGORY_OBJECT, RANK_WORDS } from './figure-words.js';

export function readDefinition({ p }: FigureQuestion): Reading {
  if (
    /\bc'est quoi\b|\bque veut dire\b|\bqu'est-ce que (le|la|l'|un|une)\b|\bdefini\w*|\bwhat does \w+ mean\b|\bwhat is an?\b|\bmeaning of\b/.test(
      p.text,
    ) &&
    p.scope.campaigns.length + p.scope.prefixes.length + p.scope.categories.length === 0 &&
    !p.period &&
    p.metrics.length > 0 &&
    // « c'est quoi notre CA total ? », « c'est quoi le pire canal en CPL ? » ask for a figure, not a definition.
    !/\b(notre|nos|mon|mes|our|my|total\w*|global\w*|combien|actuel\w*|current)\b/.test(p.text) &&
    !RANK_WORDS.test(p.text) &&
    !CATEGORY_OBJECT.test(p.text) &&
    // « c'est quoi les 3 campagnes à couper en CPA ? »: campaigns asked for, not a word.
    !/\bcampagnes?\b|\bcampaigns?\b|\d|\bcouper\b|\bcut\b/.test(p.text)
  )
    return { intent: 'help', calls: [], confidence: 0.8 };
  return undefined;
}
