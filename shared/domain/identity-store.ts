import { z } from 'zod';

export const IdentityStore = z.object({
  name: z.string(),
  description: z.string(),
  /** How many days the store keeps account events (0: for good; null: not said). Lists cached before say nothing. */
  eventRetentionDays: z.number().int().nullable().default(null),
});
export type IdentityStore = z.infer<typeof IdentityStore>;

const AttributeRules = {
  /** Text length and pattern rules (STRING), with the store's own message for a mismatch. */
  validator: z
    .object({
      min: z.number().optional(),
      max: z.number().optional(),
      regex: z.string().optional(),
      errorMessage: z.string().optional(),
    })
    .optional(),
  /** How many items a list attribute may hold. */
  listLimits: z.object({ min: z.number().optional(), max: z.number().optional() }).optional(),
};

/** One field of a complex list's items. */
export const ChildAttribute = z.object({
  name: z.string(),
  type: z.string(),
  displayName: z.string(),
  required: z.boolean(),
  options: z.array(z.object({ value: z.string(), label: z.string() })),
  ...AttributeRules,
});
export type ChildAttribute = z.infer<typeof ChildAttribute>;

/** One attribute of a store's schema, as the search panel and the attributes tab need it. */
export const AttributeDefinition = z.object({
  id: z.string(),
  /** Dotted key of the value in the account data, e.g. name.givenName. */
  key: z.string(),
  type: z.string(),
  displayName: z.string(),
  visible: z.boolean(),
  editable: z.boolean(),
  required: z.boolean(),
  searchable: z.boolean(),
  options: z.array(z.object({ value: z.string(), label: z.string() })),
  ...AttributeRules,
  children: z.array(ChildAttribute).optional(),
});
export type AttributeDefinition = z.infer<typeof AttributeDefinition>;

export const NamedEntity = z.object({ id: z.string(), name: z.string() });
export type NamedEntity = z.infer<typeof NamedEntity>;

/**
 * An identity verification policy and what it asks, step by step (the published step types: proofingData,
 * documentVerification, knowledgeBasedVerification, addressRiskEvaluation, phoneNumberRiskEvaluation,
 * phoneBasedIdentityAffirmation; a type this console does not know is kept and shown as it is).
 */
export const ProofingPolicy = NamedEntity.extend({ steps: z.array(z.string()).default([]) });
export type ProofingPolicy = z.infer<typeof ProofingPolicy>;

const proofingStepWords: Record<string, string> = {
  proofingData: 'confirm their personal details',
  documentVerification: 'photograph an identity document',
  knowledgeBasedVerification: 'answer questions only they should know',
  addressRiskEvaluation: 'have their address checked against risk data',
  phoneNumberRiskEvaluation: 'have their phone number checked (type, recent porting)',
  phoneBasedIdentityAffirmation: "have their details matched with the phone carrier's records",
};

/** What the customer will be asked to do under a policy, in plain words ("" when the policy lists no steps). */
export function proofingStepsInWords(policy: ProofingPolicy): string {
  const words = policy.steps.map((step) => proofingStepWords[step] ?? step);
  if (words.length === 0) return '';
  const list = words.length === 1 ? words[0]! : `${words.slice(0, -1).join(', ')}, then ${words.at(-1)!}`;
  return `Asks the customer to ${list}.`;
}

export const Organization = NamedEntity.extend({ parentId: z.string().nullable() });
export type Organization = z.infer<typeof Organization>;
