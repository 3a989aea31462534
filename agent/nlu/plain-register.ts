// A formal or a chatty register said plainly before the rules read it: people named by their job are not figures (« my
// team lead », « our sales team »), a purpose clause is context (", so I can compare the two"), and a few set phrases
// mean what the rules already read ("the preceding week", « le plus défavorable », "failed to break even", "top-line").

/** The normalized text with those phrases written as the rules read them. */
export function withPlainRegister(text: string): string {
  return (
    text
      // ", so I can compare the two in front of the team", « afin de pouvoir les présenter »: why it is asked, not
      // another question.
      .replace(
        /,?\s(?:so (?:that )?(?:i|we) (?:can|could)|afin (?:de|que|qu')|pour que (?:je|nous|on) puisse\w*)\b[^?.!;]*/g,
        ' ',
      )
      // "our sales team asked", « le directeur des ventes »: people, not the revenue.
      .replace(
        /\bsales (?:team|director|manager|department|dept|rep|reps|people|colleagues?|lead|head)s?\b|\bhead of sales\b|\b(?:equipe|directeur|directrice|responsable|service|chef) (?:des |de la )?ventes\b/g,
        'colleagues',
      )
      // "my team lead asked", "the client's Instagram lead wants": a person, not the leads.
      .replace(
        /\b(team|sales|marketing|project|brand|growth|performance|agency|account|client's|our|my|the) ((?:[a-z]+ )?)leads? (?=(?:wants|wanted|asked|asks|needs|needed|would|is|was|has|had|requested|said|just|me)\b)/g,
        '$1 $2colleague ',
      )
      // "the preceding seven days": the previous ones; « le CPA le plus défavorable »: the worst.
      .replace(/\bpreceding\b/g, 'previous')
      // "failed to break even": the loss-makers; "top-line revenue": the revenue (not a ranking's top).
      .replace(
        /\b(?:failed|fail|fails|didn't|did not|don't|do not|doesn't|does not|aren't|are not|isn't|is not|weren't|were not|wasn't|was not) (?:even )?(?:to )?break(?:ing)? even\b/g,
        'not breaking even',
      )
      .replace(/\btop[- ]line(?: (?:revenue|sales|contribution))?\b/g, 'revenue')
      .replace(/\b(le|la|les) plus defavorables?\b/g, '$1 pire')
      .replace(/\breturn(?:s|ing|ed)? less (?:revenue )?than (?:they|it) cost\b/g, 'avec un roi negatif')
      // "didn't pay for themselves", "didn't make back their spend": the loss-makers.
      .replace(
        /\b(?:didn't|did not|don't|do not|doesn't|does not|haven't|have not|hasn't|has not|aren't|are not) (?:pay(?:ing)? for (?:themselves|itself)|ma(?:k|d)e? (?:back|good) (?:their|its|the) (?:spend|money|cost|budget|investment)|earn(?:ed)? back (?:their|its|the) (?:spend|money|cost|budget))\b/g,
        'avec un roi negatif',
      )
      // « d'où vient le gros du CA ? », "where does most of our revenue come from?": who makes the most of it (which one,
      // not why it moved).
      .replace(
        /\bd'ou (?:vient|viennent|sort) (?:le gros|l'essentiel|la majeure partie|la plus grande partie|la plus grosse part|le plus gros) (?:du |des |de la |de l')/g,
        'qui fait le plus de ',
      )
      .replace(
        /\bwhere (?:does|do|did) (?:most|the bulk|the lion's share|the biggest (?:part|share)) of (?:our |the )?(\w+) (?:come|came) from\b/g,
        'who makes the most $1',
      )
      // "how much have we blown on media", "what did we burn on search": spent.
      .replace(/\b(?:blown|blew|blow|burned|burnt|burn|splurged?) (?=(?:on|through) )/g, 'spent ')
      // "channel-level ROI", « au niveau des canaux »: by channel (or by campaign).
      .replace(
        /\bchannel[- ]level\b|\bau niveau (?:des |de chaque )?canal\b|\bau niveau des canaux\b/g,
        'by channel',
      )
      .replace(/\bcampaign[- ]level\b|\bau niveau (?:des |de chaque )campagnes?\b/g, 'by campaign')
      // "weekly check-in with my boss", "daily standup": a meeting, not a grain of the answer.
      .replace(
        /\b(?:weekly|daily|monthly) (check-?ins?|meetings?|syncs?|calls?|reviews?|updates?|stand-?ups?|catch-?ups?|1:1s?|one-on-ones?)\b/g,
        '$1',
      )
      // « pour la répartition du budget de mars », "for next month's budget allocation": why it is asked (March is not
      // a period to read).
      .replace(
        /\bpour (?:la |le |l')?(?:repartition|planification|allocation|arbitrage|preparation)\b[^,.?!;]*|\bfor (?:the |our |next month's |march's )?(?:budget )?(?:allocation|planning|split)\b[^,.?!;]*/g,
        ' ',
      )
      // "returning more than 1.5x their spend": a ROAS.
      .replace(
        /\b(\d+(?:[.,]\d+)?) ?(?:x|times) (?:their|its|the|our|what (?:they|it|we) (?:cost|spent?)|(?:the )?(?:ad )?spend\b)(?: (?:ad )?spend| budget| cost)?\b/g,
        '$1 roas',
      )
  );
}
