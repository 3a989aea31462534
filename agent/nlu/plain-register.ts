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
        /\b(?:failed|fail|fails|didn't|did not|don't|do not|doesn't|does not) (?:to )?break(?:ing)? even\b/g,
        'not breaking even',
      )
      .replace(/\btop[- ]line(?: (?:revenue|sales|contribution))?\b/g, 'revenue')
      .replace(/\b(le|la|les) plus defavorables?\b/g, '$1 pire')
      .replace(/\breturn(?:s|ing|ed)? less (?:revenue )?than (?:they|it) cost\b/g, 'avec un roi negatif')
  );
}
