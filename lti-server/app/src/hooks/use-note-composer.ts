import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../../../shared/i18n';
import { blocksSave } from '../../../../shared/note-linter';
import type { ApiResult, Note } from '../api';
import { useNoteLint } from '../components/note-lint';

type Stage =
  /** Writing; Save checks the note first. */
  | 'writing'
  /** Save found a name: nothing is sent until it is gone. */
  | 'blocked'
  /** Save found judgements or guesses: the writer reads why and may save anyway. */
  | 'confirming';

/**
 * The note composer's state: the text, linted while typing, and the Save that never sends silently (a name blocks
 * it, judgements and guesses ask for "Save anyway", the server's reasons are kept to show). The refs are the
 * places focus moves to when the composer stops to explain.
 */
export function useNoteComposer<T = Note>({
  initialText,
  names,
  onSave,
  onSaved,
  onTextChange,
  namesOnly = false,
}: {
  initialText: string;
  names: string[];
  onSave: (text: string, confirmFlags: boolean) => Promise<ApiResult<T>>;
  onSaved: (saved: T) => void;
  onTextChange?: ((text: string) => boolean) | undefined;
  /** Check only for names (reflective texts), not for judgments and guesses. */
  namesOnly?: boolean;
}) {
  const [text, setText] = useState(initialText);
  const [stage, setStage] = useState<Stage>('writing');
  const [error, setError] = useState('');
  const [server, setServer] = useState<{ message: string; reasons: string[] } | null>(null);
  const [busy, setBusy] = useState(false);
  const [draftKept, setDraftKept] = useState(false);
  const { linted, lintNow } = useNoteLint(text, names, namesOnly);
  const box = useRef<HTMLTextAreaElement>(null);
  const blockedRef = useRef<HTMLParagraphElement>(null);
  const confirmRef = useRef<HTMLParagraphElement>(null);
  const serverBox = useRef<HTMLDivElement>(null);
  /** Counts Save presses that stopped to explain, so each one moves focus to the explanation. */
  const [stops, setStops] = useState(0);

  useEffect(() => {
    if (stage === 'blocked') blockedRef.current?.focus();
    if (stage === 'confirming') confirmRef.current?.focus();
  }, [stage, stops]);
  useEffect(() => {
    if (server) serverBox.current?.focus();
  }, [server]);

  const hasName = blocksSave(linted.flags);

  function change(value: string) {
    setText(value);
    setError('');
    if (stage !== 'writing') setStage('writing');
    if (onTextChange) setDraftKept(onTextChange(value));
  }

  async function send(confirmFlags: boolean) {
    setBusy(true);
    const r = await onSave(text.trim(), confirmFlags);
    setBusy(false);
    if (r.ok) {
      setServer(null);
      setStage('writing');
      onSaved(r.data);
      return;
    }
    setStage('writing');
    if (r.code === 'NOTE_FLAGGED') {
      setServer({ message: r.message, reasons: (r.fields ?? []).map((f) => f.message) });
      return;
    }
    const textIssue = r.fields?.find((f) => f.path === 'text');
    if (textIssue) {
      setError(textIssue.message);
      box.current?.focus();
    } else setServer({ message: r.message, reasons: [] });
  }

  function save() {
    setServer(null);
    if (!text.trim()) {
      setError(t('note.empty'));
      box.current?.focus();
      return;
    }
    const flags = lintNow();
    if (flags.length === 0) return send(false);
    setStage(blocksSave(flags) ? 'blocked' : 'confirming');
    setStops((n) => n + 1);
    return undefined;
  }

  function keepEditing() {
    setStage('writing');
    box.current?.focus();
  }

  return {
    text,
    stage,
    error,
    server,
    busy,
    draftKept,
    linted,
    hasName,
    change,
    save,
    send,
    keepEditing,
    box,
    blockedRef,
    confirmRef,
    serverBox,
  };
}
