import { z } from 'zod';
import { AccountReportDocument, REPORT_SCHEMA_VERSION } from './account-report';

/** The account report's JSON Schema (draft-07), as committed in account-report.schema.json. */
export function reportJsonSchema(): Record<string, unknown> {
  return {
    $id: `https://deskside.invalid/schemas/account-report/v${REPORT_SCHEMA_VERSION}.json`,
    title: 'Deskside account report',
    description:
      'One customer account as Deskside exports it: header, summary and one section per tab, each value raw and displayed. Personal data.',
    ...z.toJSONSchema(AccountReportDocument, { target: 'draft-7', io: 'output' }),
  };
}
