export type * from './types';
export {
  CONTRACTS,
  ERROR_CODES,
  PROC_TABLE_FIELDS,
  contractByProcEntry,
  errorCode,
  getContract,
  isDocumentedFor,
  isWsaErrorName,
} from './contracts';
