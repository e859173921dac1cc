import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { render as preactRender } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MenuView } from '../../../lti-server/app/src/views/menu-view';
import type { Strategy } from '../../../shared/strategy';
import { expectNoAxeViolations } from './axe';
import { type Call, strategy, stubApi } from './fake-api';

interface Page {
  items: Strategy[];
  nextCursor?: string | null;
  searchedFor?: string | null;
  subject?: string | null;
  gradeBand?: string | null;
}

/**
 * A fake server: `menu` answers each GET /api/strategies; the school's subjects are Science and Social studies, its
 * grades K to 8.
 */
function menuApi(menu: (c: Call) => Page): Call[] {
  return stubApi((c) => {
    if (c.url.pathname === '/api/settings/subjects')
      return {
        body: {
          subjects: ['Science', 'Social studies'],
          grades: ['K', '1', '2', '3', '4', '5', '6', '7', '8'],
        },
      };
    if (c.url.pathname === '/api/strategies') {
      const page = menu(c);
      return {
        body: {
          nextCursor: null,
          searchedFor: null,
          subject: c.url.searchParams.get('subject'),
          gradeBand: c.url.searchParams.get('gradeBand'),
          ...page,
        },
      };
    }
    return undefined;
  });
}

const menuCalls = (calls: Call[]) => calls.filter((c) => c.url.pathname === '/api/strategies');

beforeEach(() => {
  window.history.replaceState(null, '', '/app#/');
});
afterEach(() => vi.unstubAllGlobals());

describe('the menu count', () => {
  it('when one strategy is shown, then it says "1 strategy"; two say "2 strategies"', async () => {
    let items = [strategy({ id: 's1', title: 'Turn and talk' })];
    menuApi(() => ({ items }));
    const { unmount } = render(<MenuView token="t" mode="menu" isCoach={false} />);
    await waitFor(() =>
      expect(screen.getByRole('status', { name: '' }).textContent).toBe('1 strategy shown'),
    );
    unmount();
    items = [strategy({ id: 's1', title: 'Turn and talk' }), strategy({ id: 's2', title: 'Gallery walk' })];
    render(<MenuView token="t" mode="menu" isCoach={false} />);
    await screen.findByText('2 strategies shown');
  });
});

describe('the menu search in the address', () => {
  it('when the address carries a search, then the form shows it and the server gets it', async () => {
    const calls = menuApi(() => ({ items: [strategy({ id: 's1', title: 'Turn and talk' })] }));
    render(
      <MenuView
        token="t"
        mode="menu"
        isCoach={false}
        search={{ q: 'turn', gradeBand: '6-8', maxMinutes: '10' }}
      />,
    );
    await screen.findByText('1 strategy shown');
    expect((screen.getByLabelText('Search strategies') as HTMLInputElement).value).toBe('turn');
    expect((screen.getByLabelText('Grades') as HTMLInputElement).value).toBe('6-8');
    expect((screen.getByLabelText('At most') as HTMLSelectElement).value).toBe('10');
    const sent = menuCalls(calls)[0]!.url.searchParams;
    expect([sent.get('q'), sent.get('gradeBand'), sent.get('maxMinutes')]).toEqual(['turn', '6-8', '10']);
    // One request for the first page, not one per effect.
    expect(menuCalls(calls)).toHaveLength(1);
  });

  it('when a teacher searches, then the address holds the search and filters, so a reload or a link shows it', async () => {
    const calls = menuApi(() => ({ items: [strategy({ id: 's1', title: 'Turn and talk' })] }));
    render(<MenuView token="t" mode="menu" isCoach={false} />);
    await screen.findByText('1 strategy shown');
    fireEvent.input(screen.getByLabelText('Search strategies'), { target: { value: 'turn and talk' } });
    fireEvent.input(screen.getByLabelText('Subject'), { target: { value: 'Science' } });
    fireEvent.click(screen.getByRole('button', { name: 'Search' }));
    await waitFor(() => expect(menuCalls(calls)).toHaveLength(2));
    expect(window.location.hash).toBe('#/?q=turn+and+talk&subject=Science');
    expect(menuCalls(calls)[1]!.url.searchParams.get('q')).toBe('turn and talk');
    // The school's subjects are offered in the filter.
    const list = document.getElementById(screen.getByLabelText('Subject').getAttribute('list')!);
    await waitFor(() =>
      expect([...list!.querySelectorAll('option')].map((o) => o.value)).toEqual([
        'Science',
        'Social studies',
      ]),
    );
    await expectNoAxeViolations();
  });
});

describe("the school's grades in the filter", () => {
  it('when a teacher types "7th", then the school grades are offered and the filter shows the grade it was read as', async () => {
    const calls = menuApi((c) => ({
      items: [strategy({ id: 's1', title: 'Turn and talk' })],
      gradeBand: c.url.searchParams.get('gradeBand') === '7th' ? '7' : null,
    }));
    render(<MenuView token="t" mode="menu" isCoach={false} />);
    await screen.findByText('1 strategy shown');
    const grades = screen.getByLabelText('Grades') as HTMLInputElement;
    const list = document.getElementById(grades.getAttribute('list')!);
    await waitFor(() =>
      expect([...list!.querySelectorAll('option')].map((o) => o.value)).toEqual([
        'K',
        '1',
        '2',
        '3',
        '4',
        '5',
        '6',
        '7',
        '8',
      ]),
    );
    fireEvent.input(grades, { target: { value: '7th' } });
    fireEvent.click(screen.getByRole('button', { name: 'Search' }));
    await waitFor(() => expect(menuCalls(calls)).toHaveLength(2));
    expect(menuCalls(calls)[1]!.url.searchParams.get('gradeBand')).toBe('7th');
    await waitFor(() => expect(grades.value).toBe('7'));
    expect(window.location.hash).toBe('#/?gradeBand=7th');
    await expectNoAxeViolations();
  });
});

describe('typing before the menu settled', () => {
  it('when a teacher types into the filters before the first render settled, then the typing and the search stay', async () => {
    const calls = menuApi((c) => ({
      items: [strategy({ id: 's1', title: 'Turn and talk' })],
      gradeBand: c.url.searchParams.get('gradeBand') === '7th' ? '7' : null,
    }));
    // Preact's own render, outside act(): its effects run after paint, as in a browser, not before the typing.
    const host = document.createElement('div');
    document.body.append(host);
    preactRender(<MenuView token="t" mode="menu" isCoach={false} />, host);
    const grades = host.querySelector('#grade') as HTMLInputElement;
    fireEvent.input(grades, { target: { value: '7th' } });
    fireEvent.submit(grades.form!);
    await waitFor(() =>
      expect(menuCalls(calls).some((c) => c.url.searchParams.get('gradeBand') === '7th')).toBe(true),
    );
    await waitFor(() => expect(grades.value).toBe('7'));
    // Later paints (the options arriving) keep it.
    await new Promise((r) => setTimeout(r, 50));
    expect(grades.value).toBe('7');
    preactRender(null, host);
    host.remove();
  });
});

describe('a forgiving search', () => {
  it('when the server ran a corrected search, then the menu says which, and more pages continue it', async () => {
    const calls = menuApi((c) =>
      c.url.searchParams.get('cursor')
        ? { items: [strategy({ id: 's2', title: 'Think pair share, again' })] }
        : {
            items: [strategy({ id: 's1', title: 'Think pair share' })],
            nextCursor: 'next',
            searchedFor: 'think pair',
          },
    );
    render(<MenuView token="t" mode="menu" isCoach={false} search={{ q: 'thnk pair' }} />);
    const notice = await screen.findByText(/Showing results for/);
    expect(notice.textContent).toBe('Nothing matched “thnk pair”. Showing results for think pair.');
    expect(within(notice).getByText('think pair').tagName).toBe('STRONG');
    fireEvent.click(screen.getByRole('button', { name: 'Show more' }));
    await screen.findByText('Think pair share, again');
    expect(menuCalls(calls)[1]!.url.searchParams.get('q')).toBe('think pair');
    await expectNoAxeViolations();
  });

  it('when the server read the subject filter as a school subject, then the filter shows that subject', async () => {
    menuApi(() => ({ items: [strategy({ id: 's1', title: 'Turn and talk' })], subject: 'Science' }));
    render(<MenuView token="t" mode="menu" isCoach={false} search={{ subject: 'Sci' }} />);
    await waitFor(() => expect((screen.getByLabelText('Subject') as HTMLInputElement).value).toBe('Science'));
    expect(screen.queryByText(/Showing results for/)).toBeNull();
  });
});
