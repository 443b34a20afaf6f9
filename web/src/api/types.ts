// Names for the API's shapes, all taken from the generated OpenAPI types (schema.d.ts,
// written by `npm run gen:api` from docs/api/openapi.json). Nothing here is typed by hand.
import type { components, paths } from './schema';

type S = components['schemas'];

export type Problem = S['Problem'];
export type FieldError = S['FieldError'];
export type Ref = S['Ref'];
export type Me = S['Me'];
export type Session = S['Session'];
export type LoginInput = S['LoginInput'];
export type Dossier = S['Dossier'];
export type DossierInput = S['DossierInput'];
export type DossierPatch = S['DossierPatch'];
export type ApplicantInput = S['ApplicantInput'];
export type Transfer = S['Transfer'];
export type TransferInput = S['TransferInput'];
export type BulkTransferInput = S['BulkTransferInput'];
export type DeliveryNote = S['DeliveryNote'];
export type Attachment = S['Attachment'];
export type Annotation = S['Annotation'];
export type HistoryEvent = S['HistoryEvent'];
export type User = S['User'];
export type UserInput = S['UserInput'];
export type UserPatch = S['UserPatch'];
export type Unit = S['Unit'];
export type UnitInput = S['UnitInput'];
export type UnitPatch = S['UnitPatch'];
export type Organization = S['Organization'];
export type OrganizationInput = S['OrganizationInput'];
export type DossierType = S['DossierType'];
export type DossierTypeInput = S['DossierTypeInput'];
export type DossierTypePatch = S['DossierTypePatch'];
export type PublicDossierType = S['PublicDossierType'];
export type SubmissionInput = S['SubmissionInput'];
export type DraftCreated = S['DraftCreated'];
export type SubmissionFile = S['SubmissionFile'];
export type SubmissionReceipt = S['SubmissionReceipt'];
export type Submission = S['Submission'];
export type AcceptResult = S['AcceptResult'];
export type ObserveInput = S['ObserveInput'];
export type RejectInput = S['RejectInput'];
export type Tracking = S['Tracking'];

export type Profile = Me['user']['profile'];
export type DossierState = Dossier['state'];
export type TransferAction = TransferInput['action'];
export type Permission = NonNullable<TransferInput['permission']>;
export type IdType = ApplicantInput['id_type'];
export type Origin = DossierInput['origin'];
export type SubmissionState = Submission['state'];
export type TrackingState = Tracking['state'];

/** Every list answer of the API: `{items, total}`. */
export interface Page<T> {
  items: T[];
  total: number;
}

/** The query parameters of `GET /api/v1/dossiers`. */
export type DossierQuery = NonNullable<paths['/api/v1/dossiers']['get']['parameters']['query']>;
