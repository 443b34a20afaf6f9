import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Unit } from '../api/types';
import { es } from '../i18n/es';
import { unitPath, useCatalog } from '../lib/catalog';
import type { Catalog } from '../lib/catalog';
import { fold, matchesWords } from '../lib/text';
import type { FieldA11y } from './Field';

interface Props {
  a11y: FieldA11y;
  value: number | null;
  onChange: (unitId: number | null) => void;
  /** Units that may not be chosen (e.g. the one that holds the dossier). */
  exclude?: number[];
  /** Organisation listed first (the user's own). */
  preferOrganization?: number | null;
  /** Only units of this organisation. */
  organization?: number | null;
  includeInactive?: boolean;
  autoFocus?: boolean;
}

interface Option {
  unit: Unit;
  label: string;
  detail: string;
  haystack: string;
}

const MAX_OPTIONS = 60;

function buildOptions(c: Catalog, p: Props): Option[] {
  const excluded = new Set(p.exclude ?? []);
  const opts = c.units
    .filter((u) => (p.includeInactive || u.active) && !excluded.has(u.id))
    .filter((u) => !p.organization || u.organization_id === p.organization)
    .map((u) => {
      const org = c.orgById.get(u.organization_id)?.name ?? '';
      const path = unitPath(c, u);
      const detail = [org, path].filter(Boolean).join(' · ');
      return { unit: u, label: u.name, detail, haystack: `${u.name} ${u.code} ${org} ${path}` };
    });
  const prefer = p.preferOrganization ?? null;
  return opts.sort((a, b) => {
    const pa = a.unit.organization_id === prefer ? 0 : 1;
    const pb = b.unit.organization_id === prefer ? 0 : 1;
    if (pa !== pb) return pa - pb;
    if (a.unit.organization_id !== b.unit.organization_id) return a.unit.organization_id - b.unit.organization_id;
    return a.label.localeCompare(b.label, 'es');
  });
}

/**
 * Type-ahead over the units of every organisation tree (ARIA 1.2 combobox with a listbox):
 * type part of a name, code or organisation; ↓/↑ to move, Intro to choose, Esc to close.
 */
export function UnitPicker(props: Props) {
  const { a11y, value, onChange, autoFocus } = props;
  const catalog = useCatalog();
  const options = useMemo(
    () => (catalog ? buildOptions(catalog, props) : []),
    [catalog, props.exclude?.join(','), props.preferOrganization, props.organization, props.includeInactive],
  );
  const selected = value ? catalog?.unitById.get(value) ?? null : null;
  const [text, setText] = useState(selected?.name ?? '');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [typed, setTyped] = useState(false);
  const listRef = useRef<HTMLUListElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (autoFocus) inputRef.current?.focus();
  }, []);
  const listId = `${a11y.id}-list`;

  useEffect(() => {
    if (!typed) setText(selected?.name ?? '');
  }, [selected?.id, selected?.name]);

  const filtered = useMemo(() => {
    const q = typed ? text.trim() : '';
    const list = q ? options.filter((o) => matchesWords(o.haystack, q)) : options;
    if (q) {
      const fq = fold(q);
      list.sort((a, b) => Number(!fold(a.label).startsWith(fq)) - Number(!fold(b.label).startsWith(fq)));
    }
    return list.slice(0, MAX_OPTIONS);
  }, [options, text, typed]);

  useEffect(() => {
    if (active >= 0) {
      listRef.current?.querySelector(`#${CSS.escape(`${a11y.id}-opt-${active}`)}`)?.scrollIntoView({ block: 'nearest' });
    }
  }, [active]);

  const choose = (o: Option | undefined) => {
    if (!o) return;
    onChange(o.unit.id);
    setText(o.unit.name);
    setTyped(false);
    setOpen(false);
    setActive(-1);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setOpen(true);
      setActive((i) => Math.min(filtered.length - 1, i + 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setOpen(true);
      setActive((i) => Math.max(0, i - 1));
    } else if (e.key === 'Enter') {
      if (open && filtered.length) {
        e.preventDefault();
        choose(filtered[active >= 0 ? active : 0]);
      }
    } else if (e.key === 'Escape') {
      if (open) {
        e.preventDefault();
        e.stopPropagation();
        setOpen(false);
        setActive(-1);
      }
    }
  };

  const onBlur = () => {
    if (typed) {
      if (!text.trim()) {
        onChange(null);
        setText('');
      } else if (open && active >= 0 && filtered[active]) {
        choose(filtered[active]);
        return;
      } else if (filtered.length === 1) {
        choose(filtered[0]);
        return;
      } else {
        setText(selected?.name ?? '');
      }
      setTyped(false);
    }
    setOpen(false);
    setActive(-1);
  };

  const expanded = open && catalog !== null;
  return (
    <div class="combo">
      <input
        {...a11y}
        type="text"
        role="combobox"
        autoComplete="off"
        spellcheck={false}
        aria-autocomplete="list"
        aria-expanded={expanded ? 'true' : 'false'}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? `${a11y.id}-opt-${active}` : undefined}
        placeholder={es.unitPicker.placeholder}
        value={text}
        ref={inputRef}
        onInput={(e) => {
          setText(e.currentTarget.value);
          setTyped(true);
          setOpen(true);
          setActive(e.currentTarget.value.trim() ? 0 : -1);
        }}
        onFocus={() => setOpen(false)}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={onKeyDown}
        onBlur={onBlur}
      />
      {selected && !typed ? (
        <span class="combo__detail">
          {catalog?.orgById.get(selected.organization_id)?.name}
          {selected.is_desk ? ` · ${es.unitPicker.desk}` : ''}
        </span>
      ) : null}
      <ul id={listId} role="listbox" class="combo__list" hidden={!expanded} ref={listRef} aria-label={es.unitPicker.results(filtered.length)}>
        {filtered.length === 0 ? (
          <li class="combo__empty" role="presentation">
            {es.unitPicker.noResults}
          </li>
        ) : (
          filtered.map((o, i) => (
            <li
              key={o.unit.id}
              id={`${a11y.id}-opt-${i}`}
              role="option"
              aria-selected={i === active ? 'true' : 'false'}
              class={`combo__option${i === active ? ' combo__option--active' : ''}`}
              onMouseDown={(e) => {
                e.preventDefault();
                choose(o);
              }}
              onMouseMove={() => setActive(i)}
            >
              <span class="combo__name">
                {o.label}
                {o.unit.is_desk ? <span class="tag">{es.unitPicker.desk}</span> : null}
                {!o.unit.active ? <span class="tag tag--muted">{es.unitPicker.inactive}</span> : null}
              </span>
              <span class="combo__path">{o.detail}</span>
            </li>
          ))
        )}
      </ul>
    </div>
  );
}
