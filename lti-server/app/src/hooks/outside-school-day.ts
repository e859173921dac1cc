/**
 * How the door and round forms handle a time outside the school day: `submit` sends the form unconfirmed; when the
 * server asks about the time, `keepOutside` sends the same form again, confirmed, and `changeOutside` withdraws the
 * question and puts the focus on the date, where changing the time starts.
 */
export function outsideSchoolDayActions(
  send: (confirmed: boolean) => Promise<void>,
  setOutside: (question: string) => void,
): { submit: (e: Event) => Promise<void>; keepOutside: () => Promise<void>; changeOutside: () => void } {
  return {
    submit: (e: Event) => {
      e.preventDefault();
      return send(false);
    },
    keepOutside: () => send(true),
    changeOutside: () => {
      setOutside('');
      setTimeout(() => document.getElementById('date')?.focus(), 0);
    },
  };
}
