import type { ReactNode } from 'react';
import { Table, TableBody, TableCell, TableContainer, TableHead, TableRow } from '@mui/material';

/** The tabs' lists: a header row and one row per item (nothing when empty); cells hold text or controls. */
export function SimpleTable<T>(props: {
  label: string;
  columns: string[];
  rows: T[];
  rowKey(row: T): string;
  cells(row: T): ReactNode[];
  onRowOpen?: (row: T) => void;
}) {
  if (props.rows.length === 0) return null;
  return (
    <TableContainer sx={{ maxHeight: 520 }}>
      <Table size="small" stickyHeader aria-label={props.label}>
        <TableHead>
          <TableRow>
            {props.columns.map((column) => (
              <TableCell key={column} sx={{ fontWeight: 600, whiteSpace: 'nowrap' }}>
                {column}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {props.rows.map((row) => (
            <TableRow
              key={props.rowKey(row)}
              hover={Boolean(props.onRowOpen)}
              tabIndex={props.onRowOpen ? 0 : undefined}
              sx={props.onRowOpen ? { cursor: 'pointer' } : undefined}
              onClick={props.onRowOpen ? () => props.onRowOpen!(row) : undefined}
              onKeyDown={
                props.onRowOpen
                  ? (event) => {
                      if (event.key === 'Enter') props.onRowOpen!(row);
                    }
                  : undefined
              }
            >
              {props.cells(row).map((cell, index) => (
                <TableCell key={props.columns[index]} sx={{ overflowWrap: 'break-word', maxWidth: 360 }}>
                  {cell}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
