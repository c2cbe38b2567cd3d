import { useI18n } from '../../../platform/ui/i18n-context.tsx';
import { TableScroll } from '../../../platform/ui/TableScroll.tsx';
import type { MatrixCellOutput } from '../risk.schema.ts';

/**
 * The 5×5 matrix as a real table: probability 5 at the top, consequence 1–5 across. Each cell says its
 * risk and level in words and lists the hazards in it by number; the colour only repeats the level.
 */
export function RiskMatrix({ id, caption, cells, numberOf }: { id: string; caption: string; cells: MatrixCellOutput[][]; numberOf: Map<string, number> }) {
  const { t } = useI18n();
  return (
    <TableScroll label={caption}>
      <table className="risk-matrix" id={id}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <td rowSpan={2} className="risk-corner">
              {t('risk.matrix.probabilityAxis')}
            </td>
            <th colSpan={5} scope="colgroup">
              {t('risk.matrix.consequenceAxis')}
            </th>
          </tr>
          <tr>
            {[1, 2, 3, 4, 5].map((c) => (
              <th key={c} scope="col">
                <span className="risk-sr">{t('risk.matrix.consequenceAxisName')} </span>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {cells.map((row) => (
            <tr key={row[0]!.probability}>
              <th scope="row">
                <span className="risk-sr">{t('risk.matrix.probabilityAxisName')} </span>
                {row[0]!.probability}
              </th>
              {row.map((cell) => (
                <td key={cell.consequence} data-level={cell.level} data-probability={cell.probability} data-consequence={cell.consequence}>
                  <span className="risk-score">
                    {t('risk.matrix.cell', { risk: cell.risk })}, {t(`risk.level.${cell.level}`)}
                  </span>
                  {cell.hazardIds.length > 0 && (
                    <ul>
                      {cell.hazardIds.map((h) => (
                        <li key={h}>#{numberOf.get(h)}</li>
                      ))}
                    </ul>
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
