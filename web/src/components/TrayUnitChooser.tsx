import { es } from '../i18n/es';
import { navigate, pathWithQuery, useLocation } from '../lib/router';
import { can, useSession } from '../lib/session';
import { Field } from './Field';
import { UnitPicker } from './UnitPicker';

/** The unit whose tray is shown: the user's own; an ADMIN (no unit) picks one (?unidad=). */
export function useTrayUnit(): number | null {
  const { me } = useSession();
  const loc = useLocation();
  if (me.unit) return me.unit.id;
  const q = Number(loc.query.get('unidad'));
  return Number.isInteger(q) && q > 0 ? q : null;
}

/** For ADMIN only: the unit picker above a tray. */
export function TrayUnitChooser() {
  const { me } = useSession();
  const loc = useLocation();
  const unit = useTrayUnit();
  if (!can.pickTrayUnit(me)) return null;
  return (
    <div class="toolbar">
      <Field id="tray-unit" label={es.common.unitForAdmin} hint={es.common.unitForAdminHint} className="field--inline">
        {(a) => (
          <UnitPicker
            a11y={a}
            value={unit}
            includeInactive
            onChange={(id) => navigate(pathWithQuery(loc.path, { unidad: id ?? undefined }), true)}
          />
        )}
      </Field>
    </div>
  );
}
