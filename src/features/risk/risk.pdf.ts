import type { Ctx } from '../../platform/http/context.ts';
import { requirePermission } from '../../platform/auth/permissions.ts';
import { recordEvent } from '../../platform/audit/audit.service.ts';
import type { Content } from 'pdfmake/interfaces.js';
import { renderPdf, type TDocumentDefinitions } from '../../platform/pdf/render.ts';
import { translate } from '../../platform/i18n/i18n.ts';
import { getRiskAnalysis } from './risk.service.ts';
import { findTenantName } from './risk.queries.ts';
import type { HazardOutput, MatrixCellOutput, RiskAnalysisOutput } from './risk.schema.ts';
import { osloDate } from '../../platform/time/oslo.ts';

// The risk analysis as a PDF for the steering group and the archive (bokmål).

const day = (iso: string | null) => (iso ? `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}` : '–');
const fill = { low: '#d7f0dd', medium: '#fff1c2', high: '#f7d4d0' } as const;
const levelText = { low: 'lav', medium: 'middels', high: 'over grensen' } as const;

function matrixTable(cells: MatrixCellOutput[][], numberOf: Map<string, number>): Content {
  const header = [{ text: 'Sannsynlighet \\ konsekvens', bold: true, fontSize: 8 }, ...[1, 2, 3, 4, 5].map((c) => ({ text: String(c), bold: true, alignment: 'center' as const }))];
  const body = cells.map((row) => [
    { text: String(row[0]!.probability), bold: true, alignment: 'center' as const },
    ...row.map((cell) => ({
      text: [
        { text: `${cell.risk} (${levelText[cell.level]})\n`, fontSize: 7, color: '#333333' },
        { text: cell.hazardIds.map((id) => `#${numberOf.get(id)}`).join(' '), bold: true },
      ],
      fillColor: fill[cell.level],
      alignment: 'center' as const,
    })),
  ]);
  return { table: { headerRows: 1, widths: [70, '*', '*', '*', '*', '*'], body: [header, ...body] }, margin: [0, 4, 0, 12] } as Content;
}

function hazardBlock(h: HazardOutput, n: number, threshold: number): Content {
  const verdict = (risk: number, needs: boolean) => `${risk} ${needs ? `≥ ${threshold}: krever tiltak` : `< ${threshold}: under tiltaksgrensen`}`;
  return {
    stack: [
      { text: `#${n} ${h.title}`, bold: true, margin: [0, 8, 0, 2] },
      ...(h.description ? [{ text: h.description, fontSize: 10 }] : []),
      { text: `Før tiltak: sannsynlighet ${h.probability} × konsekvens ${h.consequence} = ${verdict(h.risk, h.needsMeasures)}`, fontSize: 10 },
      {
        text:
          h.residualRisk === null
            ? 'Restrisiko etter tiltak: ikke vurdert'
            : `Etter tiltak: sannsynlighet ${h.residualProbability} × konsekvens ${h.residualConsequence} = ${verdict(h.residualRisk, h.residualNeedsMeasures!)}`,
        fontSize: 10,
      },
      { text: `Neste gjennomgang: ${day(h.reviewOn)}`, fontSize: 10 },
      h.measures.length === 0
        ? { text: 'Tiltak: ingen registrert', fontSize: 10 }
        : { ul: h.measures.map((m) => `${m.description} – ansvarlig: ${m.owner}, frist ${day(m.dueOn)}${m.doneOn ? `, gjennomført ${day(m.doneOn)}` : ''}`), fontSize: 10 },
      ...(h.realisedBy.length > 0
        ? [
            {
              text: `Avvik som har inntruffet: ${h.realisedBy
                .map((i) => `${day(i.occurredAt.slice(0, 10))} ${translate('nb', `incidents.type.${i.type}`).toLowerCase()} (${translate('nb', `incidents.severity.${i.severity}`).toLowerCase()})`)
                .join('; ')}`,
              fontSize: 10,
            },
          ]
        : []),
    ],
    unbreakable: true,
  } as Content;
}

export function riskAnalysisDocument(a: RiskAnalysisOutput, municipality: string, printedOn: string): TDocumentDefinitions {
  const numberOf = new Map(a.hazards.map((h, i) => [h.id, i + 1]));
  return {
    content: [
      { text: `ROS-analyse – ${municipality}`, fontSize: 18, bold: true },
      { text: `Skrevet ut ${day(printedOn)}`, fontSize: 9, margin: [0, 0, 0, 10] },
      { text: `Tiltaksgrense: ${a.threshold}. Risiko = sannsynlighet × konsekvens (1–5 hver). Risiko ≥ ${a.threshold} krever tiltak.`, bold: true },
      ...(a.thresholdHistory.length > 0
        ? [{ ul: a.thresholdHistory.map((h) => `Fra ${day(h.validFrom)}: ${h.threshold}${h.reason ? ` – ${h.reason}` : ''}`), fontSize: 10, margin: [0, 4, 0, 8] as [number, number, number, number] }]
        : [{ text: 'Standard tiltaksgrense (9), ikke endret.', fontSize: 10 }]),
      { text: 'Risikomatrise før tiltak', fontSize: 13, bold: true, margin: [0, 8, 0, 0] },
      matrixTable(a.matrixBefore, numberOf),
      { text: 'Risikomatrise etter tiltak (restrisiko)', fontSize: 13, bold: true },
      matrixTable(a.matrixAfter, numberOf),
      { text: 'Farer, tiltak og restrisiko', fontSize: 13, bold: true, pageBreak: 'before' },
      ...a.hazards.map((h, i) => hazardBlock(h, i + 1, a.threshold)),
    ],
  };
}

/** The analysis as PDF; printing it is audited. */
export async function riskAnalysisPdf(ctx: Ctx): Promise<{ pdf: Buffer; filename: string }> {
  const user = requirePermission(ctx, 'risk:read');
  const municipality = await findTenantName(ctx.db, user.tenantId);
  const analysis = await getRiskAnalysis(ctx);
  const printedOn = osloDate(ctx.now);
  await recordEvent(ctx, { action: 'risk.print', entityType: 'risk_analysis', details: { hazards: analysis.hazards.length } });
  const pdf = await renderPdf(riskAnalysisDocument(analysis, municipality, printedOn), { title: `ROS-analyse ${municipality}` });
  return { pdf, filename: `ros-analyse-${printedOn}.pdf` };
}
