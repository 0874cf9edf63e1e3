import {
  Autocomplete,
  Box,
  Button,
  Checkbox,
  Chip,
  FormControlLabel,
  FormHelperText,
  IconButton,
  MenuItem,
  Paper,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import DeleteIcon from '@mui/icons-material/Delete';
import type { AttributeDefinition, ChildAttribute } from '@shared/domain/identity-store';

type FieldProps = {
  attribute: Pick<AttributeDefinition, 'key' | 'type' | 'displayName' | 'required' | 'options'>;
  value: unknown;
  disabled: boolean;
  error?: string | undefined;
  onChange(value: unknown): void;
};

const asText = (value: unknown) =>
  typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value);
const asList = (value: unknown): string[] => (Array.isArray(value) ? value.map((item) => asText(item)) : []);

/** One scalar field, by type: text, email, phone, date, select, checkbox. */
function ScalarField({ attribute, value, disabled, error, onChange }: FieldProps) {
  const common = {
    fullWidth: true,
    size: 'small' as const,
    label: attribute.displayName,
    required: attribute.required,
    disabled,
    error: Boolean(error),
    helperText: error ?? ' ',
    slotProps: { htmlInput: { 'data-attribute': attribute.key } },
  };
  switch (attribute.type) {
    case 'CHECKBOX':
      return (
        <Box>
          <FormControlLabel
            disabled={disabled}
            label={attribute.displayName}
            control={
              <Checkbox
                checked={value === true}
                onChange={(event) => onChange(event.target.checked)}
                slotProps={{ input: { 'aria-describedby': undefined } }}
              />
            }
          />
          {error && <FormHelperText error>{error}</FormHelperText>}
        </Box>
      );
    case 'SELECT':
      return (
        <TextField {...common} select value={asText(value)} onChange={(event) => onChange(event.target.value)}>
          <MenuItem value="">
            <em>None</em>
          </MenuItem>
          {attribute.options.map((option) => (
            <MenuItem key={option.value} value={option.value}>
              {option.label}
            </MenuItem>
          ))}
        </TextField>
      );
    case 'DATE':
      return (
        <TextField
          {...common}
          type="date"
          value={asText(value)}
          onChange={(event) => onChange(event.target.value)}
          slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-attribute': attribute.key } }}
        />
      );
    case 'EMAIL':
      return (
        <TextField {...common} type="email" value={asText(value)} onChange={(event) => onChange(event.target.value)} />
      );
    case 'PHONE_NUMBER':
      return (
        <TextField
          {...common}
          type="tel"
          placeholder="+36301234567"
          value={asText(value)}
          onChange={(event) => onChange(event.target.value)}
          helperText={error ?? 'International format, such as +36301234567'}
        />
      );
    default:
      return <TextField {...common} value={asText(value)} onChange={(event) => onChange(event.target.value)} />;
  }
}

/** Lists of text, emails, phones, dates or choices: chips, typed in or chosen. */
function ListField({ attribute, value, disabled, error, onChange }: FieldProps) {
  const items = asList(value);
  const choices = attribute.type === 'SELECT_LIST';
  return (
    <Autocomplete
      multiple
      freeSolo={!choices}
      disabled={disabled}
      options={choices ? attribute.options.map((option) => option.value) : []}
      getOptionLabel={(option) => attribute.options.find((item) => item.value === option)?.label ?? option}
      value={items}
      onChange={(_event, next) => onChange(next.map((item) => item.trim()).filter(Boolean))}
      renderValue={(selected, getItemProps) =>
        selected.map((option, index) => {
          const { key, ...props } = getItemProps({ index });
          return (
            <Chip
              key={key}
              size="small"
              label={attribute.options.find((item) => item.value === option)?.label ?? option}
              {...props}
            />
          );
        })
      }
      renderInput={(params) => (
        <TextField
          {...params}
          size="small"
          label={attribute.displayName}
          required={attribute.required}
          error={Boolean(error)}
          helperText={error ?? (choices ? ' ' : 'Type an item and press Enter')}
          slotProps={{
            ...params.slotProps,
            htmlInput: { ...params.slotProps.htmlInput, 'data-attribute': attribute.key },
          }}
        />
      )}
    />
  );
}

/** A list of records (addresses, say): one small form per item. */
function ComplexListField(props: FieldProps & { children: ChildAttribute[] }) {
  const items = Array.isArray(props.value) ? (props.value as Array<Record<string, unknown>>) : [];
  const update = (index: number, name: string, value: unknown) =>
    props.onChange(
      items.map((item, at) => (at === index ? { ...item, [name]: value === '' ? undefined : value } : item)),
    );
  return (
    <Paper variant="outlined" sx={{ p: 1.5 }} data-attribute={props.attribute.key}>
      <Typography variant="subtitle2" sx={{ mb: 1 }}>
        {props.attribute.displayName}
      </Typography>
      <Stack spacing={1}>
        {items.map((item, index) => (
          <Stack direction="row" spacing={1} key={index} sx={{ alignItems: 'flex-start' }}>
            {props.children.map((child) => (
              <ScalarField
                key={child.name}
                attribute={{ ...child, key: `${props.attribute.key}.${index}.${child.name}` }}
                value={item[child.name]}
                disabled={props.disabled}
                onChange={(value) => update(index, child.name, value)}
              />
            ))}
            <IconButton
              aria-label={`Remove item ${index + 1} of ${props.attribute.displayName}`}
              disabled={props.disabled}
              onClick={() => props.onChange(items.filter((_item, at) => at !== index))}
            >
              <DeleteIcon fontSize="small" />
            </IconButton>
          </Stack>
        ))}
      </Stack>
      <Button size="small" disabled={props.disabled} onClick={() => props.onChange([...items, {}])}>
        Add {props.attribute.displayName.toLowerCase()}
      </Button>
      {props.error && <FormHelperText error>{props.error}</FormHelperText>}
    </Paper>
  );
}

/** The field for an attribute of any type the schema may hold. */
export function AttributeField(props: FieldProps & { definition: AttributeDefinition }) {
  if (props.definition.type === 'COMPLEX_LIST')
    return <ComplexListField {...props}>{props.definition.children ?? []}</ComplexListField>;
  if (props.definition.type.endsWith('_LIST')) return <ListField {...props} />;
  return <ScalarField {...props} />;
}
