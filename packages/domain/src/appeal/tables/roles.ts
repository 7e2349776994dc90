/** Role → target shorthands shared by the track tables. */
export const desk = { agent: 'owner', dispatcher: 'owner' } as const;
export const unit = { handler: 'lead', unit_leader: 'lead' } as const;
export const coUnit = { handler: 'co', unit_leader: 'co' } as const;
/** The system user acts as a supervisor at the root unit; its rows are never reachable from the API (SYSTEM_ACTIONS). */
export const system = { supervisor: 'owner' } as const;
