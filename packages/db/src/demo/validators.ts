/** The demo data is checked with the same validators intake uses (they live in the domain). */
export { idCheckDigit, isIdNumber as checkIdNumber, isMobilePhone, isPhoneNumber } from '@minsheng/domain';
