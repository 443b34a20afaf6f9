// Where the server's PDFs live.
export const receiptUrl = (dossierId: number) => `/api/v1/dossiers/${dossierId}/receipt.pdf`;
export const deliveryNoteUrl = (noteId: number) => `/api/v1/delivery-notes/${noteId}.pdf`;
export const attachmentUrl = (id: number, download = false) =>
  `/api/v1/attachments/${id}/content${download ? '?download=1' : ''}`;
export const submissionFileUrl = (submissionId: number, fileId: number) =>
  `/api/v1/submissions/${submissionId}/files/${fileId}/content`;
