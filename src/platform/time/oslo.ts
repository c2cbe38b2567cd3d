// The service's calendar is Europe/Oslo. One formatter each for the process: toLocaleDateString and
// toLocaleTimeString with options build a new Intl formatter on every call (at national scale the
// resident's timeline spent a third of its CPU there).

const TIME_ZONE = 'Europe/Oslo';
const day = new Intl.DateTimeFormat('sv-SE', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });
const clock = new Intl.DateTimeFormat('sv-SE', { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
const clockMinutes = new Intl.DateTimeFormat('sv-SE', { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** The calendar date (yyyy-mm-dd) in Europe/Oslo of an instant. */
export const osloDate = (instant: Date): string => day.format(instant);

/** The wall-clock time hh:mm:ss in Europe/Oslo of an instant. */
export const osloTime = (instant: Date): string => clock.format(instant);

/** The wall-clock time hh:mm in Europe/Oslo of an instant. */
export const osloTimeMinutes = (instant: Date): string => clockMinutes.format(instant);
