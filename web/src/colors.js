// Colours of the six ACLED event types (map, table, timeline legend) and of the evidence
// field groups (highlights in the article text). Chosen to be told apart by most
// colour-blind readers too: the type is always written next to its colour as well.

export const TYPE_COLORS = {
  Battles: "#c0392b",
  "Explosions/Remote violence": "#e67e22",
  "Violence against civilians": "#8e44ad",
  Protests: "#2874a6",
  Riots: "#b7950b",
  "Strategic developments": "#1e8449",
};

export function typeColor(type) {
  return TYPE_COLORS[type] || "#7f8c8d";
}

// Evidence fields in groups, one colour each (CSS classes .f-<group>), in priority order:
// where spans overlap, the first group listed names the colour.
export const FIELD_GROUPS = [
  { key: "fatalities", label: "Fatalities", fields: ["fatalities", "fatalities_low", "fatalities_high"] },
  { key: "injuries", label: "Injuries", fields: ["injuries"] },
  { key: "date", label: "Date", fields: ["event_date", "time_precision", "year"] },
  { key: "actor1", label: "Actor 1", fields: ["actor1", "assoc_actor_1", "inter1"] },
  { key: "actor2", label: "Actor 2", fields: ["actor2", "assoc_actor_2", "inter2", "interaction"] },
  {
    key: "type",
    label: "Event type",
    fields: ["event_type", "sub_event_type", "disorder_type", "civilian_targeting"],
  },
  {
    key: "place",
    label: "Place",
    fields: ["location", "admin1", "admin2", "admin3", "country", "iso", "region", "latitude",
      "longitude", "geo_precision"],
  },
];

const GROUP_OF = new Map(FIELD_GROUPS.flatMap((g, i) => g.fields.map((f) => [f, i])));

export function fieldGroup(field) {
  const i = GROUP_OF.get(field);
  return i === undefined ? { key: "other", label: "Other", fields: [] } : FIELD_GROUPS[i];
}

export function fieldRank(field) {
  const i = GROUP_OF.get(field);
  return i === undefined ? FIELD_GROUPS.length : i;
}

export function fieldLabel(field) {
  return field.replace(/_/g, " ");
}
