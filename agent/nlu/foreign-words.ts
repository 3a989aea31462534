// Words of another language in a French or English message, written as the rules read them: a Zurich lead's
// Swiss-German, a Ticino manager's Italian, a Spanish colleague's "inversion". Not « alle », « hier », « e »:
// French or English words too, which an alias would change everywhere.
export const FOREIGN_WORDS: Readonly<Record<string, string>> = {
  // Swiss German.
  bitte: 'please', danke: 'thanks', genau: 'exactly', und: 'and', warum: 'why', welche: 'which', welcher: 'which', welches: 'which', unter: 'under', uber: 'over', zusammen: 'together', gegenuber: 'vs', schlechter: 'worse', gestiegen: 'increased', gesunken: 'decreased', wenig: 'few', gruppen: 'groups', zwei: 'two', drei: 'three', kannst: 'can', gruezi: 'hello', kanale: 'channels', dann: 'then', februar: 'february', woche: 'week', letzte: 'last', letzten: 'last', vergleich: 'comparison', fur: 'for', die: 'the', prasentation: 'presentation',
  // Italian.
  grazie: 'thanks', grazei: 'thanks', allora: 'alors', fatturato: 'revenue', favore: 'please', ciao: 'hello', settimana: 'semaine', perdita: 'perte', peggiore: 'pire', migliore: 'meilleure', quale: 'quel', quali: 'quels', uno: 'un', tasso: 'taux', di: 'de', quanto: 'combien', abbiamo: 'avons', speso: 'depense', perche: 'pourquoi', mese: 'mois', campagna: 'campagne', del: 'du', su: 'sur', scorsa: 'derniere', scorso: 'dernier', ultima: 'derniere', ultimi: 'derniers', giorni: 'jours',
  // "the inversion" (Spanish inversión): the money put in; "facturation": the revenue.
  inversion: 'depenses', inverstion: 'depenses', inversions: 'depenses', facturation: 'revenue', facturaton: 'revenue', mounth: 'month',
}; // biome-ignore format: a table
