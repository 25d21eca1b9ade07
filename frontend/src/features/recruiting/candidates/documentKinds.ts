/** The document kinds the API takes (`resume`, `cover_letter`, `other`), worded. */
export const documentKinds = [
  ["resume", "Resume"],
  ["cover_letter", "Cover letter"],
  ["other", "Other"],
] as const;
