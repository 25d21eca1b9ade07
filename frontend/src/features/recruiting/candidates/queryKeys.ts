// Query keys of the candidate profile page, shared by its parts so a save refreshes the right ones.
export const candidateKey = (id: string) => ["recruiting", "candidate", id] as const;
export const notesKey = (id: string) => ["recruiting", "candidate", id, "notes"] as const;
export const documentsKey = (id: string) => ["recruiting", "candidate", id, "documents"] as const;
export const fileKey = (fileId: string) => ["files", fileId] as const;
