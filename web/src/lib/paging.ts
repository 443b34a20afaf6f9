import { navigate, pathWithQuery, useLocation } from './router';

/** The page number kept in the address (?pagina=2), so Back returns to the same page. */
export function usePageParam(): [number, (p: number) => void] {
  const loc = useLocation();
  const n = Number(loc.query.get('pagina'));
  const page = Number.isInteger(n) && n > 0 ? n : 1;
  const set = (p: number) => {
    const q: Record<string, string> = {};
    loc.query.forEach((v, k) => (q[k] = v));
    q.pagina = p > 1 ? String(p) : '';
    navigate(pathWithQuery(loc.path, q));
  };
  return [page, set];
}
