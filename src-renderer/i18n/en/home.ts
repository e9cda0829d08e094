import type { home as id } from '../id/home';

export const home: typeof id = {
  greeting: 'Hello, {name}',
  intro: 'Log your work for today. It takes a minute.',
  newEntry: 'Log activity',
  copyYesterday: "Repeat yesterday's activities",
  actions: 'Start logging',
  loadError: 'The home screen could not be loaded.',
  notices: {
    title: 'Needs your attention',
    intro: 'The central server did not accept these changes. Open the activity to see what to do.',
    when: '{date}, {start}–{end}',
    open: 'Open activity',
    openLabel: 'Open the activity of {date} at {start}',
    notFound: 'This activity is no longer on this PC.',
  },
  today: {
    title: "Today's activities",
    empty: 'No activities logged today yet.',
    emptyHint: 'Press "Log activity" to start.',
    total: 'Total today: {logged}, credited {credited}',
  },
  returned: {
    title: 'Needs correction',
    intro: 'Your supervisor returned these activities. Read the note, correct the activity, then send it again.',
    note: "Supervisor's note",
    noNote: 'Your supervisor wrote no note.',
    fix: 'Correct',
    fixLabel: 'Correct the activity of {date} at {start}',
  },
  missing: {
    title: 'Working days with nothing logged',
    intro: 'Choose a day to log its activities.',
    none: 'Every working day up to today has activities.',
    dayLabel: 'Log activities for {date}',
    closed: 'Past the logging window ({count} days): {days}. These can no longer be logged.',
  },
  period: {
    title: 'Deadlines',
    left: '{n} days left before the {month} period closes ({date})',
    lastDay: 'Today is the last day before the {month} period closes ({date})',
  },
  card: {
    time: '{start}–{end}',
    volume: '{n} {unit}',
    credited: 'Credited {duration}',
    open: 'View',
    edit: 'Edit',
    openLabel: 'View the activity at {start}: {activity}',
    editLabel: 'Edit the activity at {start}: {activity}',
  },
  capaian: {
    title: 'Achievement in {month}',
    percent: 'Achievement {percent}%',
    barLabel:
      'Approved {approved} of {effective} effective time. Waiting for review {waiting}. Needs correction {returned}. Achievement {percent}%.',
    effective: "This month's effective time",
    tpp: 'Estimated TPP performance allowance',
    tppHint: 'Only approved activities count.',
  },
};
