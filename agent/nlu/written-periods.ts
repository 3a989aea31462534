// Days and weeks written the chat way, rewritten to the forms the period rules read (inside `prepare`, after the
// week abbreviations): "trending week over week", "Monday the 8th through Friday the 12th", dates restated in
// brackets, « le w-e du 13 », "compare w/ the second wk", « semaine un », « les semaines 1 et 2 ».

/** The prepared text with those forms written out. */
export function withWrittenPeriods(text: string): string {
  return (
    text
      // "how's facebook_lal rev trending week over week?": its trend by week, not the last week against the one before.
      .replace(/\b(trend\w*) (?:week[- ]over[- ]week|wow|w\/w)\b/g, '$1 by week')
      // "Monday the 8th through Friday the 12th", "the 8th to the 12th": one span of days (the weekdays say nothing more).
      .replace(
        /(?<![-/])\b(?:from\s)?(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\s)?(?:the\s)?(\d{1,2})(?:st|nd|rd|th)\s(?:through|thru|to|until|till|-)\s(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\s)?(?:the\s)?(\d{1,2})(?:st|nd|rd|th)\b(?!-)/g,
        'from $1 through $2',
      )
      // « la première semaine (1er au 7 février) et la dernière (22 au 28) »: the days restated in brackets are the period.
      .replace(
        /\b(?:(?:la|the) )?(?:premiere|derniere|deuxieme|seconde|troisieme|quatrieme|first|last|second|third|fourth)(?: (?:semaine|week))? \((?:du |from )?(\d{1,2})(?:er|st|nd|rd|th)? (?:au|a|to|-) (\d{1,2})(?:er|st|nd|rd|th)?((?: (?:fevr\w*|fev|feb\w*))?)\)/g,
        'du $1 au $2$3',
      )
      // « le w-e du 13 »: the weekend.
      .replace(/\bw-e\b|\bw\.e\.?(?=\s)/g, 'week-end')
      // "compare w/ the second wk": with.
      .replace(/\bw\/(?=\s)/g, 'with')
      // « semaine un vs semaine deux », "week one": the week's number.
      .replace(
        /\b(semaine|week|wk|sem) (un|une|one|deux|two|trois|three|quatre|four)\b/g,
        (_, word: string, n: string) =>
          `${word} ${{ un: 1, une: 1, one: 1, deux: 2, two: 2, trois: 3, three: 3, quatre: 4, four: 4 }[n]}`,
      )
      // « les semaines 1 et 2 », "weeks 1 and 2": one span, unless the two are compared (then each week by its name).
      .replace(
        /\b(semaines|weeks|wks) ([1-4]) (et|and|&|\+) ([1-4])\b/g,
        (_, noun: string, a: string, joint: string, b: string, _at: number, text: string) => {
          const compared =
            /\bvs\b|\bversus\b|\bcompar\w*|\bcontre\b|\bpar rapport\b|\bthan\b|\bentre\b|\bbetween\b|\bevol\w*|\becart\b|\bdiff\w*|\bchang\w*|\bpourquoi\b|\bwhy\b/.test(
              text,
            );
          const one = noun === 'semaines' ? 'semaine' : 'week';
          return Number(b) === Number(a) + 1 && !compared
            ? `${one} ${a} to ${b}`
            : `${one} ${a} ${joint} ${one} ${b}`;
        },
      )
  );
}
