// The one place the UI talks to Rust: generated bindings, unwrapped into values or a typed error.
import { commands } from "../bindings";
import type {
  AdjustmentDraft,
  AppError,
  AppointmentAction,
  AppointmentDraft,
  AppointmentType,
  AsapDraft,
  AuditQuery,
  BackupSchedule,
  Blockout,
  CarrierDraft,
  ClaimAction,
  ClaimWorklist,
  ContactDraft,
  CoverageDraft,
  Device,
  ErrorCode,
  FieldError,
  FirstAdmin,
  NewUserInput,
  Operatory,
  Permission,
  PaymentDraft,
  PaymentLine,
  PaymentPlanDraft,
  PlanDraft,
  PracticeInfo,
  PreauthAction,
  RecallType,
  ReportRequest,
  Provider,
  Role,
  SecuritySettings,
  Result as CommandResult,
  SlotRequest,
  TreatmentItemDraft,
  UserAction,
  VerificationDraft,
  WeeklyHours,
  WorklistLimits,
} from "../bindings";

type Result<T> = CommandResult<T, AppError>;

/** A command's typed error, thrown so components can `try/catch` around a call. */
export class ApiError extends Error {
  readonly code: ErrorCode | "ipc";
  readonly fields: FieldError[];
  constructor(code: ErrorCode | "ipc", message: string, fields: FieldError[] = []) {
    super(message);
    this.code = code;
    this.fields = fields;
  }
  /** Field path → first problem, e.g. { date_of_birth: "is not a real date" }. */
  fieldMap(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const f of this.fields) out[f.field] ??= f.problem;
    return out;
  }
}

let sessionLockedListener: (() => void) | null = null;

/** Called whenever a command answers `session_locked` (the window then shows the lock screen). */
export function onSessionLocked(listener: (() => void) | null) {
  sessionLockedListener = listener;
}

export async function unwrap<T>(call: Promise<Result<T>>): Promise<T> {
  let r: Result<T>;
  try {
    r = await call;
  } catch (e) {
    // The IPC layer itself failed (not a typed command error).
    throw new ApiError("ipc", e instanceof Error ? e.message : String(e));
  }
  if (r.status === "ok") return r.data;
  if (r.error.code === "session_locked") sessionLockedListener?.();
  throw new ApiError(r.error.code, r.error.message, r.error.fields);
}

export function asApiError(e: unknown): ApiError {
  return e instanceof ApiError ? e : new ApiError("internal", e instanceof Error ? e.message : String(e));
}

export const api = {
  status: () => unwrap(commands.appStatus()),
  unlock: (code: string) => unwrap(commands.unlockWithRecoveryCode(code)),
  recoveryKit: (password: string) => unwrap(commands.recoveryKit(password)),
  saveRecoveryKitPdf: (password: string) => unwrap(commands.saveRecoveryKitPdf(password)),
  createFirstAdmin: (admin: FirstAdmin) => unwrap(commands.firstAdminCreate(admin)),
  signIn: (username: string, password: string) => unwrap(commands.signIn(username, password)),
  signInPin: (username: string, pin: string) => unwrap(commands.signInPin(username, pin)),
  signOut: () => unwrap(commands.signOut()),
  lockSession: () => unwrap(commands.sessionLock()),
  touchSession: () => unwrap(commands.sessionTouch()),
  setOwnPin: (password: string, pin: string) => unwrap(commands.ownPinSet(password, pin)),
  changeOwnPassword: (oldPassword: string, newPassword: string) =>
    unwrap(commands.ownPasswordChange(oldPassword, newPassword)),
  users: () => unwrap(commands.usersList()),
  addUser: (user: NewUserInput) => unwrap(commands.userAdd(user)),
  setUserActive: (username: string, action: UserAction) => unwrap(commands.userSetActive(username, action)),
  setUserRole: (username: string, role: Role) => unwrap(commands.userSetRole(username, role)),
  setUserPermission: (username: string, permission: Permission, allow: boolean) =>
    unwrap(commands.userSetPermission(username, permission, allow)),
  resetUserPassword: (username: string, password: string) => unwrap(commands.userResetPassword(username, password)),
  auditList: (query: AuditQuery) => unwrap(commands.auditList(query)),
  auditVerify: () => unwrap(commands.auditVerify()),
  auditExport: (query: AuditQuery) => unwrap(commands.auditExport(query)),
  securitySettings: () => unwrap(commands.securitySettings()),
  saveSecuritySettings: (settings: SecuritySettings) => unwrap(commands.securitySettingsSet(settings)),
  acknowledgeRecoveryKit: () => unwrap(commands.acknowledgeRecoveryKit()),
  backupHealth: () => unwrap(commands.backupHealth()),
  backupSchedule: () => unwrap(commands.backupSchedule()),
  saveBackupSchedule: (schedule: BackupSchedule) => unwrap(commands.backupScheduleSet(schedule)),
  search: (query: string, includeArchived = false) => unwrap(commands.patientSearch(query, includeArchived)),
  get: (id: number) => unwrap(commands.patientGet(id)),
  create: (draft: Parameters<typeof commands.patientCreate>[0]) => unwrap(commands.patientCreate(draft)),
  update: (id: number, version: number, draft: Parameters<typeof commands.patientUpdate>[2]) =>
    unwrap(commands.patientUpdate(id, version, draft)),
  archive: (id: number, version: number) => unwrap(commands.patientArchive(id, version)),
  unarchive: (id: number, version: number) => unwrap(commands.patientUnarchive(id, version)),
  familyLink: (memberId: number, guarantorId: number, relationship: Parameters<typeof commands.familyLink>[2]) =>
    unwrap(commands.familyLink(memberId, guarantorId, relationship)),
  familyUnlink: (memberId: number) => unwrap(commands.familyUnlink(memberId)),
  audit: (id: number) => unwrap(commands.patientAudit(id)),
  fees: () => unwrap(commands.feeSchedule()),
  importFees: (csv: string) => unwrap(commands.feeScheduleImport(csv)),
  carriers: () => unwrap(commands.carriers()),
  saveCarrier: (id: number | null, draft: CarrierDraft) => unwrap(commands.carrierSave(id, draft)),
  plans: () => unwrap(commands.plans()),
  savePlan: (id: number | null, draft: PlanDraft) => unwrap(commands.planSave(id, draft)),
  coverages: (patient: number) => unwrap(commands.coverages(patient)),
  saveCoverage: (patient: number, id: number | null, draft: CoverageDraft) =>
    unwrap(commands.coverageSave(patient, id, draft)),
  treatmentPlan: (patient: number) => unwrap(commands.treatmentPlan(patient)),
  addTreatment: (patient: number, draft: TreatmentItemDraft) => unwrap(commands.treatmentAdd(patient, draft)),
  moveTreatment: (patient: number, item: number, position: number) =>
    unwrap(commands.treatmentMove(patient, item, position)),
  completeTreatment: (patient: number, item: number, day: string) =>
    unwrap(commands.treatmentComplete(patient, item, day)),
  removeTreatment: (patient: number, item: number) => unwrap(commands.treatmentRemove(patient, item)),
  dueToday: (patient: number) => unwrap(commands.dueToday(patient)),
  patientClaims: (patient: number) => unwrap(commands.patientClaims(patient)),
  claim: (id: number) => unwrap(commands.claimGet(id)),
  createClaim: (patient: number, coverage: number, serviceDate: string, items: number[]) =>
    unwrap(commands.claimCreate(patient, coverage, serviceDate, items)),
  claimAction: (id: number, action: ClaimAction) => unwrap(commands.claimAction(id, action)),
  claimPayment: (id: number, paidOn: string, lines: PaymentLine[]) => unwrap(commands.claimPayment(id, paidOn, lines)),
  claimFollowUp: (id: number, followUp: string, notes: string) => unwrap(commands.claimFollowUp(id, followUp, notes)),
  claimWorklist: (list: ClaimWorklist) => unwrap(commands.claimWorklist(list)),
  saveClaimPdf: (id: number) => unwrap(commands.claimSavePdf(id)),
  createPreauth: (patient: number, coverage: number, items: number[]) =>
    unwrap(commands.preauthCreate(patient, coverage, items)),
  patientPreauths: (patient: number) => unwrap(commands.patientPreauths(patient)),
  preauthAction: (id: number, action: PreauthAction) => unwrap(commands.preauthAction(id, action)),
  preauthWorklist: () => unwrap(commands.preauthWorklist()),
  verifyCoverage: (patient: number, coverage: number, draft: VerificationDraft) =>
    unwrap(commands.coverageVerify(patient, coverage, draft)),
  verifications: (coverage: number) => unwrap(commands.coverageVerifications(coverage)),
  worklistLimits: () => unwrap(commands.worklistLimits()),
  saveWorklistLimits: (limits: WorklistLimits) => unwrap(commands.worklistLimitsSave(limits)),
  scheduleSetup: () => unwrap(commands.scheduleSetup()),
  scheduleDay: (date: string) => unwrap(commands.scheduleDay(date)),
  bookAppointment: (draft: AppointmentDraft) => unwrap(commands.appointmentBook(draft)),
  moveAppointment: (id: number, draft: AppointmentDraft) => unwrap(commands.appointmentMove(id, draft)),
  appointmentAction: (id: number, action: AppointmentAction) => unwrap(commands.appointmentAction(id, action)),
  eligibilityWorklist: () => unwrap(commands.eligibilityWorklist()),
  patientAppointments: (patient: number) => unwrap(commands.patientAppointments(patient)),
  recallList: (from: string, until: string, unscheduledOnly: boolean) =>
    unwrap(commands.recallList(from, until, unscheduledOnly)),
  unscheduledList: () => unwrap(commands.unscheduledList()),
  confirmationList: (days: number) => unwrap(commands.confirmationList(days)),
  appointmentContact: (appointment: number, draft: ContactDraft) => unwrap(commands.appointmentContact(appointment, draft)),
  patientContacts: (patient: number) => unwrap(commands.patientContacts(patient)),
  logPatientContact: (patient: number, draft: ContactDraft) => unwrap(commands.patientContactLog(patient, draft)),
  exportReminders: (date: string) => unwrap(commands.remindersExport(date)),
  addAsap: (patient: number, draft: AsapDraft) => unwrap(commands.asapAdd(patient, draft)),
  removeAsap: (id: number) => unwrap(commands.asapRemove(id)),
  asapList: () => unwrap(commands.asapList()),
  asapCandidates: (freed: number) => unwrap(commands.asapCandidates(freed)),
  asapFill: (freed: number, request: number) => unwrap(commands.asapFill(freed, request)),
  appointmentHistory: (id: number) => unwrap(commands.appointmentHistory(id)),
  saveRecallType: (recall: RecallType) => unwrap(commands.recallTypeSave(recall)),
  saveDevice: (device: Device) => unwrap(commands.deviceSave(device)),
  saveCallList: (days: number) => unwrap(commands.callListSave(days)),
  saveOfficeHours: (slotMinutes: number, hours: WeeklyHours) => unwrap(commands.officeHoursSave(slotMinutes, hours)),
  saveProvider: (provider: Provider) => unwrap(commands.providerSave(provider)),
  saveOperatory: (operatory: Operatory) => unwrap(commands.operatorySave(operatory)),
  saveAppointmentType: (kind: AppointmentType) => unwrap(commands.appointmentTypeSave(kind)),
  addHoliday: (date: string, name: string) => unwrap(commands.holidayAdd(date, name)),
  removeHoliday: (date: string) => unwrap(commands.holidayRemove(date)),
  addBlockout: (blockout: Blockout) => unwrap(commands.blockoutAdd(blockout)),
  removeBlockout: (id: number) => unwrap(commands.blockoutRemove(id)),
  scheduleFree: (request: SlotRequest, from: string, count: number) => unwrap(commands.scheduleFree(request, from, count)),
  practiceInfo: () => unwrap(commands.practiceInfo()),
  savePracticeInfo: (info: PracticeInfo) => unwrap(commands.practiceInfoSave(info)),
  account: (patient: number) => unwrap(commands.account(patient)),
  takePayment: (draft: PaymentDraft) => unwrap(commands.paymentTake(draft)),
  adjustAccount: (draft: AdjustmentDraft) => unwrap(commands.accountAdjust(draft)),
  reverseEntry: (patient: number, entry: number, note: string) => unwrap(commands.entryReverse(patient, entry, note)),
  lockLedger: (date: string) => unwrap(commands.ledgerLock(date)),
  daySheet: (date: string) => unwrap(commands.daySheet(date)),
  reportProduction: (from: string, to: string) => unwrap(commands.reportProduction(from, to)),
  reportAging: () => unwrap(commands.reportAging()),
  reportInsuranceAging: () => unwrap(commands.reportInsuranceAging()),
  reportAppointments: (from: string, to: string, provider: number | null) =>
    unwrap(commands.reportAppointments(from, to, provider)),
  reportRecall: (from: string, to: string) => unwrap(commands.reportRecall(from, to)),
  reportNewPatients: (from: string, to: string) => unwrap(commands.reportNewPatients(from, to)),
  reportReferrals: (from: string, to: string) => unwrap(commands.reportReferrals(from, to)),
  reportUnbilled: () => unwrap(commands.reportUnbilled()),
  saveReportCsv: (request: ReportRequest) => unwrap(commands.reportSaveCsv(request)),
  reportUnearned: () => unwrap(commands.reportUnearned()),
  paymentPlan: (patient: number) => unwrap(commands.paymentPlan(patient)),
  createPaymentPlan: (draft: PaymentPlanDraft) => unwrap(commands.paymentPlanCreate(draft)),
  closePaymentPlan: (plan: number) => unwrap(commands.paymentPlanClose(plan)),
  overduePlans: () => unwrap(commands.paymentPlansOverdue()),
  packages: () => unwrap(commands.packages()),
  addPackage: (name: string, sessions: number, priceCents: number) => unwrap(commands.packageAdd(name, sessions, priceCents)),
  sellPackage: (patient: number, packageId: number) => unwrap(commands.packageSell(patient, packageId)),
  redeemPackage: (sale: number, appointment: number | null) => unwrap(commands.packageRedeem(sale, appointment)),
  packageBalances: (patient: number) => unwrap(commands.packageBalances(patient)),
};
